/**
 * `npm run -s bench:browser-models`: every model of models/manifest.json in headless Chromium on
 * the production build (run `npm run build` first; the npm script builds the test pages), for the models table in docs/BENCHMARKS.md:
 * load time, memory and the ~3 s query's latency on onnxruntime-web WASM in the browser, beside
 * the Node figures of `npm run -s bench:models`.
 *
 * Each model gets a fresh browser context (its own Cache Storage and renderer processes) and the
 * benchmark page with our recognition worker only (e2e/pages/bench-chromium.html?only=ours),
 * loaded the way the app loads it (WASM, the worker's own thread count, the same as
 * `npm run -s bench:browser`):
 *  1. first visit: load with empty Cache Storage (download, sha256, sessions), timed in the page;
 *     then the page is closed;
 *  2. later visit, in a new page of the same context: load from Cache Storage, then the worker's
 *     warm-up as the app runs it after a load (EngineApi.warmUp, src/engine/warm-up.ts), timed,
 *     then the ~3 s clip of `npm run -s bench:models` (cli/bench-clips.ts) once — the first query,
 *     reported on its own — and `--reps` times measured, each timed in the page from handing over
 *     the samples to the text coming back;
 *  3. the model is released (EngineApi.unload) and the context closed before the next model.
 * With `--rounds N` all of that is repeated N times over the models in alternating order (A B C,
 * C B A, …), so that a shared machine's drift does not fall on the models first or last in line;
 * loads and memory are then the rounds' medians and latency pools every run.
 * Memory is each visit's renderer process peak resident set (VmHWM, cli/bench-browser-memory.ts).
 * Any request to another origin fails the run. Writes docs/data/bench-models-chromium.json for
 * `npm run -s bench:report`.
 */
import { writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import type { BrowserContext } from '@playwright/test';
import { DEFAULT_DECODE_OPTIONS, findModel } from '../src/engine';
import { normalizeForWer } from '../src/eval/normalize';
import { wordErrors } from '../src/eval/wer';
import { ONLY_OURS_QUERY, type BenchPageGlobal, type BenchTranscription } from '../e2e/pages/bench-chromium-api';
import type { TranscribeOptions } from '../src/worker/engine-api';
import { processAlive, procAvailable, rendererMemory, type RendererMemory } from './bench-browser-memory';
import { queryClip } from './bench-clips';
import { combineRounds, roundOrder, type ChromiumModelsResult, type ChromiumModelVisit } from './bench-models-data';
import { stats } from '../src/eval/stats';
import { startBrowserBench } from './browser-bench-harness';
import { defineCommand, positiveInteger, runCommand } from './command-line';
import { parseBeam, readManifest } from './recognizer-options';
import { DEFAULT_PIPELINE_OPTIONS } from '../src/query';

const spec = defineCommand({
  usage: 'npm run -s bench:browser-models -- [options]',
  description:
    'Every model in headless Chromium (production build, our recognition worker, WASM): load time, renderer memory and ~3 s query latency, one model at a time.',
  flags: {
    models: { type: 'string', value: 'IDS', help: 'comma-separated model ids (default: every model in the manifest)' },
    reps: { type: 'string', default: '5', value: 'N', help: 'measured runs per model and round, after one warm-up' },
    rounds: { type: 'string', default: '1', value: 'N', help: 'rounds over every model, in alternating order, each loading every model afresh' },
    beam: { type: 'string', default: String(DEFAULT_PIPELINE_OPTIONS.beamSize), value: 'N', help: "beam width (default: the app's; 1 is greedy)" },
    json: { type: 'string', default: 'docs/data/bench-models-chromium.json', value: 'FILE', help: 'where to write the results' },
  },
  positionals: { min: 0, max: 0, name: '' },
});

const MEMORY_NOTE =
  'Memory is the peak resident set (VmHWM in /proc, read from Node) of the renderer process that held the page, the recognition worker and onnxruntime\'s threads: on the first visit (download and load) / on the later visit (load from Cache Storage and every run); comparable with the peak RSS of the Node process above, not with performance.measureUserAgentSpecificMemory(), which samples only what it attributes to JavaScript, at a later garbage collection.';

/** As the app transcribes with its default settings (its beam width unless `--beam`), as `npm run -s bench:models` does. */
const BASE_DECODE: TranscribeOptions = { language: 'en', fitContext: DEFAULT_DECODE_OPTIONS.fitContext, safeguards: true };

/** The renderer that holds `page` once a model is loaded: the largest one not in `exclude`. */
function pageRenderer(exclude: ReadonlySet<number>): RendererMemory | undefined {
  if (!procAvailable()) return undefined;
  return rendererMemory().find((r) => !exclude.has(r.pid));
}

async function waitForExit(pid: number, timeoutMs = 10_000): Promise<boolean> {
  for (const until = Date.now() + timeoutMs; Date.now() < until; await sleep(100)) if (!processAlive(pid)) return true;
  return false;
}

await runCommand(spec, async ({ flags }) => {
  const reps = positiveInteger(flags.reps, 'reps');
  const rounds = positiveInteger(flags.rounds, 'rounds');
  const beamSize = parseBeam(flags.beam);
  const DECODE: TranscribeOptions = { ...BASE_DECODE, beamSize };
  const manifest = await readManifest();
  const models = (flags.models ? flags.models.split(',') : manifest.models.map((m) => m.id)).map((id) => findModel(manifest, id).id);
  const clip = await queryClip();
  const audioSeconds = clip.audio.length / 16_000;
  if (!procAvailable()) console.error('# /proc is not readable here: no memory figures');

  const bench = await startBrowserBench({ clips: [clip.audio] });
  const { browser, routes } = bench;
  const clipUrl = routes.clipUrl(0);
  const open = async (context: BrowserContext) => {
    const page = await bench.newPage(context);
    await bench.showBenchPage(page, ONLY_OURS_QUERY);
    return page;
  };

  try {
    console.log(`# bench:browser-models: ${bench.machine}, Chromium ${browser.version()}, onnxruntime-web ${routes.versions.onnxruntimeWeb}, ${clip.name}, ${rounds} round(s) of ${reps} reps after 1 warm-up; load average ${bench.loadAtStart.toFixed(1)}`);
    console.log('| model | threads | load ms, first visit / cached | warm-up ms | first query ms | renderer peak MiB, first visit / cached | in the page, ms median (min–max) | in the worker | transcript |');
    console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
    /** One model, one round: first visit, later visit with the runs, release. */
    const visit = async (model: string): Promise<ChromiumModelVisit> => {
      const context = await bench.newContext();

      // 1. First visit: empty Cache Storage.
      const first = await open(context);
      const cold = await first.evaluate((id) => (globalThis as unknown as BenchPageGlobal).benchChromium.loadOurs(id), model);
      if (cold.result.fromCache) throw new Error(`${model}: the first visit read the model from Cache Storage; a fresh context should have none`);
      const coldRenderer = pageRenderer(new Set());
      await first.close();
      if (coldRenderer && !(await waitForExit(coldRenderer.pid))) console.error(`# ${model}: the first visit's renderer ${coldRenderer.pid} is still running`);

      // 2. Later visit: a new page (and renderer) of the same context, model files from Cache Storage.
      const page = await open(context);
      const cached = await page.evaluate((id) => (globalThis as unknown as BenchPageGlobal).benchChromium.loadOurs(id), model);
      if (cached.result.backend !== 'wasm') throw new Error(`${model}: loaded on ${cached.result.backend}, not wasm`);
      await page.evaluate((u) => (globalThis as unknown as BenchPageGlobal).benchChromium.loadClip(u), clipUrl);
      const transcribe = () => page.evaluate(([u, o]) => (globalThis as unknown as BenchPageGlobal).benchChromium.transcribe('ours', u, o), [clipUrl, DECODE] as const);
      const warmUp = await page.evaluate((b) => (globalThis as unknown as BenchPageGlobal).benchChromium.warmUpOurs({ beamSize: b }), beamSize);
      if (!warmUp?.completed) throw new Error(`${model}: the warm-up did not run to its end (${JSON.stringify(warmUp)})`);
      const firstQuery = await transcribe();
      const runs: BenchTranscription[] = [];
      for (let r = 0; r < reps; r++) runs.push(await transcribe());
      const renderer = pageRenderer(new Set(coldRenderer ? [coldRenderer.pid] : []));

      // 3. Release before the next model.
      await page.evaluate(() => (globalThis as unknown as BenchPageGlobal).benchChromium.unloadOurs());
      await context.close();
      if (renderer) await waitForExit(renderer.pid);
      return {
        backend: cached.result.backend,
        threads: cached.result.threads,
        coldLoadMs: cold.pageMs,
        cachedLoadMs: cached.pageMs,
        fromCache: cached.result.fromCache,
        warmUpMs: warmUp.ms,
        firstQueryMs: firstQuery.pageMs,
        coldPeakRssMb: coldRenderer?.peakRssMb,
        peakRssMb: renderer?.peakRssMb,
        runs,
      };
    };

    const f = (s: { median: number; min: number; max: number }) => `${s.median.toFixed(0)} (${s.min.toFixed(0)}–${s.max.toFixed(0)})`;
    const m = (x?: number) => (x === undefined ? '–' : x.toFixed(0));
    const visits = new Map<string, ChromiumModelVisit[]>(models.map((model) => [model, []]));
    for (let round = 0; round < rounds; round++) {
      for (const model of roundOrder(models, round)) {
        const v = await visit(model);
        visits.get(model)!.push(v);
        const page = stats(v.runs.map((x) => x.pageMs));
        console.log(
          `| ${model}${rounds > 1 ? ` (round ${round + 1})` : ''} | ${v.threads} | ${v.coldLoadMs.toFixed(0)} / ${v.cachedLoadMs.toFixed(0)}${v.fromCache ? '' : ' (not from cache)'} | ${m(v.warmUpMs)} | ${m(v.firstQueryMs)} | ${m(v.coldPeakRssMb)} / ${m(v.peakRssMb)} | ${f(page)} | ${f(stats(v.runs.map((x) => x.workerMs)))} | ${v.runs[0].text}${v.runs[0].stopReason === 'max-tokens' ? ' [cut at the token budget]' : ''} |`,
        );
      }
    }
    const score = (text: string) => {
      const e = wordErrors(normalizeForWer(clip.reference), normalizeForWer(text));
      return e.substitutions + e.deletions + e.insertions;
    };
    const rows = models.map((model) => combineRounds(model, { name: clip.name, audioSeconds, reference: clip.reference }, visits.get(model)!, score));
    if (rounds > 1) {
      console.log(`\n## ${rounds} rounds combined: loads and memory the rounds' medians, latency over all ${rounds * reps} runs`);
      console.log('| model | load ms, first visit / cached | warm-up ms | first query ms, median (min–max) | renderer peak MiB, first visit / cached | in the page, ms median (min–max) | in the worker | transcript |');
      console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
      for (const r of rows) {
        console.log(`| ${r.model} | ${r.coldLoadMs.toFixed(0)} / ${r.cachedLoadMs.toFixed(0)} | ${m(r.warmUpMs)} | ${r.firstQueryMs ? f(r.firstQueryMs) : '–'} | ${m(r.coldPeakRssMb)} / ${m(r.peakRssMb)} | ${f(r.totalMs)} | ${f(r.workerMs)} | ${r.text}${r.textVaried ? ' (varied between runs)' : ''} |`);
      }
    }

    bench.assertSameOrigin();
    const result: ChromiumModelsResult = {
      command: bench.command('bench:browser-models'),
      machine: bench.machine,
      loadAverage: { start: bench.loadAtStart, end: loadavg()[0] },
      chromium: browser.version(),
      onnxruntimeWeb: routes.versions.onnxruntimeWeb,
      reps,
      rounds,
      beamSize,
      memory: procAvailable() ? MEMORY_NOTE : 'Memory: not measured (no readable /proc).',
      rows,
    };
    await writeFile(flags.json, JSON.stringify(result, null, 1) + '\n');
    console.log(`\nwrote ${flags.json}`);
  } finally {
    await bench.close();
  }
});
