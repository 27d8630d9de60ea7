/**
 * Utterances waiting for the recogniser, handled one at a time in arrival order (pure; tested in
 * Node). A person may start a new query while the last one is still being transcribed; that one
 * waits here instead of being dropped. Only when more than `maxPending` are waiting — the
 * recogniser has fallen far behind — is the oldest waiting one given up, and `onDrop` says so.
 * A newer item may supersede waiting ones (`supersedes`): a query continued after a pause holds
 * the audio of the part still waiting, so that part is not transcribed on its own.
 */

export interface UtteranceQueueOptions {
  /** Most utterances waiting behind the one in progress; past it the oldest waiting one is dropped. */
  maxPending: number;
}

export const DEFAULT_UTTERANCE_QUEUE_OPTIONS: UtteranceQueueOptions = { maxPending: 4 };

/** What the queue is doing, for a status line. */
export interface UtteranceQueueState {
  /** An utterance is being handled. */
  busy: boolean;
  /** Utterances waiting behind it. */
  pending: number;
}

export interface UtteranceQueueCallbacks<T> {
  /** Called after every change of `busy` or `pending`. */
  onChange?: (state: UtteranceQueueState) => void;
  /** Called with an utterance given up because too many were waiting. */
  onDrop?: (item: T) => void;
  /** Called when handling an item throws; the queue goes on with the next one. */
  onError?: (error: unknown, item: T) => void;
  /** Whether `newer` makes the waiting `older` needless; such items are removed, not dropped. Default: never. */
  supersedes?: (newer: T, older: T) => boolean;
}

export class UtteranceQueue<T> {
  private readonly waiting: T[] = [];
  private running = false;
  private readonly options: UtteranceQueueOptions;
  private idleWaiters: (() => void)[] = [];

  constructor(
    private readonly handle: (item: T) => Promise<void>,
    private readonly callbacks: UtteranceQueueCallbacks<T> = {},
    options: Partial<UtteranceQueueOptions> = {},
  ) {
    this.options = { ...DEFAULT_UTTERANCE_QUEUE_OPTIONS, ...options };
    if (!(Number.isInteger(this.options.maxPending) && this.options.maxPending >= 0)) {
      throw new RangeError(`maxPending must be a whole number ≥ 0, got ${this.options.maxPending}`);
    }
  }

  get state(): UtteranceQueueState {
    return { busy: this.running, pending: this.waiting.length };
  }

  /** Adds an utterance; it is handled after every earlier one. */
  push(item: T): void {
    const supersedes = this.callbacks.supersedes;
    if (supersedes) {
      const kept = this.waiting.filter((older) => !supersedes(item, older));
      this.waiting.splice(0, this.waiting.length, ...kept);
    }
    this.waiting.push(item);
    if (this.running && this.waiting.length > this.options.maxPending) {
      const dropped = this.waiting.shift() as T;
      this.callbacks.onDrop?.(dropped);
    }
    this.changed();
    if (!this.running) void this.drain();
  }

  /** Forgets the waiting utterances (not the one in progress). */
  clear(): void {
    if (this.waiting.length === 0) return;
    this.waiting.length = 0;
    this.changed();
  }

  /** Resolves once nothing is running or waiting. */
  idle(): Promise<void> {
    if (!this.running && this.waiting.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private async drain(): Promise<void> {
    this.running = true;
    for (let item = this.waiting.shift(); item !== undefined; item = this.waiting.shift()) {
      this.changed();
      try {
        await this.handle(item);
      } catch (error) {
        this.callbacks.onError?.(error, item);
      }
    }
    this.running = false;
    this.changed();
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }

  private changed(): void {
    this.callbacks.onChange?.(this.state);
  }
}
