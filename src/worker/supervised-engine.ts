/**
 * The recognition worker under supervision (src/worker/supervisor.ts, issue #20): a worker that
 * errors, dies or stops answering is replaced, and the fresh one loads the model again (from Cache
 * Storage) and gets the utterance in flight once more. A second failure of the same utterance
 * rejects it with a WorkerFailedError naming what happened; the next utterance still goes to a
 * fresh worker.
 *
 * What is replayed on a fresh worker: the names list (useNames) and the last load (its progress
 * still reaches the caller that asked for it, and `onRecoveryProgress`). Calls about an utterance
 * the dead worker kept (scoreTranscripts, completeNames) cannot be replayed: they reject, and the
 * spoken-query pipeline answers without listening again. A warm-up in flight resolves to nothing.
 */
import type { EngineClient } from './engine-client';
import type { LoadProgress, LoadRequest, LoadResult } from './engine-api';
import { Supervisor, type SupervisedWorker, type SupervisionClock, type SupervisionOptions, realClock } from './supervisor';

export { WorkerFailedError, type SupervisionClock, type SupervisionOptions } from './supervisor';

/** A started recognition worker. */
export type EngineWorker = Omit<SupervisedWorker<EngineClient>, 'terminate'>;

export interface SupervisionEvents {
  /** A worker failed and a fresh one is being started; `reason` says what happened. */
  onRestart?(reason: string): void;
  /** Bytes of the model the fresh worker has read so far. */
  onRecoveryProgress?(progress: LoadProgress): void;
  /** The fresh worker has loaded the model again. */
  onRecovered?(result: LoadResult): void;
}

export function superviseEngine(spawn: () => EngineWorker, events: SupervisionEvents = {}, options: Partial<SupervisionOptions> = {}, clock: SupervisionClock = realClock): EngineClient {
  let lastLoad: { request: LoadRequest; onProgress?: (p: LoadProgress) => void } | undefined;
  let names: readonly string[] | undefined;

  function replay(api: EngineClient): void {
    if (names) void api.useNames(names).catch(() => undefined);
    if (!lastLoad) return;
    const { request, onProgress } = lastLoad;
    const progress = (p: LoadProgress) => {
      onProgress?.(p);
      if (supervisor.api === api) events.onRecoveryProgress?.(p);
    };
    void api.load(request, progress).then(
      (result) => supervisor.api === api && events.onRecovered?.(result),
      () => undefined,
    );
  }

  const supervisor = new Supervisor<EngineClient>(
    'the speech model',
    () => {
      const worker = spawn();
      return { api: worker.api, onFailure: (listener) => worker.onFailure(listener), terminate: () => worker.api.terminate() };
    },
    { onRestart: (reason) => events.onRestart?.(reason), replay },
    options,
    clock,
  );

  return {
    load: (request, onProgress) => {
      lastLoad = { request, onProgress };
      return supervisor.call('loading the model', (api) => api.load(request, onProgress), 'retry');
    },
    transcribe: (pcm, options) => {
      // The first attempt transfers the audio to the worker; a copy is kept for a fresh worker.
      const kept = pcm.slice();
      return supervisor.call('this utterance', (api, attempt) => api.transcribe(attempt === 1 ? pcm : kept.slice(), options), 'retry');
    },
    scoreTranscripts: (heardId, texts) => supervisor.call('listening again', (api) => api.scoreTranscripts(heardId, texts), 'reject'),
    completeNames: (heardId, prefixes, options) => supervisor.call('naming the place', (api) => api.completeNames(heardId, prefixes, options), 'reject'),
    useNames: (list) => {
      names = [...list];
      return supervisor.call('taking the names', (api) => api.useNames(list), 'retry');
    },
    warmUp: (request) => supervisor.call('the warm-up', (api) => api.warmUp(request), 'resolve-undefined'),
    status: () => supervisor.call('the status', (api) => api.status(), 'retry'),
    ping: () => supervisor.api.ping(),
    unload: () => {
      lastLoad = undefined;
      return supervisor.call('unloading', (api) => api.unload(), 'resolve-undefined');
    },
    terminate: () => supervisor.terminate(),
  };
}
