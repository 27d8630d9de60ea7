/**
 * What the Chromium benchmark page (bench-chromium.html) puts on `window.benchChromium`, for
 * cli/bench-browser.ts to drive our recognition worker and transformers.js's browser build side
 * by side in one page. Types and one constant only, so the Node-side script can import it.
 */
import type { LoadResult, TranscribeOptions, Transcript, WarmUpReport, WarmUpRequest } from '../../src/worker/engine-api';

/** Where the transformers.js worker finds its code, onnxruntime's files and the model (the bench script serves them). */
export interface TransformersLoadRequest {
  /** URL of transformers.js's self-contained browser build (`dist/transformers.js`). */
  libraryUrl: string;
  /** URL prefix of the onnxruntime-web `.mjs`/`.wasm` files that build was made with. */
  wasmPaths: string;
  /** transformers.js `env.localModelPath`, a root-relative path: the folder holding `<modelId>/config.json`, `<modelId>/onnx/…`. */
  localModelPath: string;
  modelId: string;
  /** WebAssembly threads; the benchmark passes our worker's count. */
  threads: number;
}

export interface TransformersLoadResult {
  /** transformers.js's `env.version`. */
  version: string;
  /** onnxruntime-web version bundled in that build. */
  onnxruntimeVersion: string;
  threads: number;
  /** Milliseconds from the request to a ready pipeline, measured in the worker. */
  loadMs: number;
}

/** One transcription, with the time from handing the PCM to the worker until the text is back in the page. */
export interface BenchTranscription {
  /** In the page: PCM handed to the worker → transcript received (what a user waits for after the end of speech). */
  pageMs: number;
  /** In the worker: the recogniser's own time, without the message hop. */
  workerMs: number;
  text: string;
  /** Our engine's stage timings; transformers.js does not report stages. */
  stages?: Transcript['timings'];
  /** Generated tokens (ours only). */
  tokens?: number;
  /** Why decoding stopped (ours only): `max-tokens` means the transcript was cut, not finished. */
  stopReason?: Transcript['stopReason'];
}

export type BenchImplementation = 'ours' | 'transformers.js';

export interface BenchChromium {
  /** Loads our model in our recognition worker (WASM); wall time measured in the page. */
  loadOurs(modelId: string): Promise<{ result: LoadResult; pageMs: number }>;
  /** Our worker's warm-up after a load, as the app runs it (EngineApi.warmUp), to its end. */
  warmUpOurs(request?: WarmUpRequest): Promise<WarmUpReport | undefined>;
  /** Starts transformers.js in its own Web Worker and loads the pipeline; wall time measured in the page. */
  loadTransformers(request: TransformersLoadRequest): Promise<{ result: TransformersLoadResult; pageMs: number }>;
  /** Fetches a clip (raw little-endian Float32 PCM, 16 kHz mono) once, so every run starts from the same samples in memory. */
  loadClip(url: string): Promise<{ samples: number }>;
  /**
   * Transcribes a loaded clip with one implementation; each run gets a fresh copy of the samples.
   * `options` go to our worker as the app passes its settings (transformers.js ignores them).
   */
  transcribe(implementation: BenchImplementation, clipUrl: string, options?: TranscribeOptions): Promise<BenchTranscription>;
  /** Releases our worker's model sessions (EngineApi.unload), as switching models in the app does. */
  unloadOurs(): Promise<void>;
}

/**
 * Query parameter of bench-chromium.html: `?only=ours` starts no transformers.js worker, for
 * cli/bench-browser-models.ts, which measures our worker alone (its memory included).
 */
export const ONLY_OURS_QUERY = 'only=ours';

/** The page's global object as the Node side sees it (no DOM types there). */
export interface BenchPageGlobal {
  benchChromium: BenchChromium;
  crossOriginIsolated: boolean;
}
