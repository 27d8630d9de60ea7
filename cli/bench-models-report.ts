/**
 * The "Every model" section of docs/BENCHMARKS.md, rendered from the benchmarks' JSON
 * (cli/bench-report.ts reads the files and writes the document):
 *
 * - `npm run -s bench:models` → docs/data/bench-models-node.json (Node: onnxruntime-web WASM and
 *   onnxruntime-node, cli/bench-models.ts);
 * - `npm run -s bench:browser-models` → docs/data/bench-models-chromium.json (headless Chromium,
 *   our recognition worker on WASM, cli/bench-browser-models.ts);
 * - `npm run -s accuracy` → docs/data/accuracy.json.
 *
 * The files' shapes are in bench-models-data.ts, the default-model policy in default-model.ts.
 */
import { summarize, type AccuracyReportInput } from '../src/eval/accuracy-report';
import { DEFAULT_PIPELINE_OPTIONS } from '../src/query';
import type { ModelBenchRow } from './bench-models';
import type { ChromiumModelRow, ChromiumModelsResult, NodeModelsResult } from './bench-models-data';
import { appPipeline, chooseDefaultModel, DEFAULT_MODEL_LATENCY_TARGET_MS, type DefaultModelChoice } from './default-model';

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const mib = (mb?: number) => (mb === undefined ? '–' : `${mb.toFixed(0)} MiB`);
const quote = (text: string) => `"${text.replace(/\|/g, '\\|')}"`;

/** The Chromium cells of one model's row: load, peak memory, warm-up and the first query after it, ~3 s query. */
export function chromiumCells(row: ChromiumModelRow | undefined): [string, string, string, string] {
  if (!row) return ['–', '–', '–', '–'];
  const t = row.totalMs;
  const cut = row.stopReason === 'max-tokens' ? ' (cut at the token budget)' : '';
  return [
    `${seconds(row.coldLoadMs)} / ${seconds(row.cachedLoadMs)}`,
    row.coldPeakRssMb === undefined && row.peakRssMb === undefined ? '–' : `${mib(row.coldPeakRssMb)} / ${mib(row.peakRssMb)}`,
    row.warmUpMs === undefined || row.firstQueryMs === undefined ? '–' : `${seconds(row.warmUpMs)}, then ${row.firstQueryMs.median.toFixed(0)} ms`,
    `${t.median.toFixed(0)} ms (${t.min.toFixed(0)}–${t.max.toFixed(0)})${cut}`,
  ];
}

/**
 * The "Every model" section: one row per model (Node's order, then any model only Chromium has),
 * Node speed, Chromium speed and memory, accuracy. Empty when neither speed file exists.
 */
export function modelsSection(speed: NodeModelsResult | undefined, chromium: ChromiumModelsResult | undefined, accuracy: AccuracyReportInput | undefined): string[] {
  if (!speed && !chromium) return [];
  const summaries = (accuracy?.runs ?? []).map(summarize);
  const models = [...new Set([...(speed?.rows ?? []).map((r) => r.model), ...(chromium?.rows ?? []).map((r) => r.model)])];
  const pct = (x?: number) => (x === undefined || !Number.isFinite(x) ? '–' : `${(100 * x).toFixed(1)}%`);
  const lines = ['## Every model', ''];
  lines.push(
    speed
      ? `Node speed from \`${speed.command}\` (${speed.cores} × ${speed.cpu}, ${speed.threads} threads, median of ${speed.reps} after the app's warm-up and a first query, ${beamWords(speed.rows[0]?.beamSize ?? 1)}, each model in its own process; "wasm" is onnxruntime-web's WebAssembly build in Node, "node" onnxruntime-node).`
      : 'Node speed: run `npm run -s bench:models` to add it.',
  );
  if (chromium) {
    const threads = [...new Set(chromium.rows.map((r) => `${r.backend.toUpperCase()} with ${r.threads} threads`))].join(', ');
    lines.push(
      `Chromium speed and memory from \`${chromium.command}\`, a separate run from Node's (headless Chromium ${chromium.chromium}, ${chromium.machine}, load average ${chromium.loadAverage.start.toFixed(1)} at the start, ${chromium.loadAverage.end.toFixed(1)} at the end): the production build's recognition worker on onnxruntime-web ${chromium.onnxruntimeWeb}, ${threads}, one model at a time in a fresh browser context, released before the next. Load is timed in the page on a first visit (empty Cache Storage: download, sha256, sessions) / on a later visit (a new page of the same context: files from Cache Storage, sha256, sessions). After the later visit's load the worker warms up as the app's does (EngineApi.warmUp: the query's hot path on synthetic audio, src/engine/warm-up.ts), timed to its end; then the first query (the median over the rounds) and the ~3 s query, each timed in the page from handing the samples to the worker until the text is back: ${chromiumRepeats(chromium)}, decoded ${beamWords(chromium.beamSize ?? 1)}. ${chromium.memory}`,
    );
  } else {
    lines.push('Chromium: run `npm run build && npm run -s bench:browser-models` to add it.');
  }
  lines.push(
    accuracy
      ? `Accuracy from \`${accuracy.command}\` (docs/ACCURACY.md: ${accuracy.sets.queries} generated spoken queries, ${accuracy.sets.recordings} real recordings, ${accuracy.sets.noise} clips without speech; the app's pipeline: beam search, n-best rescoring and catalogue correction, with the settings' defaults).`
      : 'Accuracy: run `npm run -s accuracy -- --models …` to add it.',
    '',
    '| model | download | load (wasm / node) | peak memory (wasm / node) | ~3 s query (wasm / node) | Chromium load (first visit / cached) | Chromium peak memory (first visit / cached) | Chromium warm-up, then first query | ~3 s query in Chromium (WASM) | WER queries | WER recordings | top-3 | made-up queries |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  );
  for (const model of models) {
    const row = (runtime: string) => speed?.rows.find((r) => r.model === model && r.runtime === runtime);
    const both = (pick: (r: ModelBenchRow) => string) => (row('wasm') || row('node') ? [row('wasm'), row('node')].map((r) => (r ? pick(r) : '–')).join(' / ') : '–');
    const bytes = (row('wasm') ?? row('node'))?.modelBytes;
    const best = appPipeline(summaries, model);
    const browser = chromiumCells(chromium?.rows.find((r) => r.model === model));
    lines.push(
      `| ${model} | ${bytes === undefined ? '–' : `${(bytes / 1e6).toFixed(1)} MB`} | ${both((r) => seconds(r.loadMs))} | ${both((r) => mib(r.peakRssMb))} | ${both((r) => `${r.medianMs.toFixed(0)} ms`)} | ${browser.join(' | ')} | ${pct(best?.werQueries)} | ${pct(best?.werRecordings)} | ${pct(best?.top3)} | ${best ? `${best.falseQueries} / ${best.noiseClips}` : '–'} |`,
    );
  }
  const clip = speed?.rows[0]?.clip ?? chromium?.rows[0]?.clip;
  const transcripts: string[] = [];
  if (speed) transcripts.push(`in Node (wasm): ${models.filter((m) => row0(speed, m)).map((m) => `${m} ${quote(row0(speed, m)!.text)}`).join('; ')}`);
  if (chromium) {
    transcripts.push(
      `in Chromium: ${chromium.rows.map((r) => `${r.model} ${quote(r.text)}${r.textVaried ? ' (varied between runs: first shown)' : ''}`).join('; ')}`,
    );
  }
  lines.push('', `The ~3 s query is ${clip}; transcripts ${transcripts.join('; ')}.`, '');
  if (chromium && accuracy) lines.push(...defaultModelParagraph(chooseDefaultModel(chromium.rows, summaries)), '');
  return lines;
}

function defaultModelParagraph(choice: DefaultModelChoice): string[] {
  return [
    '### The default model',
    '',
    `Chosen from the table by \`chooseDefaultModel\` (cli/default-model.ts): among the models whose ~3 s query in Chromium has a median within ${DEFAULT_MODEL_LATENCY_TARGET_MS} ms (the product's "few hundred milliseconds") and that made up no query on the clips without speech (issue #5's target), the one that finds the spoken query's place in the top three most often with the app's pipeline (beam search, n-best rescoring, correction, verification), then the fastest. ${choice.model ? `By these figures: **${choice.model}**; the app's default (src/query/pipeline-options.ts, DEFAULT_PIPELINE_OPTIONS.modelId) is ${DEFAULT_PIPELINE_OPTIONS.modelId}${DEFAULT_PIPELINE_OPTIONS.modelId === choice.model ? '' : ' — they disagree: change one'}.` : `No model meets both targets by these figures; the app keeps ${DEFAULT_PIPELINE_OPTIONS.modelId} (src/query/pipeline-options.ts) until one does.`}`,
    '',
    ...choice.reasons.map((r) => `- ${r}`),
  ];
}

/** How the Chromium queries were decoded, in words. */
export function beamWords(beamSize: number): string {
  return beamSize > 1 ? `with beam search of ${beamSize}, as the app decodes` : 'greedily';
}

/** How often the Chromium figures were measured, in words. */
export function chromiumRepeats(c: Pick<ChromiumModelsResult, 'reps' | 'rounds'>): string {
  const rounds = c.rounds ?? 1;
  if (rounds === 1) return `median (min–max) of ${c.reps} after the first query`;
  return `median (min–max) of ${rounds * c.reps} runs: ${rounds} rounds over the models in alternating order, each loading every model afresh and running it ${c.reps} times after the first query; loads and memory are the medians of the rounds`;
}

/** The model's first Node row (the wasm runtime when measured), whose transcript the section quotes. */
function row0(speed: NodeModelsResult, model: string): ModelBenchRow | undefined {
  return speed.rows.find((r) => r.model === model);
}
