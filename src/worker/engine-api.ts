/**
 * The recognition worker's API: the types page and worker share. The worker exposes an
 * `EngineApi` with comlink; the page gets one from `createEngineClient()` (engine-client.ts).
 * Everything crossing the boundary is plain data, so comlink can structured-clone it.
 */
import type { LoadStage } from './load-trace';
import type { NameCompletionOptions, SlotName, Transcript, TranscriptScore, WarmUpReport } from '../engine';
import type { HeardInput } from '../monitoring/heard-input';

export type { LoadStage, Transcript, TranscriptScore, WarmUpReport };

/**
 * Where inference runs. `auto` picks WebGPU when the browser gives a hardware WebGPU adapter
 * (never a software one such as SwiftShader), else WebAssembly; `webgpu` tries any adapter. A
 * WebGPU failure always falls back to WebAssembly (see `LoadResult.fallbackReason`).
 */
export type Backend = 'auto' | 'wasm' | 'webgpu';

export interface LoadRequest {
  /** Model id from models/manifest.json, e.g. `whisper-tiny-q8`. */
  modelId: string;
  /** Requested backend; the one actually used is `LoadResult.backend`. */
  backend: Backend;
}

/** Byte progress of a model load, summed over the model's files. */
export interface LoadProgress {
  /** Bytes read so far, from the network or Cache Storage, over all files of this load. */
  loadedBytes: number;
  /**
   * Bytes of every file this load reads, from the manifest. The engine asks for all its files at
   * once, so the total is complete from the first report on.
   */
  totalBytes: number;
  /** The file this report is about, as a URL path (`/models/<id>/<file>`). */
  file: string;
  /** True when that file came from Cache Storage rather than the network. */
  fromCache: boolean;
}

/** What a finished load reports; the status line shows it. */
export interface LoadResult {
  modelId: string;
  /** The backend the sessions run on: after a fallback this is `wasm` even if WebGPU was asked for. */
  backend: 'wasm' | 'webgpu';
  /** onnxruntime-web's WebAssembly threads: 1 unless the page is cross-origin isolated. */
  threads: number;
  /** True when every model file came from Cache Storage (no model download). */
  fromCache: boolean;
  /** Milliseconds from the request to ready sessions: fetching, hashing and session creation. */
  loadMs: number;
  /** Where those milliseconds went (load-trace.ts): the runtime's import, each file's read and hash, each session. */
  stages: LoadStage[];
  /** Why WebGPU was asked for (or chosen by `auto`) but not used, e.g. the session failed to run. */
  fallbackReason?: string;
  /**
   * Why the downloaded model could not be kept for the next visit ("storage is full"): it runs
   * from memory now and is downloaded again next time.
   */
  notStored?: string;
}

/**
 * A transcript as the worker returns it: with the level and outline of the audio it heard,
 * measured in the worker (src/monitoring/heard-input.ts) so the page never walks the samples.
 */
export interface HeardTranscript extends Transcript {
  input?: HeardInput;
}

/** Options for one transcription. */
export interface TranscribeOptions {
  /** Spoken language, ISO 639-1; default `en`. */
  language?: string;
  /**
   * Whisper: encode only the audio plus a margin instead of the full 30 s window (faster on short
   * queries). Default: the engine's (`DEFAULT_DECODE_OPTIONS.fitContext`).
   */
  fitContext?: boolean;
  /**
   * Guards against made-up text: token budget, repetition guard, temperature fallback and the
   * no-speech rule. Default: the engine's (`DEFAULT_DECODE_OPTIONS.safeguards`).
   */
  safeguards?: boolean;
  /**
   * Beam search with this many hypotheses at temperature 0 (1: greedy), a positive integer of at
   * most MAX_BEAM_SIZE (decode-request.ts); the transcript then carries an n-best list
   * (`alternatives`). Default: the engine's (`DEFAULT_DECODE_OPTIONS.beamSize`).
   */
  beamSize?: number;
}

/** How to warm up: as the queries that follow will be decoded. */
export interface WarmUpRequest {
  /** The beam width queries will use (batched decoder passes are warmed too); default the engine's. */
  beamSize?: number;
}

export interface EngineApi {
  /**
   * Loads a model, or returns the current result when that model already runs on that backend.
   * A different model (or backend) releases the loaded one first, so switching needs no reload.
   * `onProgress` must be wrapped in comlink's `proxy()` when called across the worker boundary.
   */
  load(request: LoadRequest, onProgress?: (progress: LoadProgress) => void): Promise<LoadResult>;
  /** Recognises one utterance: mono Float32 PCM at 16 kHz. Waits for a pending load. */
  transcribe(pcm: Float32Array, options?: TranscribeOptions): Promise<HeardTranscript>;
  /**
   * The recogniser listening again: each text's teacher-forced score as the transcript of
   * utterance `heardId` (Transcript.heardId; Recognizer.scoreTranscripts). Only the last
   * utterance transcribed can be scored; an earlier one is an error that says so.
   */
  scoreTranscripts(heardId: number, texts: readonly string[]): Promise<TranscriptScore[]>;
  /**
   * The recogniser naming the place itself: for each prefix (the words heard before a place slot),
   * the names given to `useNames` it finds likeliest next in utterance `heardId`, best first
   * (Recognizer.completeNames, constrained decoding). Only the last utterance transcribed can be
   * asked about; without names it is an error that says so.
   */
  completeNames(heardId: number, prefixes: readonly string[], options?: Partial<NameCompletionOptions>): Promise<SlotName[][]>;
  /**
   * The names completeNames may write (the catalogue's places), kept for every model loaded
   * afterwards; each model tokenises them once, in a task of its own after its load. Resolves
   * with the number of names.
   */
  useNames(names: readonly string[]): Promise<number>;
  /**
   * Runs the loaded model's hot path a few times on synthetic audio (src/engine/warm-up.ts), so
   * the first query is as fast as later ones: call once after `load`. Any other call made
   * meanwhile ends it after the decoder step in progress, so a query never waits for it.
   * Resolves with what ran, or undefined when no model is loaded.
   */
  warmUp(request?: WarmUpRequest): Promise<WarmUpReport | undefined>;
  /** The loaded model's status (it changes if a WebGPU run fails and the engine falls back). */
  status(): Promise<LoadResult | undefined>;
  /**
   * Answers at once, not after the calls in progress: the page's supervisor (supervised-engine.ts)
   * pings to tell a busy worker from a hung or dead one.
   */
  ping(): Promise<true>;
  /** Releases the loaded model's sessions. */
  unload(): Promise<void>;
}
