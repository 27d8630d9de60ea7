/**
 * `npm run build && npm run -s bench:recovery`: how long the page takes to come back from a
 * failed recognition worker (issue #20's target: within the model's cached load time plus one
 * query). The production page in headless Chromium loads the default model from Cache Storage
 * (a reload after the first visit), answers a recorded query a few times (the query's time), and
 * then, per round, the worker fails just before a query is uploaded:
 *
 * - `error`: an uncaught error in the worker (a crash the page hears at once, its `error` event);
 * - `hang`: the worker ends itself without a word (a hung or killed one), noticed only when its
 *   pings go unanswered (SupervisionOptions.unansweredMs).
 *
 * Each round measures from the fault to the query's results on screen, split by the page's marks
 * into noticing ('worker-restart'), loading again ('model-recovered') and the query itself.
 * Prints JSON and writes docs/data/recovery.json.
 */
import { writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, expect, type Page, type Worker } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../e2e/chromium-path';
import { FIXTURES, MODEL_TIMEOUT } from '../e2e/search-by-recording';
import { createStaticHandler } from '../server/static-handler';
import { TIMELINE_PREFIX } from '../src/ui/timeline';
import type { LoadResult } from '../src/worker/engine-api';
import { quantile } from '../src/monitoring/summary';
import { defineCommand, positiveIntegerOrExit, readCommandLine } from './command-line';
import { cpuName } from './cpu-name';

const { flags } = readCommandLine(
  defineCommand({
    usage: 'npm run build && npm run -s bench:recovery -- [--rounds N] [--faults error,hang] [--json FILE]',
    description: 'A recognition worker fails just before a query: time until that query has its results, against a cached load plus one query.',
    flags: {
      rounds: { type: 'string', default: '3', value: 'N', help: 'rounds per fault' },
      faults: { type: 'string', default: 'error,hang', value: 'LIST', help: 'error (an uncaught error), hang (the worker goes silent)' },
      json: { type: 'string', default: 'docs/data/recovery.json', value: 'FILE', help: 'where to write the result' },
    },
    positionals: { min: 0, max: 0, name: '' },
  }),
);
const rounds = positiveIntegerOrExit(flags.rounds, 'rounds');
const faults = flags.faults.split(',');
for (const fault of faults) if (fault !== 'error' && fault !== 'hang') throw new Error(`--faults: unknown fault '${fault}' (error, hang)`);

const QUERY_FILE = 'tokyo.wav';
const QUERY_TEXT = /tokyo/i;

async function marks(page: Page, name: string): Promise<{ startTime: number; detail: unknown }[]> {
  return page.evaluate((full) => performance.getEntriesByName(full, 'mark').map((m) => ({ startTime: m.startTime, detail: (m as PerformanceMark).detail })), TIMELINE_PREFIX + name);
}

/** The newest recognition worker: after a failure the old one is gone or ending. */
async function recognitionWorker(page: Page, not?: Worker): Promise<Worker> {
  await expect.poll(() => page.workers().some((w) => w.url().includes('recognition') && w !== not), { timeout: MODEL_TIMEOUT }).toBe(true);
  return page.workers().filter((w) => w.url().includes('recognition') && w !== not).at(-1)!;
}

/** Uploads the query and waits for its results; ms on the page's clock from `from`. */
async function query(page: Page, from?: number): Promise<number> {
  const box = page.getByRole('searchbox', { name: 'Search' });
  await box.fill('');
  const started = from ?? (await page.evaluate(() => performance.now()));
  await page.getByLabel('Transcribe an audio file…').setInputFiles(`${FIXTURES}${QUERY_FILE}`);
  await expect(box).toHaveValue(QUERY_TEXT, { timeout: MODEL_TIMEOUT });
  await expect(page.getByRole('list', { name: 'Results' }).getByRole('listitem').first()).toContainText(QUERY_TEXT, { timeout: MODEL_TIMEOUT });
  return (await page.evaluate(() => performance.now())) - started;
}

const server = createServer(createStaticHandler({ root: fileURLToPath(new URL('../dist/', import.meta.url)) }));
await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
const browser = await chromium.launch({ executablePath: findChromium(), args: [...CHROMIUM_ARGS] });
try {
  const page = await browser.newPage({ baseURL: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
  const ready = (name: string) => page.waitForFunction((full) => performance.getEntriesByName(full, 'mark').length > 0, TIMELINE_PREFIX + name, { timeout: MODEL_TIMEOUT });
  await page.goto('/');
  await ready('model-ready');
  // The second visit takes the model from Cache Storage: the load a recovery repeats.
  await page.reload();
  await ready('model-ready');
  const cached = (await marks(page, 'model-ready'))[0]!.detail as LoadResult;
  if (!cached.fromCache) throw new Error('the model did not come from Cache Storage on the second visit');
  const queryMs: number[] = [];
  for (let i = 0; i < 3; i++) queryMs.push(await query(page));
  const oneQueryMs = quantile(queryMs, 0.5);
  console.error(`${cached.modelId}: cached load ${cached.loadMs.toFixed(0)} ms, one query ${oneQueryMs.toFixed(0)} ms (median of ${queryMs.map((ms) => ms.toFixed(0)).join(', ')})`);

  const results: { fault: string; noticedMs: number; reloadMs: number; totalMs: number; withinTarget: boolean }[] = [];
  let worker = await recognitionWorker(page);
  for (const fault of faults) {
    for (let round = 0; round < rounds; round++) {
      const before = (await marks(page, 'model-recovered')).length;
      const started = await page.evaluate(() => performance.now());
      if (fault === 'error') {
        await worker.evaluate(() => {
          setTimeout(() => {
            throw new Error('injected by bench-recovery');
          }, 0);
        });
      } else {
        await worker.evaluate(() => (globalThis as unknown as { close(): void }).close());
      }
      const totalMs = await query(page, started);
      const restart = (await marks(page, 'worker-restart')).at(-1);
      const recovered = (await marks(page, 'model-recovered'))[before];
      if (!restart || !recovered) throw new Error(`${fault}: the query was answered without the worker being replaced`);
      const reloadMs = (recovered.detail as LoadResult).loadMs;
      const result = { fault, noticedMs: restart.startTime - started, reloadMs, totalMs, withinTarget: totalMs <= cached.loadMs + oneQueryMs };
      results.push(result);
      console.error(`${fault} ${round + 1}: noticed after ${result.noticedMs.toFixed(0)} ms, loaded again in ${reloadMs.toFixed(0)} ms, results ${totalMs.toFixed(0)} ms after the fault`);
      worker = await recognitionWorker(page, worker);
    }
  }
  const summary = Object.fromEntries(
    faults.map((fault) => {
      const of = results.filter((r) => r.fault === fault);
      return [fault, { medianTotalMs: quantile(of.map((r) => r.totalMs), 0.5), medianNoticedMs: quantile(of.map((r) => r.noticedMs), 0.5), withinTarget: `${of.filter((r) => r.withinTarget).length}/${of.length}` }];
    }),
  );
  const report = {
    command: ['npm run -s bench:recovery', ...(process.argv.length > 2 ? ['--', ...process.argv.slice(2)] : [])].join(' '),
    chromium: browser.version(),
    machine: `${cpus().length} × ${cpuName()}`,
    modelId: cached.modelId,
    cachedLoadMs: cached.loadMs,
    oneQueryMs,
    targetMs: cached.loadMs + oneQueryMs,
    summary,
    rounds: results,
  };
  console.log(JSON.stringify(report, null, 2));
  await writeFile(resolve(flags.json), JSON.stringify(report, null, 2) + '\n');
  console.error(`wrote ${flags.json}`);
} finally {
  await browser.close();
  server.close();
}
