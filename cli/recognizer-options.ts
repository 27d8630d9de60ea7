/**
 * The flags every recognising command shares (model, runtime, threads, language), and turning them
 * into a ready Recognizer that reads the staged, hash-verified files from public/models/<id>/.
 */
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { createRecognizer, findModel, modelFile, stagedFileName, type ModelManifest, type Recognizer } from '../src/engine';
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
} as const satisfies Record<string, FlagSpec>;

export interface LoadedRecognizer {
  recognizer: Recognizer;
  runtime: LoadedRuntime;
  loadMs: number;
}

export async function loadRecognizer(flags: { model: string; runtime: string; threads: string }): Promise<LoadedRecognizer> {
  const threads = Number(flags.threads);
  if (!Number.isInteger(threads) || threads < 1) throw new Error(`--threads must be a positive integer, got '${flags.threads}'`);
  const model = findModel(await readManifest(), flags.model);
  const runtime = await loadRuntime(parseRuntime(flags.runtime), threads);
  const dir = new URL(`public/models/${model.id}/`, root);
  const started = performance.now();
  const recognizer = await createRecognizer({
    ort: runtime.ort,
    model,
    sessionOptions: runtime.sessionOptions,
    fetchFile: async (role) => {
      const path = fileURLToPath(new URL(stagedFileName(modelFile(model, role)), dir));
      try {
        return new Uint8Array(await readFile(path));
      } catch {
        throw new Error(`model file ${path} is missing; run 'npm run stage' (it copies and verifies the models)`);
      }
    },
  });
  return { recognizer, runtime, loadMs: performance.now() - started };
}
