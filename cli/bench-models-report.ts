/**
 * The "Every model" section of docs/BENCHMARKS.md, as pure functions of the benchmarks' JSON
 * (cli/bench-report.ts reads the files and writes the document):
 *
 * - `npm run -s bench:models` → docs/data/bench-models-node.json (Node: onnxruntime-web WASM and
 *   onnxruntime-node, cli/bench-models.ts);
 * - `npm run -s bench:browser-models` → docs/data/bench-models-chromium.json (headless Chromium,
 *   our recognition worker on WASM, cli/bench-browser-models.ts);
 * - `npm run -s accuracy` → docs/data/accuracy.json.
 *
 * Also the Chromium file's shape and its parser, shared by the script that writes it.
 */
import { APP_TECHNIQUE, summarize, type AccuracyReportInput } from '../src/eval/accuracy-report';
import { DEFAULT_PIPELINE_OPTIONS } from '../src/query';
import { stats, type StageStats } from '../src/eval/stats';
import type { ModelBenchRow } from './bench-models';

/** docs/data/bench-models-node.json. */
export interface NodeModelsResult {
  command: string;
  cpu: string;
  cores: number;
  threads: number;
  reps: number;
  rows: ModelBenchRow[];
}

/** One model in headless Chromium: our recognition worker on the production build, WASM. */
export interface ChromiumModelRow {
  model: string;
  /** The backend and thread count our worker reported (`wasm`; threads as in `npm run -s bench:browser`). */
  backend: string;
  threads: number;
  /** Page-measured load with empty Cache Storage: download, sha256 and sessions (a first visit). */
  coldLoadMs: number;
  /** Page-measured load after a reload: files from Cache Storage, sha256 and sessions (a later visit). */
  cachedLoadMs: number;
  /** Whether the second load read every file from Cache Storage. */
  fromCache: boolean;
  /** The worker's warm-up after the later visit's load (EngineApi.warmUp), to its end. Absent in older files. */
  warmUpMs?: number;
  /** The first query after that warm-up, in the page (what a user's first query waits). Absent in older files. */
  firstQueryMs?: StageStats;
  /**
   * Peak resident memory (VmHWM) of the renderer process that held the page and its workers, MiB:
   * for the first visit (load only) and for the later visit (load from Cache Storage, then every
   * run). Undefined where /proc is not readable.
   */
  coldPeakRssMb?: number;
  peakRssMb?: number;
  clip: string;
  audioSeconds: number;
  reference: string;
  /** In the page: samples handed to the worker → text back (the wait after the end of speech). */
  totalMs: StageStats;
  /** The recogniser's own time in the worker (what `npm run -s bench:models` times in Node). */
  workerMs: StageStats;
  /** Transcript of the first measured run. */
  text: string;
  wordErrors: number;
  /** Why decoding stopped on the first measured run (`max-tokens`: cut at the token budget). */
  stopReason?: string;
  /** True when the measured runs did not all give the same text. */
  textVaried: boolean;
}

/** docs/data/bench-models-chromium.json. */
export interface ChromiumModelsResult {
  command: string;
  machine: string;
  /** The machine's 1-minute load average when the run started and ended. */
  loadAverage: { start: number; end: number };
  chromium: string;
  onnxruntimeWeb: string;
  /** Measured runs per model per round, after the warm-up and the first query. */
  reps: number;
  /** The beam width every query was decoded with (the app's unless `--beam`). Absent in older files: 1. */
  beamSize?: number;
  /**
   * Rounds over every model, in alternating order (A B C, C B A, …) so a shared machine's drift
   * hits all alike; each round loads each model afresh. Loads and memory are the rounds' medians,
   * latency pools every run. Absent in files from before rounds existed: 1.
   */
  rounds?: number;
  /** How memory was measured, in words (printed beside the table). */
  memory: string;
  rows: ChromiumModelRow[];
}

export { stats } from '../src/eval/stats';

/** One model in one round: both visits' loads and memory, and the measured runs of the later visit. */
export interface ChromiumModelVisit
  extends Pick<ChromiumModelRow, 'backend' | 'threads' | 'coldLoadMs' | 'cachedLoadMs' | 'fromCache' | 'coldPeakRssMb' | 'peakRssMb' | 'warmUpMs'> {
  /** The first query after the warm-up, in the page. */
  firstQueryMs?: number;
  runs: { pageMs: number; workerMs: number; text: string; stopReason?: string }[];
}

/** The models in round `round` (0-based): as given, then reversed, and so on. */
export function roundOrder<T>(models: readonly T[], round: number): T[] {
  return round % 2 ? [...models].reverse() : [...models];
}

/**
 * One model's row from its rounds: loads and memory are the rounds' medians, latency pools every
 * run, the transcript is the first measured run's. `wordErrorsOf` scores a transcript against the
 * clip's reference.
 */
export function combineRounds(
  model: string,
  clip: { name: string; audioSeconds: number; reference: string },
  visits: readonly ChromiumModelVisit[],
  wordErrorsOf: (text: string) => number,
): ChromiumModelRow {
  const runs = visits.flatMap((v) => v.runs);
  if (!runs.length) throw new Error(`${model}: no measured runs`);
  const backends = new Set(visits.map((v) => `${v.backend}:${v.threads}`));
  if (backends.size !== 1) throw new Error(`${model}: backend or threads changed between rounds (${[...backends].join(', ')})`);
  const memory = (pick: (v: ChromiumModelVisit) => number | undefined) => {
    const values = visits.map(pick);
    return values.every((x): x is number => x !== undefined) ? stats(values).median : undefined;
  };
  return {
    model,
    backend: visits[0].backend,
    threads: visits[0].threads,
    coldLoadMs: stats(visits.map((v) => v.coldLoadMs)).median,
    cachedLoadMs: stats(visits.map((v) => v.cachedLoadMs)).median,
    fromCache: visits.every((v) => v.fromCache),
    ...(visits.every((v) => v.warmUpMs !== undefined) && { warmUpMs: stats(visits.map((v) => v.warmUpMs!)).median }),
    ...(visits.every((v) => v.firstQueryMs !== undefined) && { firstQueryMs: stats(visits.map((v) => v.firstQueryMs!)) }),
    coldPeakRssMb: memory((v) => v.coldPeakRssMb),
    peakRssMb: memory((v) => v.peakRssMb),
    clip: clip.name,
    audioSeconds: clip.audioSeconds,
    reference: clip.reference,
    totalMs: stats(runs.map((x) => x.pageMs)),
    workerMs: stats(runs.map((x) => x.workerMs)),
    text: runs[0].text,
    wordErrors: wordErrorsOf(runs[0].text),
    stopReason: runs[0].stopReason,
    textVaried: runs.some((x) => x.text !== runs[0].text),
  };
}

type Json = Record<string, unknown>;

function field<T>(object: Json, key: string, where: string, check: (v: unknown) => boolean, what: string, optional = false): T {
  const value = object[key];
  if (value === undefined && optional) return value as T;
  if (!check(value)) throw new Error(`${where}.${key}: expected ${what}, got ${JSON.stringify(value)}`);
  return value as T;
}

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNumber = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
const isString = (v: unknown) => typeof v === 'string';
const isBoolean = (v: unknown) => typeof v === 'boolean';
const isStats = (v: unknown) => isObject(v) && isNumber(v.median) && isNumber(v.min) && isNumber(v.max) && (v.min as number) <= (v.median as number) && (v.median as number) <= (v.max as number);

/** Checks a parsed bench-models-chromium.json and returns it typed; throws naming the first bad field. */
export function parseChromiumModelsResult(json: unknown, where = 'bench-models-chromium.json'): ChromiumModelsResult {
  if (!isObject(json)) throw new Error(`${where}: expected an object`);
  const num = (o: Json, k: string, w: string, optional = false) => field<number>(o, k, w, isNumber, 'a number', optional);
  const str = (o: Json, k: string, w: string, optional = false) => field<string>(o, k, w, isString, 'a string', optional);
  const loadAverage = field<Json>(json, 'loadAverage', where, isObject, 'an object');
  const rows = field<unknown[]>(json, 'rows', where, Array.isArray, 'an array');
  return {
    command: str(json, 'command', where),
    machine: str(json, 'machine', where),
    loadAverage: { start: num(loadAverage, 'start', `${where}.loadAverage`), end: num(loadAverage, 'end', `${where}.loadAverage`) },
    chromium: str(json, 'chromium', where),
    onnxruntimeWeb: str(json, 'onnxruntimeWeb', where),
    reps: num(json, 'reps', where),
    rounds: num(json, 'rounds', where, true),
    beamSize: num(json, 'beamSize', where, true),
    memory: str(json, 'memory', where),
    rows: rows.map((row, i): ChromiumModelRow => {
      const w = `${where}.rows[${i}]`;
      if (!isObject(row)) throw new Error(`${w}: expected an object`);
      return {
        model: str(row, 'model', w),
        backend: str(row, 'backend', w),
        threads: num(row, 'threads', w),
        coldLoadMs: num(row, 'coldLoadMs', w),
        cachedLoadMs: num(row, 'cachedLoadMs', w),
        fromCache: field<boolean>(row, 'fromCache', w, isBoolean, 'a boolean'),
        warmUpMs: num(row, 'warmUpMs', w, true),
        firstQueryMs: field<StageStats>(row, 'firstQueryMs', w, isStats, '{ median, min, max } with min ≤ median ≤ max', true),
        coldPeakRssMb: num(row, 'coldPeakRssMb', w, true),
        peakRssMb: num(row, 'peakRssMb', w, true),
        clip: str(row, 'clip', w),
        audioSeconds: num(row, 'audioSeconds', w),
        reference: str(row, 'reference', w),
        totalMs: field<StageStats>(row, 'totalMs', w, isStats, '{ median, min, max } with min ≤ median ≤ max'),
        workerMs: field<StageStats>(row, 'workerMs', w, isStats, '{ median, min, max } with min ≤ median ≤ max'),
        text: str(row, 'text', w),
        wordErrors: num(row, 'wordErrors', w),
        stopReason: str(row, 'stopReason', w, true),
        textVaried: field<boolean>(row, 'textVaried', w, isBoolean, 'a boolean'),
      };
    }),
  };
}

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

/** A model's accuracy with the app's pipeline (every technique the app uses on), else its last technique measured. */
function appPipeline<S extends { model: string; technique: string }>(summaries: readonly S[], model: string): S | undefined {
  const mine = summaries.filter((x) => x.model === model);
  return mine.find((x) => x.technique === APP_TECHNIQUE) ?? mine[mine.length - 1];
}

export { APP_TECHNIQUE };

/**
 * The product's goal for a voice query is text "in a few hundred milliseconds" after the end of
 * speech on an ordinary laptop CPU (issue #4); models whose ~3 s query takes longer than this in
 * Chromium are not candidates for the default. The Chromium figures are decoded as the app
 * decodes (beam search, `npm run -s bench:browser-models` by default; older files greedily).
 */
export const DEFAULT_MODEL_LATENCY_TARGET_MS = 600;

export interface DefaultModelChoice {
  /** The measured choice, or undefined when no model has both figures. */
  model?: string;
  /** One line per model: why it was or was not chosen. */
  reasons: string[];
}

/**
 * The app's default model by measurement: among the models whose ~3 s query in Chromium has a
 * median within DEFAULT_MODEL_LATENCY_TARGET_MS and that made up no query on the clips without
 * speech (issue #5's target: a default that types text on noise fails the product, whatever its
 * hit rate), the one whose spoken queries find the place in the top three most often with the
 * app's pipeline; ties go to the faster model.
 */
export function chooseDefaultModel(
  chromiumRows: readonly { model: string; totalMs: { median: number } }[],
  summaries: readonly { model: string; technique: string; top3: number; falseQueries: number }[],
): DefaultModelChoice {
  const reasons: string[] = [];
  const candidates: { model: string; top3: number; falseQueries: number; ms: number }[] = [];
  for (const row of chromiumRows) {
    const accuracy = appPipeline(summaries, row.model);
    const ms = row.totalMs.median;
    if (!accuracy) reasons.push(`${row.model}: accuracy not measured`);
    else if (ms > DEFAULT_MODEL_LATENCY_TARGET_MS) reasons.push(`${row.model}: ${ms.toFixed(0)} ms in Chromium, over the ${DEFAULT_MODEL_LATENCY_TARGET_MS} ms target`);
    else if (accuracy.falseQueries > 0) reasons.push(`${row.model}: ${accuracy.falseQueries} made-up queries on the clips without speech (top-3 ${(100 * accuracy.top3).toFixed(1)}%, ${ms.toFixed(0)} ms in Chromium)`);
    else candidates.push({ model: row.model, top3: accuracy.top3, falseQueries: accuracy.falseQueries, ms });
  }
  candidates.sort((a, b) => b.top3 - a.top3 || a.ms - b.ms);
  for (const c of candidates) reasons.push(`${c.model}: top-3 ${(100 * c.top3).toFixed(1)}%, ${c.falseQueries} made-up queries, ${c.ms.toFixed(0)} ms in Chromium`);
  return { model: candidates[0]?.model, reasons };
}

function defaultModelParagraph(choice: DefaultModelChoice): string[] {
  return [
    '### The default model',
    '',
    `Chosen from the table by \`chooseDefaultModel\` (cli/bench-models-report.ts): among the models whose ~3 s query in Chromium has a median within ${DEFAULT_MODEL_LATENCY_TARGET_MS} ms (the product's "few hundred milliseconds") and that made up no query on the clips without speech (issue #5's target), the one that finds the spoken query's place in the top three most often with the app's pipeline (beam search, n-best rescoring, correction), then the fastest. ${choice.model ? `By these figures: **${choice.model}**; the app's default (src/query/pipeline-options.ts, DEFAULT_PIPELINE_OPTIONS.modelId) is ${DEFAULT_PIPELINE_OPTIONS.modelId}${DEFAULT_PIPELINE_OPTIONS.modelId === choice.model ? '' : ' — they disagree: change one'}.` : 'No model has both figures yet.'}`,
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
