import { describe, expect, it } from 'vitest';
import { inputLevel, recordsToPrune } from './query-record';

const DAY = 86_400_000;

describe('recordsToPrune', () => {
  it('prunes records past the retention age and the oldest past the count', () => {
    const now = 100 * DAY;
    const records = [
      { id: 1, time: now - 40 * DAY },
      { id: 2, time: now - 10 * DAY },
      { id: 3, time: now - 5 * DAY },
      { id: 4, time: now - 1 * DAY },
    ];
    expect(recordsToPrune(records, now)).toEqual([1]);
    expect(recordsToPrune(records, now, { maxRecords: 2 })).toEqual([1, 2]);
    expect(recordsToPrune(records, now, { retentionDays: 7, maxRecords: 3 })).toEqual([1, 2]);
    expect(recordsToPrune([], now)).toEqual([]);
  });
});

describe('inputLevel', () => {
  it('measures RMS, peak and clipping in dBFS', () => {
    const full = new Float32Array([1, -1, 1, -1]);
    expect(inputLevel(full)).toEqual({ rmsDb: 0, peakDb: 0, clippedShare: 1 });
    const half = new Float32Array([0.5, -0.5, 0, 0]);
    const level = inputLevel(half);
    expect(level.peakDb).toBeCloseTo(-6.02, 2);
    expect(level.rmsDb).toBeCloseTo(20 * Math.log10(Math.sqrt(0.125)), 6);
    expect(level.clippedShare).toBe(0);
    expect(inputLevel(new Float32Array(8)).rmsDb).toBe(-120);
  });
});
