/**
 * `npm run -s bench:browser`: what a user of the page feels, measured in headless Chromium on the
 * production build (run `npm run build` first; the npm script builds the test pages): our recognition worker against transformers.js's
 * browser build, side by side in one cross-origin isolated page (e2e/pages/bench-chromium.html),
 * both on WebAssembly with the same thread count, reading the same staged model files.
 *
 * Method, as in `npm run -s bench` (cli/bench.ts): both are loaded in a fresh browser context (cold:
 * empty Cache Storage), then again after a reload (cached); then LOAD_WARM_UP_RUNS runs each of the
 * ~3 s clip, alternating (cli/bench-clips.ts); then per clip (about 1, 3, 5, 11 and 30 s) one
 * warm-up run each, then `--reps` rounds in alternating order (A B,
 * B A, …) so drift on a shared machine hits both alike. Latency is timed in the page, from handing a
 * fresh copy of the samples to a worker until its text is back: the wait after the end of speech.
 * Any request to another origin fails the run. Writes JSON for `npm run -s bench:report`.
 */
import { writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { findModel } from '../src/engine';
import { normalizeForWer } from '../src/eval/normalize';
import { wordErrors } from '../src/eval/wer';
import type { BenchImplementation, BenchPageGlobal, BenchTranscription, TransformersLoadRequest } from '../e2e/pages/bench-chromium-api';
import type { BenchRow } from './bench';
import { stats, type StageStats } from '../src/eval/stats';
import { benchClips, LOAD_WARM_UP_RUNS, queryClip } from './bench-clips';
import { startBrowserBench } from './browser-bench-harness';
import { defineCommand, positiveInteger, runCommand } from './command-line';
import { readManifest, recognizerFlags } from './recognizer-options';

const spec = defineCommand({
  usage: 'npm run -s bench:browser -- [options]',
  description:
    'Our recognition worker vs transformers.js in headless Chromium (production build, WASM, same threads, same model files): model load and latency on ~1-30 s clips.',
  flags: {
    model: recognizerFlags.model,
    reps: { type: 'string', default: '5', value: 'N', help: 'measured rounds per clip (after one warm-up)' },
    json: { type: 'string', default: 'docs/data/bench-chromium.json', value: 'FILE', help: 'where to write the results' },
  },
  positionals: { min: 0, max: 0, name: '' },
});

/** One implementation on one clip; `totalMs` is the page-measured latency, `workerMs` the recogniser's own time. */
export interface ChromiumBenchRow extends BenchRow {
  implementation: BenchImplementation;
  workerMs: StageStats;
  reference: string;
  /** Why our decoder stopped on the first measured run (`max-tokens`: cut, not finished); transformers.js does not say. */
  stopReason?: string;
}

export interface ChromiumBenchResult {
  command: string;
  machine: string;
  /** The machine's 1-minute load average when the run started and ended (a shared machine slows both sides). */
  loadAverage?: { start: number; end: number };
  chromium: string;
  model: string;
  backend: string;
  threads: number;
  reps: number;
  /** Runs of the ~3 s clip each implementation had after loading (LOAD_WARM_UP_RUNS). Absent in older files: 0. */
  loadWarmUpRuns?: number;
  versions: { transformers: string; transformersOnnxruntimeWeb: string; onnxruntimeWeb: string };
  loads: { implementation: BenchImplementation; coldMs: number; cachedMs: number }[];
  /** Whether our second load read every file from Cache Storage. */
  oursCachedFromCache: boolean;
  rows: ChromiumBenchRow[];
}

const IMPLEMENTATIONS: readonly BenchImplementation[] = ['ours', 'transformers.js'];

const fmt = (s?: StageStats) => (s ? `${s.median.toFixed(0)} (${s.min.toFixed(0)}–${s.max.toFixed(0)})` : '—');

await runCommand(spec, async ({ flags }) => {
  const reps = positiveInteger(flags.reps, 'reps');
  const model = findModel(await readManifest(), flags.model);
  if (model.family !== 'whisper') throw new Error(`--model ${model.id}: the transformers.js side runs Whisper only`);
  const clips = await benchClips();
  const queryClipName = (await queryClip()).name;

  const bench = await startBrowserBench({ clips: clips.map((c) => c.audio) });
  const { browser, routes } = bench;
  try {
    const context = await bench.newContext();
    const page = await bench.newPage(context);
    const open = () => bench.showBenchPage(page);
    const loadBoth = async () => {
      const ours = await page.evaluate((id) => (globalThis as unknown as BenchPageGlobal).benchChromium.loadOurs(id), model.id);
      const request: TransformersLoadRequest = { ...routes.transformers, modelId: model.id, threads: ours.result.threads };
      const transformers = await page.evaluate((r) => (globalThis as unknown as BenchPageGlobal).benchChromium.loadTransformers(r), request);
      return { ours, transformers };
    };

    await open();
    const cold = await loadBoth();
    await open();
    const cached = await loadBoth();
    const threads = cached.ours.result.threads;
    if (cached.transformers.result.threads !== threads) throw new Error(`thread counts differ: ours ${threads}, transformers.js ${cached.transformers.result.threads}`);
    if (cached.transformers.result.onnxruntimeVersion !== routes.versions.transformersOnnxruntimeWeb) {
      throw new Error(`transformers.js bundles onnxruntime-web ${cached.transformers.result.onnxruntimeVersion} but ${routes.versions.transformersOnnxruntimeWeb}'s files are served`);
    }
    const header = `# bench:browser: ${model.id}, ${bench.machine}, Chromium ${browser.version()}, ${cached.ours.result.backend.toUpperCase()} with ${threads} threads, ${reps} reps after ${LOAD_WARM_UP_RUNS} warm-up runs on the ~3 s clip and 1 per clip`;
    console.log(`${header}; load average ${bench.loadAtStart.toFixed(1)}`);
    console.log(`# ours: onnxruntime-web ${routes.versions.onnxruntimeWeb}; transformers.js ${routes.versions.transformers} with onnxruntime-web ${routes.versions.transformersOnnxruntimeWeb}`);
    console.log(`# load ms, cold / cached: ours ${cold.ours.pageMs.toFixed(0)} / ${cached.ours.pageMs.toFixed(0)}; transformers.js ${cold.transformers.pageMs.toFixed(0)} / ${cached.transformers.pageMs.toFixed(0)}`);

    const transcribe = (implementation: BenchImplementation, url: string) =>
      page.evaluate(([i, u]) => (globalThis as unknown as BenchPageGlobal).benchChromium.transcribe(i, u), [implementation, url] as const);

    // The clips are loaded into the page once; the ~3 s one warms both implementations up first.
    const warmUpIndex = clips.findIndex((c) => c.name === queryClipName);
    const warmUpUrl = routes.clipUrl(warmUpIndex);
    await page.evaluate((u) => (globalThis as unknown as BenchPageGlobal).benchChromium.loadClip(u), warmUpUrl);
    for (let r = 0; r < LOAD_WARM_UP_RUNS; r++) for (const implementation of IMPLEMENTATIONS) await transcribe(implementation, warmUpUrl);

    const rows: ChromiumBenchRow[] = [];
    for (const [index, clip] of clips.entries()) {
      const url = routes.clipUrl(index);
      await page.evaluate((u) => (globalThis as unknown as BenchPageGlobal).benchChromium.loadClip(u), url);
      const audioSeconds = clip.audio.length / 16_000;
      const runs = new Map<BenchImplementation, BenchTranscription[]>(IMPLEMENTATIONS.map((i) => [i, []]));
      for (const implementation of IMPLEMENTATIONS) await transcribe(implementation, url); // warm-up
      for (let r = 0; r < reps; r++) {
        for (let k = 0; k < IMPLEMENTATIONS.length; k++) {
          const implementation = IMPLEMENTATIONS[(r + k) % IMPLEMENTATIONS.length];
          runs.get(implementation)!.push(await transcribe(implementation, url));
        }
      }
      const clipRows = IMPLEMENTATIONS.map((implementation): ChromiumBenchRow => {
        const rs = runs.get(implementation)!;
        const stage = (key: 'featuresMs' | 'encoderMs' | 'decoderMs') => (rs[0].stages ? stats(rs.map((x) => x.stages![key])) : undefined);
        const total = stats(rs.map((x) => x.pageMs));
        const decoder = stage('decoderMs');
        const errors = wordErrors(normalizeForWer(clip.reference), normalizeForWer(rs[0].text));
        return {
          clip: clip.name,
          audioSeconds,
          reference: clip.reference,
          implementation,
          runtime:
            implementation === 'ours'
              ? `onnxruntime-web ${routes.versions.onnxruntimeWeb} (wasm)`
              : `onnxruntime-web ${routes.versions.transformersOnnxruntimeWeb} (wasm)`,
          totalMs: total,
          workerMs: stats(rs.map((x) => x.workerMs)),
          featuresMs: stage('featuresMs'),
          encoderMs: stage('encoderMs'),
          decoderMs: decoder,
          // End-of-text is a generated token too (as in cli/bench.ts).
          tokensPerSecond: decoder && rs[0].tokens !== undefined ? ((rs[0].tokens + 1) * 1000) / decoder.median : undefined,
          realTimeFactor: total.median / 1000 / audioSeconds,
          wordErrors: errors.substitutions + errors.deletions + errors.insertions,
          text: rs[0].text,
          stopReason: rs[0].stopReason,
        };
      });
      const [oursRow, transformersRow] = clipRows;
      oursRow.speedupVsTransformers = transformersRow.totalMs.median / oursRow.totalMs.median;
      rows.push(...clipRows);

      const changed = [...runs.values()].some((rs) => rs.some((x) => x.text !== rs[0].text));
      console.log(`\n## ${clip.name} — reference: "${clip.reference}"${changed ? ' (transcripts varied between runs: first shown)' : ''}`);
      console.log('| implementation | in the page, ms median (min–max) | in the worker | features | encoder | decoder | tokens/s | RTF | transformers.js / ours | word errors | transcript |');
      console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
      for (const r of clipRows) {
        console.log(
          `| ${r.implementation} | ${fmt(r.totalMs)} | ${fmt(r.workerMs)} | ${fmt(r.featuresMs)} | ${fmt(r.encoderMs)} | ${fmt(r.decoderMs)} | ${r.tokensPerSecond?.toFixed(1) ?? '—'} | ${r.realTimeFactor.toFixed(3)} | ${r.speedupVsTransformers?.toFixed(2) ?? '—'} | ${r.wordErrors} | ${r.text}${r.stopReason === 'max-tokens' ? ' [cut at the token budget]' : ''} |`,
        );
      }
    }

    bench.assertSameOrigin();
    const result: ChromiumBenchResult = {
      command: bench.command('bench:browser'),
      machine: bench.machine,
      loadAverage: { start: bench.loadAtStart, end: loadavg()[0] },
      chromium: browser.version(),
      model: model.id,
      backend: cached.ours.result.backend,
      threads,
      reps,
      loadWarmUpRuns: LOAD_WARM_UP_RUNS,
      versions: routes.versions,
      loads: [
        { implementation: 'ours', coldMs: cold.ours.pageMs, cachedMs: cached.ours.pageMs },
        { implementation: 'transformers.js', coldMs: cold.transformers.pageMs, cachedMs: cached.transformers.pageMs },
      ],
      oursCachedFromCache: cached.ours.result.fromCache,
      rows,
    };
    await writeFile(flags.json, JSON.stringify(result, null, 1) + '\n');
    console.log(`\nwrote ${flags.json}`);
  } finally {
    await bench.close();
  }
});
