import { describe, expect, it } from 'vitest';
import { downmix } from './downmix';

describe('downmix', () => {
  it('returns mono input itself', () => {
    const mono = Float32Array.of(0.1, 0.2);
    expect(downmix([mono])).toBe(mono);
  });

  it('averages the channels', () => {
    expect([...downmix([Float32Array.of(1, 0.5, -1), Float32Array.of(-1, 0.5, -1)])]).toEqual([0, 0.5, -1]);
    const three = downmix([Float32Array.of(0.75), Float32Array.of(0), Float32Array.of(-0.15)]);
    expect(three[0]).toBeCloseTo(0.2, 6);
  });

  it('rejects no channels and channels of different lengths', () => {
    expect(() => downmix([])).toThrow(/no channels/);
    expect(() => downmix([new Float32Array(2), new Float32Array(1)])).toThrow(/differ in length \(2, 1\)/);
  });
});
