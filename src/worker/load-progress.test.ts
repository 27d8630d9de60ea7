import { describe, expect, it } from 'vitest';
import type { LoadProgress } from './engine-api';
import { LoadProgressTracker } from './load-progress';

function track(reportEveryBytes = 0) {
  const reports: LoadProgress[] = [];
  const tracker = new LoadProgressTracker((p) => reports.push(p), { reportEveryBytes });
  return { tracker, reports };
}

describe('LoadProgressTracker', () => {
  it('sums the bytes of every announced file and reaches the total', () => {
    const { tracker, reports } = track();
    tracker.expect('/m/a', 100);
    tracker.expect('/m/b', 50);
    tracker.update('/m/a', 40, false);
    tracker.update('/m/b', 50, true);
    tracker.update('/m/a', 100, false);
    expect(reports).toEqual([
      { loadedBytes: 40, totalBytes: 150, file: '/m/a', fromCache: false },
      { loadedBytes: 90, totalBytes: 150, file: '/m/b', fromCache: true },
      { loadedBytes: 150, totalBytes: 150, file: '/m/a', fromCache: false },
    ]);
    expect(tracker.done).toBe(true);
  });

  it('counts running totals, not increments, and ignores a second announcement', () => {
    const { tracker, reports } = track();
    tracker.expect('/m/a', 10);
    tracker.expect('/m/a', 10);
    tracker.update('/m/a', 4, false);
    tracker.update('/m/a', 6, false);
    expect(reports.map((r) => [r.loadedBytes, r.totalBytes])).toEqual([
      [4, 10],
      [6, 10],
    ]);
    expect(tracker.done).toBe(false);
  });

  it('never reports more than a file’s announced size', () => {
    const { tracker, reports } = track();
    tracker.expect('/m/a', 10);
    tracker.update('/m/a', 25, false);
    expect(reports.at(-1)?.loadedBytes).toBe(10);
  });

  it('thins reports to one per step but always reports a finished file', () => {
    const { tracker, reports } = track(100);
    tracker.expect('/m/a', 250);
    for (let n = 10; n <= 250; n += 10) tracker.update('/m/a', n, false);
    expect(reports.map((r) => r.loadedBytes)).toEqual([10, 110, 210, 250]);
  });

  it('rejects progress for a file it was never told about', () => {
    const { tracker } = track();
    expect(() => tracker.update('/m/x', 1, false)).toThrow('/m/x');
  });
});
