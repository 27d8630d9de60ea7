/**
 * `npm run build && npm run -s bench:load`: where the time goes between opening the page and
 * its first answer, in headless Chromium against the production server (issue #21). Each round
 * is a fresh browser profile with three visits, each a new page:
 *  1. first visit: nothing stored; waits until the model is warm and the service worker has
 *     stored the app ("works offline");
 *  2. returning visit: everything from Cache Storage; nothing is said, so the load and warm-up
 *     run undisturbed;
 *  3. returning visit, speaking at once: a recorded query goes through the file input as soon as
 *     the search box appears, as a person who opens the page and speaks straight away.
 * Every milestone is read from the page's User Timing marks (src/ui/timeline.ts), the model's
 * stages from LoadResult.stages (src/worker/load-trace.ts), the search worker's from its
 * measures. Writes docs/data/bench-load.json for `npm run -s bench:report`.
 */
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { chromium, expect, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../e2e/chromium-path';
import { FIXTURES, MODEL_TIMEOUT } from '../e2e/search-by-recording';
import { createStaticHandler } from '../server/static-handler';
import type { LoadResult, WarmUpReport } from '../src/worker/engine-api';
import { SETTINGS_STORAGE_KEY } from '../src/ui/settings/settings';
import { TIMELINE_PREFIX } from '../src/ui/timeline';
import { readAudioFile } from './audio-file';
import { loadRows, cell, modelStagesOnPage, VISIT_KINDS, workerSpanOnPage, type LoadBenchResult, type VisitTimeline } from './bench-load-data';
import { defineCommand, positiveIntegerOrExit, readCommandLine } from './command-line';
import { cpuName } from './cpu-name';

const { flags } = readCommandLine(
  defineCommand({
    usage: 'npm run build && npm run -s bench:load -- [--rounds N] [--model ID] [--json FILE]',
    description: 'Opening the page in headless Chromium, stage by stage: a first visit, a returning visit, and a returning visit that speaks at once.',
    flags: {
      rounds: { type: 'string', default: '3', value: 'N', help: 'fresh browser profiles, each with the three visits' },
      json: { type: 'string', default: 'docs/data/bench-load.json', value: 'FILE', help: 'where to write the result' },
      label: { type: 'string', value: 'TEXT', help: 'what was measured, when it is not simply this checkout (kept in the JSON and the report)' },
      model: { type: 'string', value: 'ID', help: "the model chosen in the page's settings (default: the settings' default)" },
    },
    positionals: { min: 0, max: 0, name: '' },
  }),
);
const rounds = positiveIntegerOrExit(flags.rounds, 'rounds');
/** A recorded voice query of about 3 s, the length the targets name. */
const QUERY_FILE = 'how-far-is-kigali.wav';

const root = (p: string) => fileURLToPath(new URL(`../${p}`, import.meta.url));
const server = createServer(createStaticHandler({ root: root('dist/') }));
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const browser = await chromium.launch({
  executablePath: findChromium(),
  args: [...CHROMIUM_ARGS, '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
});

interface Mark {
  name: string;
  startTime: number;
  detail: unknown;
}

/** Waits until the page has marked every one of `names`. */
async function marked(page: Page, names: readonly string[], timeout = MODEL_TIMEOUT): Promise<void> {
  await page.waitForFunction((full) => full.every((n) => performance.getEntriesByName(n, 'mark').length > 0), names.map((n) => TIMELINE_PREFIX + n), { timeout });
}

/** The visit's timeline: the page's marks and the search worker's measures, in the page's clock. */
async function timeline(page: Page, spokeAt?: number): Promise<VisitTimeline> {
  const { origin, marks } = await page.evaluate((prefix) => {
    const entries = performance.getEntriesByType('mark').filter((m) => m.name.startsWith(prefix));
    return { origin: performance.timeOrigin, marks: entries.map((m) => ({ name: m.name.slice(prefix.length), startTime: m.startTime, detail: (m as PerformanceMark).detail as unknown })) };
  }, TIMELINE_PREFIX);
  const first = (name: string): Mark | undefined => marks.find((m) => m.name === name);
  const search = page.workers().find((w) => /search/.test(w.url()));
  const searchMeasures = search
    ? await search.evaluate(() => ({ origin: performance.timeOrigin, measures: performance.getEntriesByType('measure').map((m) => ({ name: m.name, startTime: m.startTime, duration: m.duration })) }))
    : { origin, measures: [] };
  const ready = first('model-ready');
  if (!ready) throw new Error('the page never marked model-ready');
  const result = ready.detail as LoadResult;
  const warm = first('warm-up');
  return {
    interactive: first('interactive')?.startTime ?? NaN,
    indexReady: first('index-ready')?.startTime,
    standInReady: first('stand-in-ready')?.startTime,
    modelReady: ready.startTime,
    loadMs: result.loadMs,
    modelStages: modelStagesOnPage(ready.startTime, result.loadMs, result.stages),
    searchStages: searchMeasures.measures.filter((m) => m.name !== 'correction').map((m) => workerSpanOnPage(origin, searchMeasures.origin, m)),
    warmUpEnd: warm?.startTime,
    warmUpCompleted: warm ? (warm.detail as WarmUpReport).completed : undefined,
    spokeAt,
    firstTranscript: first('transcript')?.startTime,
  };
}

const visits: LoadBenchResult['visits'] = { 'first visit': [], 'returning visit': [], 'returning visit, speaking at once': [] };
let modelId = 'unknown';
try {
  for (let round = 1; round <= rounds; round++) {
    const context = await browser.newContext({ baseURL: base });
    if (flags.model) {
      await context.addInitScript(([key, id]) => localStorage.setItem(key!, JSON.stringify({ modelId: id })), [SETTINGS_STORAGE_KEY, flags.model]);
    }
    try {
      const first = await context.newPage();
      await first.goto('/');
      await marked(first, ['interactive', 'index-ready', 'model-ready', 'warm-up']);
      await expect(first.getByText(/works offline/)).toBeVisible({ timeout: MODEL_TIMEOUT });
      visits['first visit'].push(await timeline(first));
      modelId = ((await first.evaluate((n) => (performance.getEntriesByName(n, 'mark')[0] as PerformanceMark).detail, `${TIMELINE_PREFIX}model-ready`)) as LoadResult).modelId;
      await first.close();

      const returning = await context.newPage();
      await returning.goto('/');
      await marked(returning, ['interactive', 'index-ready', 'model-ready', 'warm-up']);
      visits['returning visit'].push(await timeline(returning));
      await returning.close();

      const speaking = await context.newPage();
      await speaking.goto('/', { waitUntil: 'commit' });
      const input = speaking.getByLabel('Transcribe an audio file…');
      await input.waitFor({ state: 'attached', timeout: MODEL_TIMEOUT });
      const spokeAt = await speaking.evaluate(() => performance.now());
      await input.setInputFiles(`${FIXTURES}${QUERY_FILE}`);
      await marked(speaking, ['interactive', 'index-ready', 'model-ready', 'transcript', 'warm-up']);
      visits['returning visit, speaking at once'].push(await timeline(speaking, spokeAt));
      await speaking.close();
    } finally {
      await context.close();
    }
    console.error(`round ${round}/${rounds} done`);
  }

  const result: LoadBenchResult = {
    // Arguments with spaces quoted, so the command can be pasted back into a shell.
    command: ['npm run -s bench:load', ...(process.argv.length > 2 ? ['--', ...process.argv.slice(2).map((a) => (/[\s'"]/.test(a) ? `"${a}"` : a))] : [])].join(' '),
    chromium: browser.version(),
    machine: `${cpus().length} × ${cpuName()}`,
    ...(flags.label ? { label: flags.label } : {}),
    modelId,
    query: { file: QUERY_FILE, seconds: (await readAudioFile(`${FIXTURES}${QUERY_FILE}`)).length / 16_000 },
    rounds,
    visits,
  };
  for (const r of loadRows(result)) console.log(`${r.label}: ${VISIT_KINDS.map((k) => `${k} ${cell(r.values[k])}`).join(' · ')}`);
  await writeFile(resolve(flags.json), JSON.stringify(result, null, 2) + '\n');
  console.log(`wrote ${flags.json}`);
} finally {
  await browser.close();
  server.close();
}
