/**
 * The models benchmarks' data: the shapes of docs/data/bench-models-node.json (`npm run -s
 * bench:models`, cli/bench-models.ts) and docs/data/bench-models-chromium.json (`npm run -s
 * bench:browser-models`, cli/bench-browser-models.ts), how the Chromium script combines its
 * rounds, and the Chromium file's parser. Pure; the report (bench-models-report.ts) and the
 * default-model policy (default-model.ts) read these.
 */
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
