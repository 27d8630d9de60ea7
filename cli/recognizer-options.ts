/**
 * The flags every recognising command shares (model, runtime, threads, language, decoding
 * switches), and turning them into a ready Recognizer that reads the staged, hash-verified files
 * from public/models/<id>/ and the DecodeOptions to run it with.
 */
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { createRecognizer, DEFAULT_DECODE_OPTIONS, findModel, modelFile, stagedFileName, type DecodeOptions, type ModelManifest, type Recognizer } from '../src/engine';
import type { FlagSpec } from './command-line';
import { loadRuntime, parseRuntime, RUNTIMES, type LoadedRuntime } from './onnx-runtime';

const root = new URL('../', import.meta.url);

export async function readManifest(): Promise<ModelManifest> {
  return JSON.parse(await readFile(new URL('models/manifest.json', root), 'utf8')) as ModelManifest;
}

export const recognizerFlags = {
  model: { type: 'string', default: 'whisper-tiny-q8', value: 'ID', help: 'model id from models/manifest.json' },
  runtime: { type: 'string', default: 'wasm', value: RUNTIMES.join('|'), help: 'onnxruntime-web WASM (what browsers run) or onnxruntime-node' },
  threads: { type: 'string', default: String(availableParallelism()), value: 'N', help: 'inference threads' },
  language: { type: 'string', default: 'en', value: 'CODE', help: 'spoken language (ISO 639-1)' },
  'fit-context': { type: 'string', default: onOff(DEFAULT_DECODE_OPTIONS.fitContext), value: 'on|off', help: "Whisper: encode the audio plus a margin instead of a 30 s window" },
  safeguards: { type: 'string', default: onOff(DEFAULT_DECODE_OPTIONS.safeguards), value: 'on|off', help: 'token budget and repetition guard' },
  beam: { type: 'string', default: String(DEFAULT_DECODE_OPTIONS.beamSize), value: 'N', help: 'beam search with N hypotheses at temperature 0 (1: greedy)' },
} as const satisfies Record<string, FlagSpec>;

function onOff(value: boolean): 'on' | 'off' {
  return value ? 'on' : 'off';
}

/** `--NAME on|off` as a boolean; anything else is an error naming the flag. */
export function parseOnOff(name: string, value: string): boolean {
  if (value === 'on') return true;
  if (value === 'off') return false;
  throw new Error(`--${name} must be on or off, got '${value}'`);
}

/** `--beam N`: a positive integer. */
export function parseBeam(value: string): number {
  const beam = Number(value);
  if (!/^\d+$/.test(value) || beam < 1) throw new Error(`--beam must be a positive integer, got '${value}'`);
  return beam;
}

/** The decoding switches the shared flags set; a command without `--beam` keeps the engine's default. */
export function decodeOptionsFromFlags(flags: { language: string; 'fit-context': string; safeguards: string; beam?: string }): Partial<DecodeOptions> {
  return {
    language: flags.language,
    fitContext: parseOnOff('fit-context', flags['fit-context']),
    safeguards: parseOnOff('safeguards', flags.safeguards),
    ...(flags.beam !== undefined && { beamSize: parseBeam(flags.beam) }),
  };
}

export interface LoadedRecognizer {
  recognizer: Recognizer;
  runtime: LoadedRuntime;
  loadMs: number;
  /** Bytes of the model files the recogniser read: what a browser downloads for this model. */
  modelBytes: number;
}

export async function loadRecognizer(flags: { model: string; runtime: string; threads: string }): Promise<LoadedRecognizer> {
  const threads = Number(flags.threads);
  if (!Number.isInteger(threads) || threads < 1) throw new Error(`--threads must be a positive integer, got '${flags.threads}'`);
  const model = findModel(await readManifest(), flags.model);
  const runtime = await loadRuntime(parseRuntime(flags.runtime), threads);
  const dir = new URL(`public/models/${model.id}/`, root);
  const started = performance.now();
  let modelBytes = 0;
  const recognizer = await createRecognizer({
    ort: runtime.ort,
    model,
    sessionOptions: runtime.sessionOptions,
    fetchFile: async (role) => {
      const path = fileURLToPath(new URL(stagedFileName(modelFile(model, role)), dir));
      try {
        const bytes = new Uint8Array(await readFile(path));
        modelBytes += bytes.length;
        return bytes;
      } catch {
        throw new Error(`model file ${path} is missing; run 'npm run stage' (it copies and verifies the models)`);
      }
    },
  });
  return { recognizer, runtime, loadMs: performance.now() - started, modelBytes };
}
