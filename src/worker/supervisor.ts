/**
 * Keeps a Web Worker alive for the page (issue #20): notices a worker that errors or dies (its
 * `error` / `messageerror` events) or stops answering (a ping not answered within
 * `unansweredMs`), ends it, starts a fresh one, lets the owner replay its state on it (`replay`),
 * and runs each call in flight again there, once, as the call asks. Pure: the worker comes from
 * `spawn` and time from `clock`, so supervisor.test.ts and supervised-engine.test.ts run it in
 * Node with fake workers. Used for the recognition worker (supervised-engine.ts) and the search
 * worker (src/ui/search/search-client.ts).
 */

export interface SupervisionOptions {
  /** How often the worker is pinged. Default 2 s. */
  pingEveryMs: number;
  /**
   * How long the worker may go without answering before it is taken for hung. Default 30 s: a
   * ping is answered between the worker's tasks, but creating a model session or building the
   * catalogue's index blocks a worker for seconds at a time on a busy 2-core machine.
   */
  unansweredMs: number;
  /** Attempts per call before it is given up. Default 2: the first, and one on a fresh worker. */
  attempts: number;
}

export const DEFAULT_SUPERVISION_OPTIONS: SupervisionOptions = { pingEveryMs: 2000, unansweredMs: 30_000, attempts: 2 };

/** A started worker, as the supervisor sees it. */
export interface SupervisedWorker<Api> {
  /** Its API; `ping` answers at once, between the worker's other work. */
  api: Api;
  terminate(): void;
  /** `listener` is called when the worker errors or dies. */
  onFailure(listener: (reason: string) => void): void;
}

/**
 * A browser Worker's failures as the supervisor hears them: its `error` event (an uncaught error,
 * or a script that cannot run) and `messageerror` (a message that cannot be read).
 */
export function listenForWorkerFailure(worker: Pick<Worker, 'addEventListener'>, listener: (reason: string) => void): void {
  worker.addEventListener('error', (event) => listener(`an error in the worker: ${event.message || 'the worker could not run'}`));
  worker.addEventListener('messageerror', () => listener('a message from the worker could not be read'));
}

export interface SupervisionClock {
  now(): number;
  every(ms: number, tick: () => void): () => void;
}

export const realClock: SupervisionClock = {
  now: () => performance.now(),
  every: (ms, tick) => {
    const id = setInterval(tick, ms);
    return () => clearInterval(id);
  },
};

export class WorkerFailedError extends Error {
  override name = 'WorkerFailedError';
}

/** What a call does when the worker fails under it: run again on a fresh one, reject, or resolve to nothing. */
export type OnWorkerFailure = 'retry' | 'reject' | 'resolve-undefined';

export interface SupervisorHooks<Api> {
  /** A worker failed and a fresh one is being started; `reason` says what happened. */
  onRestart?(reason: string): void;
  /** Puts the owner's state (a loaded model, a names list) on a fresh worker, before any retried call. */
  replay?(api: Api): void;
}

interface Generation<Api> {
  worker: SupervisedWorker<Api>;
  /** Rejects when this worker fails; every call in flight on it races against it. */
  failed: Promise<never>;
  fail(reason: string): void;
  reason?: string;
  lastAnswerAt: number;
}

export class Supervisor<Api extends { ping(): Promise<unknown> }> {
  private readonly options: SupervisionOptions;
  private current: Generation<Api>;
  private stopped = false;
  private readonly stopPinging: () => void;

  constructor(
    /** A name for messages: "the speech model", "the search". */
    private readonly name: string,
    private readonly spawn: () => SupervisedWorker<Api>,
    private readonly hooks: SupervisorHooks<Api> = {},
    options: Partial<SupervisionOptions> = {},
    private readonly clock: SupervisionClock = realClock,
  ) {
    this.options = { ...DEFAULT_SUPERVISION_OPTIONS, ...options };
    this.current = this.start();
    this.stopPinging = clock.every(this.options.pingEveryMs, () => this.ping());
  }

  /** The current worker's API (for a call that needs no supervision). */
  get api(): Api {
    return this.current.worker.api;
  }

  /** Runs `call` on the current worker; when that worker fails under it, as `onFailure` says. */
  async call<T>(what: string, call: (api: Api, attempt: number) => Promise<T>, onFailure: OnWorkerFailure): Promise<T> {
    let lastReason = '';
    for (let attempt = 1; attempt <= this.options.attempts; attempt++) {
      const generation = this.current;
      try {
        return await Promise.race([call(generation.worker.api, attempt), generation.failed]);
      } catch (error) {
        if (!(error instanceof WorkerFailedError) || generation.reason === undefined) throw error;
        lastReason = generation.reason;
        if (onFailure === 'resolve-undefined') return undefined as T;
        if (onFailure === 'reject') throw new WorkerFailedError(`The worker of ${this.name} failed (${lastReason}) during ${what}; it has been restarted`);
      }
    }
    throw new WorkerFailedError(`The worker of ${this.name} failed twice on ${what} (${lastReason}); it has been restarted for the next one`);
  }

  terminate(): void {
    this.stopped = true;
    this.stopPinging();
    this.current.worker.terminate();
  }

  private start(): Generation<Api> {
    const worker = this.spawn();
    let fail!: (reason: string) => void;
    const failed = new Promise<never>((_, reject) => {
      fail = (reason) => reject(new WorkerFailedError(reason));
    });
    failed.catch(() => undefined);
    const generation: Generation<Api> = {
      worker,
      failed,
      lastAnswerAt: this.clock.now(),
      fail: (reason) => {
        if (generation.reason !== undefined) return;
        generation.reason = reason;
        fail(reason);
        this.restart(generation);
      },
    };
    worker.onFailure((reason) => generation.fail(reason));
    return generation;
  }

  private restart(failed: Generation<Api>): void {
    if (this.stopped || failed !== this.current) return;
    failed.worker.terminate();
    this.hooks.onRestart?.(failed.reason!);
    this.current = this.start();
    // Replayed before the retried calls: each worker runs its calls in the order they came.
    this.hooks.replay?.(this.current.worker.api);
  }

  private ping(): void {
    const generation = this.current;
    if (this.clock.now() - generation.lastAnswerAt > this.options.unansweredMs) {
      generation.fail(`it stopped answering for ${Math.round(this.options.unansweredMs / 1000)} s`);
      return;
    }
    generation.worker.api.ping().then(
      () => (generation.lastAnswerAt = this.clock.now()),
      () => undefined,
    );
  }
}
