import { describe, expect, it } from 'vitest';
import { median, quantile, stats } from './stats';

describe('stats', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it('reads quantiles by nearest rank, the last value for q = 1', () => {
    const xs = Array.from({ length: 20 }, (_, i) => 20 - i);
    expect(quantile(xs, 0.95)).toBe(20);
    expect(quantile(xs, 0.5)).toBe(11);
    expect(quantile(xs, 1)).toBe(20);
    expect(quantile([], 0.5)).toBeNaN();
  });

  it('summarises timings, and refuses none', () => {
    expect(stats([5, 1, 3])).toEqual({ median: 3, min: 1, max: 5 });
    expect(() => stats([])).toThrow('stats of no values');
  });
});
