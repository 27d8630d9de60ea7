/**
 * Serves the production build (dist/) for `npm start` and the Playwright tests:
 *   tsx server/serve.ts            http://127.0.0.1:4173/
 *   PORT=4317 HOST=0.0.0.0 tsx server/serve.ts
 *   TEST_PAGES=1 tsx server/serve.ts  also the test pages (server/test-pages.ts), as Playwright runs it
 * The request handling is in static-handler.ts.
 */
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createStaticHandler } from './static-handler';
import { TEST_PAGES_ROOT, withTestPages } from './test-pages';

export interface ServeOptions {
  /** Folder to serve, relative to the project root. */
  root: string;
  /** Address to listen on (env HOST). */
  host: string;
  /** Port to listen on (env PORT). */
  port: number;
  /** Whether to serve the test pages beside the app (env TEST_PAGES=1); never for `npm start`. */
  testPages: boolean;
}

export const defaultServeOptions: ServeOptions = { root: 'dist', host: '127.0.0.1', port: 4173, testPages: false };

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function optionsFromEnv(env: NodeJS.ProcessEnv): ServeOptions {
  const options = { ...defaultServeOptions };
  if (env.HOST) options.host = env.HOST;
  if (env.PORT) {
    const port = Number(env.PORT);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      throw new Error(`PORT must be a port number, not "${env.PORT}"`);
    }
    options.port = port;
  }
  options.testPages = env.TEST_PAGES === '1';
  return options;
}

function main(): void {
  let options: ServeOptions;
  try {
    options = optionsFromEnv(process.env);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
  const root = path.resolve(projectRoot, options.root);
  if (!existsSync(path.join(root, 'index.html'))) {
    console.error(`No build in ${root}: run \`npm run build\` first (\`npm start\` does both).`);
    process.exit(1);
  }

  let handler = createStaticHandler({ root });
  try {
    if (options.testPages) handler = withTestPages(handler, path.resolve(projectRoot, TEST_PAGES_ROOT));
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
  const server = createServer(handler);
  server.on('error', (error) => {
    console.error(`Cannot listen on ${options.host}:${options.port}: ${error.message}`);
    process.exit(1);
  });
  server.listen(options.port, options.host, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : options.port;
    const host = options.host.includes(':') ? `[${options.host}]` : options.host;
    console.log(`Voice search is running at http://${host}:${port}/`);
  });

  const stop = () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main();
