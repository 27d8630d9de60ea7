/**
 * The test pages (e2e/pages/*.html, built apart into dist-test-pages/ by `npm run build:test-pages`,
 * vite.config.ts) served beside the production build, for the Playwright tests and the browser
 * benchmarks only: `npm start` serves dist/ alone, so no test harness ships with the app.
 * The pages read the models, onnxruntime's files and the catalogue from the app's build.
 */
import { existsSync } from 'node:fs';
import type { RequestListener } from 'node:http';
import path from 'node:path';
import { createStaticHandler } from './static-handler';

/** The build's folder, relative to the project root. */
export const TEST_PAGES_ROOT = 'dist-test-pages';

/** URL paths that belong to the test pages' build: the pages themselves and their bundles (vite.config.ts's assetsDir). */
export const TEST_PAGES_PREFIXES: readonly string[] = ['/e2e/pages/', '/test-pages-assets/'];

export function isTestPagePath(pathname: string): boolean {
  return TEST_PAGES_PREFIXES.some((prefix) => pathname.startsWith(prefix));
}

/** `app` with the test pages' build under `pagesRoot` mounted at their paths; throws if that build is missing. */
export function withTestPages(app: RequestListener, pagesRoot: string): RequestListener {
  if (!existsSync(path.join(pagesRoot, 'e2e', 'pages'))) {
    throw new Error(`No test pages in ${pagesRoot}: run \`npm run build:test-pages\` first.`);
  }
  const pages = createStaticHandler({ root: pagesRoot });
  return (req, res) => {
    let pathname: string;
    try {
      pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    } catch {
      pathname = '/';
    }
    // Anything malformed is the app handler's to refuse, with its status.
    return isTestPagePath(pathname) ? pages(req, res) : app(req, res);
  };
}
