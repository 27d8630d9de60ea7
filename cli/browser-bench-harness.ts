/**
 * What `npm run -s bench:browser` and `bench:browser-models` share: the production build (dist/)
 * with the test pages beside it (server/test-pages.ts) and the benchmark routes
 * (cli/bench-browser-routes.ts) on a loopback port, headless Chromium with no network but that
 * origin, each context watched for requests to another origin and failed responses, and the
 * benchmark page opened and checked to be cross-origin isolated.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import type { BenchPageGlobal } from '../e2e/pages/bench-chromium-api';
import { CHROMIUM_ARGS, findChromium } from '../e2e/chromium-path';
import { TEST_PAGES_ROOT, withTestPages } from '../server/test-pages';
import { createBenchRoutes, type BenchRoutes } from './bench-browser-routes';
import { cpuName } from './cpu-name';

export interface BrowserBenchOptions {
  /** The clips' samples, served as routes.clipUrl(index). */
  clips: readonly Float32Array[];
}

export interface BrowserBench {
  browser: Browser;
  routes: BenchRoutes;
  /** The server's origin, e.g. http://127.0.0.1:40123. */
  base: string;
  /** "2 × AMD EPYC …". */
  machine: string;
  /** The 1-minute load average when the harness started (a shared machine slows every side). */
  loadAtStart: number;
  /** A new context whose requests are watched (see assertSameOrigin). */
  newContext(): Promise<BrowserContext>;
  /** A new page of `context`, its console errors and warnings logged. */
  newPage(context: BrowserContext): Promise<Page>;
  /** Opens the benchmark page (with `query`) in `page` and resolves once it says ready. */
  showBenchPage(page: Page, query?: string): Promise<void>;
  /** Throws if any page asked for another origin (Chromium was made to fail those requests). */
  assertSameOrigin(): void;
  /** The command line as typed, for the JSON's `command`. */
  command(script: string): string;
  close(): Promise<void>;
}

const root = (folder: string) => fileURLToPath(new URL(`../${folder}`, import.meta.url));

export async function startBrowserBench(options: BrowserBenchOptions): Promise<BrowserBench> {
  const loadAtStart = loadavg()[0];
  const routes = createBenchRoutes({ dist: root('dist'), clips: options.clips });
  const server = createServer(withTestPages(routes.handler, root(TEST_PAGES_ROOT)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let browser: Browser;
  try {
    browser = await chromium.launch({
      executablePath: findChromium(),
      // No network but this origin: every other host name fails to resolve.
      args: [...CHROMIUM_ARGS, '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
    });
  } catch (error) {
    server.close();
    throw error;
  }
  const foreign: string[] = [];

  return {
    browser,
    routes,
    base,
    machine: `${cpus().length} × ${cpuName()}`,
    loadAtStart,
    async newContext() {
      const context = await browser.newContext();
      // Requests of the pages and of their workers.
      context.on('request', (request) => {
        const url = request.url();
        if (new URL(url).origin !== base && !url.startsWith('blob:') && !url.startsWith('data:')) foreign.push(url);
      });
      context.on('response', (response) => {
        if (response.status() >= 400) console.error(`[HTTP ${response.status()}] ${response.url()}`);
      });
      return context;
    },
    async newPage(context) {
      const page = await context.newPage();
      page.on('console', (message) => {
        if (message.type() === 'error' || message.type() === 'warning') console.error(`[page ${message.type()}] ${message.text()}`);
      });
      page.on('pageerror', (error) => console.error(`[page error] ${error.message}`));
      return page;
    },
    async showBenchPage(page, query) {
      await page.goto(`${base}/e2e/pages/bench-chromium.html${query ? `?${query}` : ''}`);
      await page.getByRole('status').filter({ hasText: 'ready' }).waitFor();
      if (!(await page.evaluate(() => (globalThis as unknown as BenchPageGlobal).crossOriginIsolated))) throw new Error('the bench page is not cross-origin isolated');
    },
    assertSameOrigin() {
      if (foreign.length) throw new Error(`requests left this origin (blocked): ${[...new Set(foreign)].join(', ')}`);
    },
    command: (script) => [`npm run -s ${script}`, ...(process.argv.length > 2 ? ['--', ...process.argv.slice(2)] : [])].join(' '),
    async close() {
      await browser.close();
      server.close();
    },
  };
}
