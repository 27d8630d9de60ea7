/**
 * `npm run build && npm run -s bench:bytes`: what the page costs on the wire, per asset type, on
 * a first visit (empty browser) and a repeat visit (reload in the same profile), in headless
 * Chromium against the production server (server/static-handler.ts, precompressed copies and
 * all). Each visit transcribes a recording and waits for its results, so the model is counted.
 * Writes docs/data/bench-bytes.json; `npm run -s bench:report` puts it in docs/BENCHMARKS.md.
 */
import { stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { chromium, expect } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../e2e/chromium-path';
import { searchByTokyoRecording } from '../e2e/search-by-recording';
import { createStaticHandler } from '../server/static-handler';
import { bytesByType, type BytesResult, type ResponseRecord } from './bench-bytes-data';
import { defineCommand, readCommandLine } from './command-line';

const { flags } = readCommandLine(
  defineCommand({
    usage: 'npm run -s bench:bytes [-- --json FILE]',
    description: 'Counts the bytes a first and a repeat visit of the production build take, per asset type, in headless Chromium.',
    flags: { json: { type: 'string', default: 'docs/data/bench-bytes.json', value: 'FILE', help: 'where to write the result' } },
    positionals: { min: 0, max: 0, name: '' },
  }),
);

const root = (p: string) => fileURLToPath(new URL(`../${p}`, import.meta.url));
const dist = root('dist/');

async function fileBytes(pathname: string): Promise<number> {
  const file = pathname === '/' ? 'index.html' : decodeURIComponent(pathname.slice(1));
  return stat(dist + file).then(
    (s) => (s.isFile() ? s.size : 0),
    () => 0,
  );
}

const server = createServer(createStaticHandler({ root: dist }));
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const browser = await chromium.launch({
  executablePath: findChromium(),
  args: [...CHROMIUM_ARGS, '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
});

try {
  const context = await browser.newContext({ baseURL: base });
  let records: Promise<ResponseRecord>[] = [];
  // The page's, its workers' and the service worker's requests all reach the context.
  context.on('requestfinished', (request) => {
    const url = new URL(request.url());
    if (url.origin !== base) return;
    records.push(
      (async () => {
        const [sizes, response] = await Promise.all([request.sizes(), request.response()]);
        const fromCache = response?.fromServiceWorker() === true || sizes.responseHeadersSize <= 0;
        return {
          pathname: url.pathname,
          wireBytes: fromCache ? 0 : Math.max(0, sizes.responseHeadersSize) + Math.max(0, sizes.responseBodySize),
          fileBytes: await fileBytes(url.pathname),
          fromCache,
        };
      })(),
    );
  });
  const page = await context.newPage();

  async function visit(name: string, open: () => Promise<unknown>, ready: RegExp): Promise<BytesResult['visits'][number]> {
    records = [];
    await open();
    await searchByTokyoRecording(page);
    await expect(page.getByText(ready)).toBeVisible({ timeout: 60_000 });
    // Requests still finishing (the service worker's precache) settle before counting.
    await page.waitForTimeout(500);
    return { name, rows: bytesByType(await Promise.all(records)) };
  }

  const first = await visit('First visit (nothing stored)', () => page.goto('/'), /works offline/);
  const repeat = await visit('Repeat visit (reload)', () => page.reload(), /model from the browser cache/);
  const modelId = (await page.locator('select').first().inputValue()) || 'unknown';
  const result: BytesResult = {
    command: ['npm run -s bench:bytes', ...(process.argv.length > 2 ? ['--', ...process.argv.slice(2)] : [])].join(' '),
    chromium: browser.version(),
    modelId,
    visits: [first, repeat],
  };
  await writeFile(root(flags.json), JSON.stringify(result, null, 2) + '\n');
  for (const v of result.visits) {
    const mb = (n: number) => (n / 1e6).toFixed(2);
    console.log(`${v.name}: ${mb(v.rows.reduce((s, r) => s + r.wireBytes, 0))} MB on the wire`);
    for (const r of v.rows) console.log(`  ${r.type}: ${r.requests} requests (${r.fromCache} without the network), ${mb(r.wireBytes)} MB on the wire, ${mb(r.fileBytes)} MB as files`);
  }
  console.log(`wrote ${flags.json}`);
} finally {
  await browser.close();
  server.close();
}
