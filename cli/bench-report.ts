/**
 * `npm run -s bench:report`: regenerates docs/BENCHMARKS.md and its charts from the benchmarks'
 * JSON results in docs/data/ (written by `npm run -s bench -- --json …`, `npm run -s bench:browser`,
 * `npm run -s bench:models`, `npm run -s bench:browser-models`, `npm run -s accuracy`,
 * `npm run -s context-accuracy` and `npm run -s soak`). The document is never edited by hand: change this script or
 * rerun the benchmark.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { BenchRow } from './bench';
import { bytesSection, type BytesResult } from './bench-bytes-data';
import { loadSection, type LoadBenchResult } from './bench-load-data';
import { soakSection, type SoakResult } from './soak-data';
import type { ChromiumBenchResult } from './bench-browser';
import { latencyChartSvg } from './latency-chart';

import type { AccuracyReportInput } from '../src/eval/accuracy-report';
import { parseChromiumModelsResult, type NodeModelsResult } from './bench-models-data';
import { modelsSection } from './bench-models-report';

import { defineCommand, readCommandLine } from './command-line';

readCommandLine(
  defineCommand({
    usage: 'npm run -s bench:report',
    description: 'Writes docs/BENCHMARKS.md (and its charts) from the JSON the benchmarks left in docs/data/.',
    flags: {},
    positionals: { min: 0, max: 0, name: '' },
  }),
);
const docs = fileURLToPath(new URL('../docs/', import.meta.url));

interface BenchResult {
  header: string;
  model: string;
  reps: number;
  loads: { name: string; loadMs: number; rssAfterLoadMb: number }[];
  rows: BenchRow[];
}

const ms = (s?: { median: number; min: number; max: number }) =>
  s ? `${s.median.toFixed(0)} (${s.min.toFixed(0)}–${s.max.toFixed(0)})` : '—';

function table(result: BenchResult): string {
  const lines = [
    '| clip | implementation | total ms, median (min–max) | features | encoder | decoder | tokens/s | RTF | × faster than transformers.js | word errors | transcript |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const r of result.rows) {
    lines.push(
      `| ${r.clip} | ${r.implementation} | ${ms(r.totalMs)} | ${ms(r.featuresMs)} | ${ms(r.encoderMs)} | ${ms(r.decoderMs)} | ${r.tokensPerSecond?.toFixed(1) ?? '—'} | ${r.realTimeFactor.toFixed(3)} | ${r.speedupVsTransformers?.toFixed(2) ?? '—'} | ${r.wordErrors} | ${r.text.replace(/\|/g, '\\|')} |`,
    );
  }
  return lines.join('\n');
}

/** A result file's content, or undefined when that benchmark has not been run. */
async function readJsonIfPresent<T>(path: string): Promise<T | undefined> {
  try {
    return JSON.parse(await readFile(path, 'utf8')) as T;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function chromiumTable(c: ChromiumBenchResult): string {
  const lines = [
    '| clip | implementation | total ms in the page, median (min–max) | in the worker | features | encoder | decoder | tokens/s | RTF | transformers.js / ours | word errors | transcript |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const r of c.rows) {
    const cut = r.stopReason === 'max-tokens' ? ' *(cut at the token budget)*' : '';
    lines.push(
      `| ${r.clip} | ${r.implementation} | ${ms(r.totalMs)} | ${ms(r.workerMs)} | ${ms(r.featuresMs)} | ${ms(r.encoderMs)} | ${ms(r.decoderMs)} | ${r.tokensPerSecond?.toFixed(1) ?? '—'} | ${r.realTimeFactor.toFixed(3)} | ${r.speedupVsTransformers?.toFixed(2) ?? '—'} | ${r.wordErrors} | ${r.text.replace(/\|/g, '\\|')}${cut} |`,
    );
  }
  return lines.join('\n');
}

async function chromiumSection(c: ChromiumBenchResult): Promise<string[]> {
  const svgName = `bench-latency-chromium-${c.model}.svg`;
  const label = (implementation: string) =>
    implementation === 'ours' ? `ours (onnxruntime-web ${c.versions.onnxruntimeWeb})` : `transformers.js ${c.versions.transformers} (onnxruntime-web ${c.versions.transformersOnnxruntimeWeb.replace(/\.\d{8}-\w+$/, '')})`;
  const points = c.rows.map((r) => ({ implementation: label(r.implementation), audioSeconds: r.audioSeconds, medianMs: r.totalMs.median, minMs: r.totalMs.min, maxMs: r.totalMs.max }));
  await writeFile(`${docs}${svgName}`, await latencyChartSvg(points, `${c.model} in headless Chromium (WASM, ${c.threads} threads): latency vs audio length`));
  const load = (implementation: string) => c.loads.find((l) => l.implementation === implementation)!;
  const ours = load('ours');
  const theirs = load('transformers.js');
  const busy = c.loadAverage ? ` (load average ${c.loadAverage.start.toFixed(1)} at the start, ${c.loadAverage.end.toFixed(1)} at the end)` : '';
  return [
    `## In the browser: ${c.model}, headless Chromium ${c.chromium}`,
    '',
    `From \`${c.command}\` on ${c.machine}${busy}: the production build's recognition worker and transformers.js ${c.versions.transformers}'s browser build, each in its own Web Worker of one cross-origin isolated page (e2e/pages/bench-chromium.html), both on ${c.backend.toUpperCase()} with ${c.threads} threads and reading the same staged model files. Ours runs on onnxruntime-web ${c.versions.onnxruntimeWeb}, transformers.js on the onnxruntime-web it bundles (${c.versions.transformersOnnxruntimeWeb}). ${c.loadWarmUpRuns ? `After loading, ${c.loadWarmUpRuns} runs each of the ~3 s clip, alternating (V8 optimises the WebAssembly as it runs; cli/bench-clips.ts); then per` : 'Per'} clip one warm-up run each and ${c.reps} rounds in alternating order.`,
    '',
    '| model load, ms (measured in the page) | ours | transformers.js |',
    '| --- | --- | --- |',
    `| cold (empty Cache Storage: download and sessions; ours also checks sha256) | ${ours.coldMs.toFixed(0)} | ${theirs.coldMs.toFixed(0)} |`,
    `| after a reload${c.oursCachedFromCache ? ' (ours from Cache Storage)' : ''} | ${ours.cachedMs.toFixed(0)} | ${theirs.cachedMs.toFixed(0)} |`,
    '',
    '"Total ms in the page" runs from handing a copy of the clip\'s samples to the worker until the text is back in the page: the wait after the end of speech. "In the worker" is the recogniser\'s own time; the stages are our engine\'s (transformers.js reports none). "transformers.js / ours" divides the medians of the page totals.',
    '',
    `![latency against audio length in Chromium, median with min–max](${svgName})`,
    '',
    chromiumTable(c),
    '',
  ];
}

const results: BenchResult[] = [];
for (const name of (await readdir(`${docs}data`)).filter((f) => f.startsWith('bench-node-') && f.endsWith('.json')).sort()) {
  results.push(JSON.parse(await readFile(`${docs}data/${name}`, 'utf8')) as BenchResult);
}

const sections: string[] = [
  '# Benchmarks',
  '',
  'Generated by `npm run -s bench:report` from the JSON in `docs/data/`; do not edit by hand.',
  'Our engine against transformers.js (@huggingface/transformers, same npm model files, greedy, English, no',
  'timestamps), loaded side by side and run alternately on the same clips after a warm-up: in headless',
  'Chromium by `npm run build && npm run -s bench:browser` (docs/data/bench-chromium.json), in Node by',
  '`npm run -s bench -- --model ID --json docs/data/bench-node-ID.json`.',
  '',
];
const chromium = await readJsonIfPresent<ChromiumBenchResult>(`${docs}data/bench-chromium.json`);
if (chromium) sections.push(...(await chromiumSection(chromium)));

for (const result of results) {
  const svgName = `bench-latency-node-${result.model}.svg`;
  const points = result.rows.map((r) => ({ implementation: r.implementation, audioSeconds: r.audioSeconds, medianMs: r.totalMs.median }));
  await writeFile(`${docs}${svgName}`, await latencyChartSvg(points, `${result.model} in Node: latency vs audio length`));
  sections.push(
    `## ${result.model} in Node`,
    '',
    `Machine and settings: \`${result.header.replace(/^# bench: /, '')}\``,
    '',
    `Loading: ${result.loads.map((l) => `${l.name} ${l.loadMs.toFixed(0)} ms`).join('; ')}.`,
    '',
    `![latency against audio length](${svgName})`,
    '',
    table(result),
    '',
  );
}
// Every model side by side (issue #6): cli/bench-models-report.ts.
const chromiumModels = await readJsonIfPresent<unknown>(`${docs}data/bench-models-chromium.json`);
sections.push(
  ...modelsSection(
    await readJsonIfPresent<NodeModelsResult>(`${docs}data/bench-models-node.json`),
    chromiumModels === undefined ? undefined : parseChromiumModelsResult(chromiumModels),
    await readJsonIfPresent<AccuracyReportInput>(`${docs}data/accuracy.json`),
  ),
);

// Bytes on the wire, first and repeat visit (issue #18): cli/bench-bytes.ts.
const bytes = await readJsonIfPresent<BytesResult>(`${docs}data/bench-bytes.json`);
if (bytes) sections.push(...bytesSection(bytes));

// Opening the page, stage by stage, before and after the cuts of issue #21: cli/bench-load.ts.
const loadBefore = await readJsonIfPresent<LoadBenchResult>(`${docs}data/bench-load-before.json`);
const loadAfter = await readJsonIfPresent<LoadBenchResult>(`${docs}data/bench-load.json`);
if (loadAfter) sections.push(...loadSection(loadAfter, loadBefore));

// Memory over many queries (issue #20): cli/soak.ts.
const soakResult = await readJsonIfPresent<SoakResult>(`${docs}data/soak.json`);
if (soakResult) sections.push(soakSection(soakResult), '');

interface ContextRow {
  model: string;
  runtime: string;
  set: string;
  utterances: number;
  window: string;
  wer: number;
  budgetHits: number;
  loopsCut?: number;
  medianMs: number;
}
const contextPath = `${docs}data/context-accuracy.json`;
try {
  const context = JSON.parse(await readFile(contextPath, 'utf8')) as { command: string; cpu: string; cores: number; rows: ContextRow[] };
  sections.push(
    '## Encoder window: accuracy of cutting the 30 s window to the audio',
    '',
    `From \`${context.command}\` (${context.cores} × ${context.cpu}). "budget hits" counts transcripts that ran into the token budget instead of ending, "loops cut" those the repetition guard ended (Whisper's repetition symptom).`,
    '',
    '| model | runtime | set | utterances | encoder window | WER | budget hits | loops cut | median latency ms |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...context.rows.map(
      (r) => `| ${r.model} | ${r.runtime} | ${r.set} | ${r.utterances} | ${r.window} | ${(r.wer * 100).toFixed(2)}% | ${r.budgetHits} | ${r.loopsCut ?? '–'} | ${r.medianMs.toFixed(0)} |`,
    ),
    '',
  );
} catch (error) {
  if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
}

await writeFile(`${docs}BENCHMARKS.md`, sections.join('\n'));
console.log(`wrote docs/BENCHMARKS.md from ${results.length} result file(s)`);
