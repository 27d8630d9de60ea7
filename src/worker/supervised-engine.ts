/**
 * Supervision of the recognition worker (issue #20): the page notices a worker that errors or
 * dies (its `error` / `messageerror` events) or stops answering (a ping not answered within
 * `unansweredMs`), ends it, starts a fresh one, loads the model again (from Cache Storage) and
 * hands it the utterance in flight once more. A second failure of the same utterance rejects it
 * with a WorkerFailedError naming what happened, and the next utterance still goes to a fresh
 * worker. Pure: the worker comes from `spawn` and time from `clock`, so engine-supervision.test.ts
 * runs it in Node with fake workers.
 *
 * What is replayed on a fresh worker: the last load (its progress still reaches the caller that
 * asked for it) and the names list (useNames). Calls about an utterance the dead worker kept
 * (scoreTranscripts, completeNames) cannot be replayed: they reject, and the spoken-query pipeline
 * answers without listening again. A warm-up in flight resolves to nothing.
 */
import type { EngineClient } from './engine-client';
import type { LoadProgress, LoadRequest, LoadResult } from './engine-api';

export interface SupervisionOptions {
  /** How often the worker is pinged. Default 2 s. */
  pingEveryMs: number;
  /**
   * How long the worker may go without answering before it is taken for hung. Default 30 s: a
   * ping is answered between decoder steps, but creating a session blocks the worker for a few
   * seconds at a time (base models on a busy 2-core machine, much longer than a step).
   */
  unansweredMs: number;
  /** Attempts per call before it is given up. Default 2: the first, and one on a fresh worker. */
  attempts: number;
}

export const DEFAULT_SUPERVISION_OPTIONS: SupervisionOptions = { pingEveryMs: 2000, unansweredMs: 30_000, attempts: 2 };

/** A started worker, as the supervisor sees it. */
export interface EngineWorker {
  /** Its EngineApi; `ping` answers at once, between the worker's other work. */
  api: EngineClient;
  /** `listener` is called when the worker errors or dies. */
  onFailure(listener: (reason: string) => void): void;
}

export interface SupervisionEvents {
  /** A worker failed and a fresh one is being started; `reason` says what happened. */
  onRestart?(reason: string): void;
  /** Bytes of the model the fresh worker has read so far. */
  onRecoveryProgress?(progress: LoadProgress): void;
  /** The fresh worker has loaded the model again. */
  onRecovered?(result: LoadResult): void;
}

export interface SupervisionClock {
  now(): number;
  every(ms: number, tick: () => void): () => void;
}

const realClock: SupervisionClock = {
  now: () => performance.now(),
  every: (ms, tick) => {
    const id = setInterval(tick, ms);
    return () => clearInterval(id);
  },
};

export class WorkerFailedError extends Error {
  override name = 'WorkerFailedError';
}

interface Generation {
  worker: EngineWorker;
  /** Rejects when this worker fails; every call in flight on it races against it. */
  failed: Promise<never>;
  fail(reason: string): void;
  reason?: string;
  lastAnswerAt: number;
}

/** What a call does on a worker, and what it does when the worker fails under it. */
type OnFailure = 'retry' | 'reject' | 'resolve-undefined';

export function superviseEngine(spawn: () => EngineWorker, events: SupervisionEvents = {}, options: Partial<SupervisionOptions> = {}, clock: SupervisionClock = realClock): EngineClient {
  const opts = { ...DEFAULT_SUPERVISION_OPTIONS, ...options };
  let lastLoad: { request: LoadRequest; onProgress?: (p: LoadProgress) => void } | undefined;
  let names: readonly string[] | undefined;
  let stopped = false;
  let current = start();

  function start(): Generation {
    const worker = spawn();
    let fail!: (reason: string) => void;
    const failed = new Promise<never>((_, reject) => {
      fail = (reason) => reject(new WorkerFailedError(reason));
    });
    failed.catch(() => undefined);
    const generation: Generation = {
      worker,
      failed,
      lastAnswerAt: clock.now(),
      fail: (reason) => {
        if (generation.reason !== undefined) return;
        generation.reason = reason;
        fail(reason);
        restart(generation);
      },
    };
    worker.onFailure((reason) => generation.fail(reason));
    return generation;
  }

  function restart(failedGeneration: Generation): void {
    if (stopped || failedGeneration !== current) return;
    failedGeneration.worker.api.terminate();
    events.onRestart?.(failedGeneration.reason!);
    current = start();
    // Replayed first, so that every call retried on the fresh worker runs after them (the
    // worker runs its calls in order, engine-host.ts serial()).
    if (names) void current.worker.api.useNames(names).catch(() => undefined);
    const generation = current;
    if (lastLoad) {
      const { request, onProgress } = lastLoad;
      const progress = (p: LoadProgress) => {
        onProgress?.(p);
        if (generation === current) events.onRecoveryProgress?.(p);
      };
      void generation.worker.api.load(request, progress).then(
        (result) => generation === current && events.onRecovered?.(result),
        () => undefined,
      );
    }
  }

  const stopPinging = clock.every(opts.pingEveryMs, () => {
    const generation = current;
    if (clock.now() - generation.lastAnswerAt > opts.unansweredMs) {
      generation.fail(`it stopped answering for ${Math.round(opts.unansweredMs / 1000)} s`);
      return;
    }
    generation.worker.api.ping().then(
      () => (generation.lastAnswerAt = clock.now()),
      () => undefined,
    );
  });

  /** Runs `call` on the current worker; when that worker fails under it, as `onFailure` says. */
  async function supervised<T>(what: string, call: (api: EngineClient, attempt: number) => Promise<T>, onFailure: OnFailure): Promise<T> {
    let lastReason = '';
    for (let attempt = 1; attempt <= opts.attempts; attempt++) {
      const generation = current;
      try {
        return await Promise.race([call(generation.worker.api, attempt), generation.failed]);
      } catch (error) {
        if (!(error instanceof WorkerFailedError) || generation.reason === undefined) throw error;
        lastReason = generation.reason;
        if (onFailure === 'resolve-undefined') return undefined as T;
        if (onFailure === 'reject') throw new WorkerFailedError(`The speech model's worker failed (${lastReason}) during ${what}; it has been restarted`);
      }
    }
    throw new WorkerFailedError(`The speech model's worker failed twice on ${what} (${lastReason}); it has been restarted for the next one`);
  }

  return {
    load: (request, onProgress) => {
      lastLoad = { request, onProgress };
      return supervised('loading the model', (api) => api.load(request, onProgress), 'retry');
    },
    transcribe: (pcm, options) => {
      // The first attempt transfers the audio to the worker; a copy is kept for a fresh worker.
      const kept = pcm.slice();
      return supervised('this utterance', (api, attempt) => api.transcribe(attempt === 1 ? pcm : kept.slice(), options), 'retry');
    },
    scoreTranscripts: (heardId, texts) => supervised('listening again', (api) => api.scoreTranscripts(heardId, texts), 'reject'),
    completeNames: (heardId, prefixes, options) => supervised('naming the place', (api) => api.completeNames(heardId, prefixes, options), 'reject'),
    useNames: (list) => {
      names = [...list];
      return supervised('taking the names', (api) => api.useNames(list), 'retry');
    },
    warmUp: (request) => supervised('the warm-up', (api) => api.warmUp(request), 'resolve-undefined'),
    status: () => supervised('the status', (api) => api.status(), 'retry') as Promise<LoadResult | undefined>,
    ping: () => current.worker.api.ping(),
    unload: () => {
      lastLoad = undefined;
      return supervised('unloading', (api) => api.unload(), 'resolve-undefined');
    },
    terminate: () => {
      stopped = true;
      stopPinging();
      current.worker.api.terminate();
    },
  };
}
