/**
 * The page's handle on the recognition worker: starts the worker once and returns the EngineApi
 * with comlink's plumbing (progress callbacks proxied, audio transferred) hidden.
 */
import { proxy, releaseProxy, transfer, wrap } from 'comlink';
import type { EngineApi, TranscribeOptions, Transcript } from './engine-api';

export interface EngineClient extends EngineApi {
  /**
   * Recognises one utterance (mono Float32 PCM, 16 kHz). The PCM's buffer is transferred to the
   * worker, not copied: `pcm` is empty (detached) once this returns. Pass a copy to keep it.
   */
  transcribe(pcm: Float32Array, options?: TranscribeOptions): Promise<Transcript>;
  /** Stops the worker; the client is unusable afterwards. */
  terminate(): void;
}

export function createEngineClient(): EngineClient {
  // Vite bundles the worker as an ES module of this origin (worker.format 'es' in vite.config.ts);
  // same-origin, so it shares the page's cross-origin isolation and can use threads.
  const worker = new Worker(new URL('./recognition.worker.ts', import.meta.url), { type: 'module', name: 'recognition' });
  const remote = wrap<EngineApi>(worker);
  return {
    load: (request, onProgress) => remote.load(request, onProgress ? proxy(onProgress) : undefined),
    transcribe: (pcm, options) => remote.transcribe(transfer(pcm, [pcm.buffer]), options),
    scoreTranscripts: (heardId, texts) => remote.scoreTranscripts(heardId, texts),
    completeNames: (heardId, prefixes, options) => remote.completeNames(heardId, prefixes, options),
    useNames: (names) => remote.useNames(names),
    warmUp: (request) => remote.warmUp(request),
    status: () => remote.status(),
    unload: () => remote.unload(),
    terminate: () => {
      remote[releaseProxy]();
      worker.terminate();
    },
  };
}
