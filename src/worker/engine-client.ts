/**
 * The page's handle on the recognition worker: starts it and returns the EngineApi with comlink's
 * plumbing (progress callbacks proxied, audio transferred) hidden, under supervision: a worker that
 * errors, dies or stops answering is replaced and its work replayed (supervised-engine.ts).
 */
import { proxy, releaseProxy, transfer, wrap } from 'comlink';
import type { EngineApi, HeardTranscript, TranscribeOptions } from './engine-api';
import { superviseEngine, type EngineWorker, type SupervisionEvents, type SupervisionOptions } from './supervised-engine';
import { listenForWorkerFailure } from './supervisor';

export interface EngineClient extends EngineApi {
  /**
   * Recognises one utterance (mono Float32 PCM, 16 kHz). The PCM's buffer is transferred to the
   * worker, not copied: `pcm` is empty (detached) once this returns. Pass a copy to keep it.
   */
  transcribe(pcm: Float32Array, options?: TranscribeOptions): Promise<HeardTranscript>;
  /** Stops the worker; the client is unusable afterwards. */
  terminate(): void;
}

/** One recognition worker, unsupervised; `onFailure` hears its `error` and `messageerror` events. */
export function startEngineWorker(): EngineWorker {
  // Vite bundles the worker as an ES module of this origin (worker.format 'es' in vite.config.ts);
  // same-origin, so it shares the page's cross-origin isolation and can use threads.
  const worker = new Worker(new URL('./recognition.worker.ts', import.meta.url), { type: 'module', name: 'recognition' });
  const remote = wrap<EngineApi>(worker);
  const api: EngineClient = {
    load: (request, onProgress) => remote.load(request, onProgress ? proxy(onProgress) : undefined),
    transcribe: (pcm, options) => remote.transcribe(transfer(pcm, [pcm.buffer]), options),
    scoreTranscripts: (heardId, texts) => remote.scoreTranscripts(heardId, texts),
    completeNames: (heardId, prefixes, options) => remote.completeNames(heardId, prefixes, options),
    useNames: (names) => remote.useNames(names),
    warmUp: (request) => remote.warmUp(request),
    status: () => remote.status(),
    ping: () => remote.ping(),
    unload: () => remote.unload(),
    terminate: () => {
      remote[releaseProxy]();
      worker.terminate();
    },
  };
  return {
    api,
    onFailure: (listener) => listenForWorkerFailure(worker, listener),
  };
}

export function createEngineClient(events: SupervisionEvents = {}, options: Partial<SupervisionOptions> = {}): EngineClient {
  return superviseEngine(startEngineWorker, events, options);
}
