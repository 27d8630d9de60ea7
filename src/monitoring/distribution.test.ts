import { describe, expect, it } from 'vitest';
import { distribution } from './distribution';

describe('distribution', () => {
  it('gives each fixed bin its share, the out-of-range values in the end bins', () => {
    const d = distribution([-3, -1.5, -0.5, -0.4, 0.2, NaN], -2, 0, 4);
    expect(d.centres).toEqual([-1.75, -1.25, -0.75, -0.25]);
    expect(d.shares).toEqual([0.2, 0.2, 0, 0.6]);
    expect(d.count).toBe(5);
  });

  it('is all zeros for no values', () => {
    expect(distribution([], 0, 1, 2)).toEqual({ centres: [0.25, 0.75], shares: [0, 0], count: 0 });
  });
});
