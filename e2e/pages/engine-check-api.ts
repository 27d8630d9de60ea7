/**
 * What the engine check page (engine-check.html) puts on `window.engineCheck`, for
 * e2e/worker.spec.ts to drive the real recognition worker of the production build.
 * Types only, so the Node-side test can import it.
 */
import type { LoadProgress, LoadRequest, LoadResult, Transcript, WarmUpReport, WarmUpRequest } from '../../src/worker/engine-api';

export interface EngineCheck {
  /** Loads a model in the worker and returns its result with every progress report received. */
  load(request: LoadRequest): Promise<{ result: LoadResult; progress: LoadProgress[] }>;
  /** Fetches a WAV file of this origin, decodes and resamples it, and transcribes it in the worker. */
  transcribeUrl(url: string): Promise<Transcript>;
  /** The worker's warm-up (EngineApi.warmUp), awaited to its end. */
  warmUp(request?: WarmUpRequest): Promise<WarmUpReport | undefined>;
  /**
   * Starts a warm-up and, without waiting for it, transcribes the WAV file at `url` (fetched
   * first), as the app's first query after a load does; says which of the two settled first.
   */
  transcribeDuringWarmUp(url: string): Promise<{ warmUp: WarmUpReport | undefined; transcript: Transcript; settled: ('warm-up' | 'transcript')[] }>;
  status(): Promise<LoadResult | undefined>;
  unload(): Promise<void>;
  /** Milliseconds crypto.subtle takes to hash the file at `url` (a model file, say). */
  sha256Ms(url: string): Promise<{ bytes: number; ms: number }>;
  /** Whether the browser offers a WebGPU adapter. */
  webGpuAdapter(): Promise<boolean>;
}

/**
 * The check page's global object as the tests see it. Test code that runs in the page
 * (`page.evaluate`) casts `globalThis` to this: the Node-side tests have no DOM types.
 */
export interface CheckPageGlobal {
  engineCheck: EngineCheck;
  crossOriginIsolated: boolean;
  /** Set by a test to prove the page was not reloaded in between. */
  notReloaded?: boolean;
}
