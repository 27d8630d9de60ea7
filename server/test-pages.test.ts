import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaticHandler } from './static-handler';
import { withTestPages } from './test-pages';

let parent: string;
let server: Server;
let base: string;

beforeAll(async () => {
  parent = await mkdtemp(path.join(tmpdir(), 'test-pages-'));
  const app = path.join(parent, 'dist');
  const pages = path.join(parent, 'dist-test-pages');
  await mkdir(path.join(app, 'models'), { recursive: true });
  await mkdir(path.join(pages, 'e2e', 'pages'), { recursive: true });
  await mkdir(path.join(pages, 'test-pages-assets'), { recursive: true });
  await writeFile(path.join(app, 'index.html'), '<title>Voice search</title>');
  await writeFile(path.join(app, 'models', 'config.json'), '{"app":true}');
  await writeFile(path.join(pages, 'e2e', 'pages', 'engine-check.html'), '<title>Engine check</title>');
  await writeFile(path.join(pages, 'test-pages-assets', 'engine-check-abc.js'), 'export {};\n');
  // A file the pages' build happens to hold at an app path must not shadow the app's.
  await writeFile(path.join(pages, 'index.html'), '<title>not the app</title>');
  server = createServer(withTestPages(createStaticHandler({ root: app }), pages));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await rm(parent, { recursive: true, force: true });
});

describe('the test pages beside the production build', () => {
  it('serves the pages and their bundles from their own build, with the isolation headers', async () => {
    const page = await fetch(`${base}/e2e/pages/engine-check.html`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Engine check');
    expect(page.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
    const bundle = await fetch(`${base}/test-pages-assets/engine-check-abc.js`);
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('content-type')).toMatch(/javascript/);
  });

  it('serves everything else from the app', async () => {
    expect(await (await fetch(`${base}/`)).text()).toContain('Voice search');
    expect(await (await fetch(`${base}/models/config.json`)).json()).toEqual({ app: true });
  });

  it('answers a missing test page with a 404, not the app', async () => {
    const res = await fetch(`${base}/e2e/pages/missing.html`);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('Voice search');
  });

  it('refuses to start without the pages built, naming the command that builds them', () => {
    expect(() => withTestPages(createStaticHandler({ root: parent }), path.join(parent, 'nowhere'))).toThrow(/npm run build:test-pages/);
  });
});
