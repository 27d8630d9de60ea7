/**
 * The Chromium benchmark's second recogniser: transformers.js's browser build in its own Web
 * Worker, as whisper-web runs it, so that it is measured the way ours is (off the main thread,
 * one message hop). Greedy, English, no timestamps, 8-bit weights: the settings of
 * scripts/reference/transformers-whisper.ts. Exposed with comlink like our recognition worker.
 *
 * The library itself is not bundled: cli/bench-browser.ts serves transformers.js's self-contained
 * build (with the onnxruntime-web it was made with) and passes its URL, so the production build
 * never carries it.
 */
import { expose } from 'comlink';
import type * as Transformers from '@huggingface/transformers';
import type { TransformersLoadRequest, TransformersLoadResult } from './bench-chromium-api';

type Asr = (audio: Float32Array, options: Record<string, unknown>) => Promise<{ text: string }>;

let asr: Asr | undefined;

const api = {
  async load(request: TransformersLoadRequest): Promise<TransformersLoadResult> {
    const started = performance.now();
    const { env, pipeline } = (await import(/* @vite-ignore */ new URL(request.libraryUrl, location.href).href)) as typeof Transformers;
    env.allowRemoteModels = false;
    env.allowLocalModels = true;
    // A path, not a full URL: transformers.js 4.3.2 skips its local-file check for http(s) URLs
    // (get_file_metadata), then believes preprocessor_config.json missing and builds no processor.
    env.localModelPath = request.localModelPath;
    const wasm = env.backends.onnx.wasm!;
    wasm.wasmPaths = new URL(request.wasmPaths, location.href).href;
    wasm.numThreads = request.threads;
    // Already in a worker, as ours is.
    wasm.proxy = false;
    asr = (await pipeline('automatic-speech-recognition', request.modelId, { dtype: 'q8', device: 'wasm' })) as unknown as Asr;
    return {
      version: env.version,
      onnxruntimeVersion: env.backends.onnx.versions?.web ?? 'unknown',
      threads: wasm.numThreads ?? request.threads,
      loadMs: performance.now() - started,
    };
  },

  async transcribe(pcm: Float32Array): Promise<{ workerMs: number; text: string }> {
    if (!asr) throw new Error('transformers.js: load() first');
    const started = performance.now();
    const out = await asr(pcm, { language: 'en', task: 'transcribe', return_timestamps: false, do_sample: false, num_beams: 1 });
    return { workerMs: performance.now() - started, text: out.text.trim() };
  },
};

export type TransformersWorkerApi = typeof api;

expose(api);
