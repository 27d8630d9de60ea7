import { describe, expect, it } from 'vitest';
import { meterLevel, rms } from './level';

describe('level meter', () => {
  it('computes the RMS of a frame', () => {
    expect(rms([])).toBe(0);
    expect(rms([0.5, -0.5, 0.5, -0.5])).toBeCloseTo(0.5);
    const sine = Array.from({ length: 1600 }, (_, i) => Math.sin((2 * Math.PI * 440 * i) / 16000));
    expect(rms(sine)).toBeCloseTo(Math.SQRT1_2, 3);
  });

  it('maps RMS to a dB meter between the floor and full scale', () => {
    expect(meterLevel(0)).toBe(0);
    expect(meterLevel(1e-5)).toBe(0); // -100 dBFS, below the -60 dB floor
    expect(meterLevel(1)).toBe(1);
    expect(meterLevel(10 ** (-30 / 20))).toBeCloseTo(0.5); // -30 dBFS is halfway to the -60 dB floor
    expect(meterLevel(Number.NaN)).toBe(0);
  });
});
