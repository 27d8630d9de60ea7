/**
 * `npm run build && npm run -s soak -- --queries 500`: hours of use in minutes (issue #20). The
 * production page in headless Chromium answers recorded queries one after another through its
 * file input (cli/soak-run.ts), and its memory is sampled every 50 queries: the renderer's VmRSS
 * and VmHWM (its workers run inside it) and performance.measureUserAgentSpecificMemory(). Prints
 * each sample and the growth per 100 queries after the first 100, and writes docs/data/soak.json
 * for `npm run -s bench:report` (docs/BENCHMARKS.md). The tests run the same soak with 50 queries
 * (e2e/soak.spec.ts).
 */
import { writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../e2e/chromium-path';
import { MODEL_TIMEOUT } from '../e2e/search-by-recording';
import { createStaticHandler } from '../server/static-handler';
import { TIMELINE_PREFIX } from '../src/ui/timeline';
import type { LoadResult } from '../src/worker/engine-api';
import { defineCommand, positiveIntegerOrExit, readCommandLine } from './command-line';
import { cpuName } from './cpu-name';
import { growthSummary, type SoakResult } from './soak-data';
import { soak } from './soak-run';

const { flags } = readCommandLine(
  defineCommand({
    usage: 'npm run build && npm run -s soak -- [--queries N] [--sample-every N] [--json FILE]',
    description: 'Recorded queries, one after another, on the production page in Chromium; memory sampled as it goes.',
    flags: {
      queries: { type: 'string', default: '500', value: 'N', help: 'queries to answer' },
      'sample-every': { type: 'string', default: '50', value: 'N', help: 'queries between memory samples' },
      json: { type: 'string', default: 'docs/data/soak.json', value: 'FILE', help: 'where to write the result' },
    },
    positionals: { min: 0, max: 0, name: '' },
  }),
);
const queries = positiveIntegerOrExit(flags.queries, 'queries');
const sampleEvery = positiveIntegerOrExit(flags['sample-every'], 'sample-every');

const server = createServer(createStaticHandler({ root: fileURLToPath(new URL('../dist/', import.meta.url)) }));
await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
const browser = await chromium.launch({
  executablePath: findChromium(),
  // ForceEagerMeasureMemory: measureUserAgentSpecificMemory() answers at once instead of at the next GC.
  args: [...CHROMIUM_ARGS, '--enable-blink-features=ForceEagerMeasureMemory'],
});
try {
  const page = await browser.newPage({ baseURL: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
  await page.goto('/');
  await page.waitForFunction((name) => performance.getEntriesByName(name, 'mark').length > 0, `${TIMELINE_PREFIX}model-ready`, { timeout: MODEL_TIMEOUT });
  const modelId = (await page.evaluate((name) => (performance.getEntriesByName(name, 'mark')[0] as PerformanceMark).detail as LoadResult, `${TIMELINE_PREFIX}model-ready`)).modelId;
  const run = await soak(page, {
    queries,
    sampleEvery,
    onSample: (s) =>
      console.error(`${s.queries} queries: renderer ${s.rendererRssMiB.toFixed(1)} MiB (peak ${s.rendererHwmMiB.toFixed(1)})${s.measuredMiB === undefined ? '' : `, measured ${s.measuredMiB.toFixed(1)} MiB (workers ${s.workersMiB!.toFixed(1)})`}`),
  });
  const result: SoakResult = {
    command: ['npm run -s soak', ...(process.argv.length > 2 ? ['--', ...process.argv.slice(2)] : [])].join(' '),
    chromium: browser.version(),
    machine: `${cpus().length} × ${cpuName()}`,
    modelId,
    ...run,
  };
  const growth = growthSummary(result);
  console.log(JSON.stringify({ answered: result.answered, queries, lost: result.lost, latencyMs: result.latencyMs, loggingCostMs: result.loggingCostMs, growthMiBPer100: growth, samples: result.samples }, null, 2));
  await writeFile(resolve(flags.json), JSON.stringify(result, null, 2) + '\n');
  console.error(`wrote ${flags.json}`);
} finally {
  await browser.close();
  server.close();
}
