import { describe, expect, it } from 'vitest';
import { timeRange } from './chart-range';

describe('timeRange', () => {
  it('centres a single day on at least the minimum span', () => {
    expect(timeRange([86_400], 2 * 86_400)).toEqual([0, 2 * 86_400]);
    expect(timeRange([100, 300], 1_000)).toEqual([-300, 700]);
  });

  it('pads a wide span by 5% either side, and gives nothing for no data', () => {
    expect(timeRange([0, 1_000, 2_000], 100)).toEqual([-100, 2_100]);
    expect(timeRange([], 100)).toBeUndefined();
  });
});
