/**
 * Byte progress over the several files of one model load (pure; tested in Node). Files are
 * announced with their manifest size before their first byte arrives, so the total is known as
 * soon as the engine has asked for its files; reports are thinned to one per `reportEveryBytes`
 * so a 40 MB download does not post hundreds of messages across the worker boundary.
 */
import type { LoadProgress } from './engine-api';

export interface LoadProgressOptions {
  /** Least number of new bytes between two reports; a finished file is always reported. */
  reportEveryBytes: number;
}

export const DEFAULT_LOAD_PROGRESS_OPTIONS: LoadProgressOptions = {
  reportEveryBytes: 512 * 1024,
};

export class LoadProgressTracker {
  private readonly expected = new Map<string, number>();
  private readonly loaded = new Map<string, number>();
  private totalBytes = 0;
  private loadedBytes = 0;
  // The first update is always reported, so the total is shown as soon as bytes flow.
  private reportedBytes = Number.NEGATIVE_INFINITY;
  private readonly options: LoadProgressOptions;

  constructor(
    private readonly report: (progress: LoadProgress) => void,
    options: Partial<LoadProgressOptions> = {},
  ) {
    this.options = { ...DEFAULT_LOAD_PROGRESS_OPTIONS, ...options };
    if (!(this.options.reportEveryBytes >= 0)) throw new RangeError('reportEveryBytes must be ≥ 0');
  }

  /** Announces a file of `bytes` bytes; announcing it again changes nothing. */
  expect(file: string, bytes: number): void {
    if (this.expected.has(file)) return;
    this.expected.set(file, bytes);
    this.loaded.set(file, 0);
    this.totalBytes += bytes;
  }

  /** Records that `loadedBytes` of `file` have arrived (a running count, not an increment). */
  update(file: string, loadedBytes: number, fromCache: boolean): void {
    const expected = this.expected.get(file);
    if (expected === undefined) throw new Error(`progress for ${file}, which was never announced`);
    const clamped = Math.min(loadedBytes, expected);
    this.loadedBytes += clamped - (this.loaded.get(file) ?? 0);
    this.loaded.set(file, clamped);
    const fileDone = clamped === expected;
    if (fileDone || this.loadedBytes - this.reportedBytes >= this.options.reportEveryBytes) {
      this.reportedBytes = this.loadedBytes;
      this.report({ loadedBytes: this.loadedBytes, totalBytes: this.totalBytes, file, fromCache });
    }
  }

  get done(): boolean {
    return this.loadedBytes === this.totalBytes;
  }
}
