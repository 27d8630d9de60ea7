import { describe, expect, it } from 'vitest';
import { envelope, inputLevel, measureHeardInput } from './heard-input';

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

describe('envelope', () => {
  it('keeps each bin’s lowest and highest sample', () => {
    // Values a Float32Array holds exactly.
    const pcm = new Float32Array([0.125, -0.5, 0.375, 0.25, -0.125, 0.875, 0, 0]);
    expect(envelope(pcm, 4, 4)).toEqual({ min: [-0.5, 0, -0.125, 0], max: [0.125, 0.375, 0.875, 0], seconds: 2 });
  });
});

describe('measureHeardInput', () => {
  it('gives the level and the 240-bin outline together', () => {
    const pcm = new Float32Array(16_000).map((_, i) => 0.5 * Math.sin(i / 10));
    const heard = measureHeardInput(pcm, 16_000);
    expect(heard.level).toEqual(inputLevel(pcm));
    expect(heard.envelope.max).toHaveLength(240);
    expect(heard.envelope.seconds).toBe(1);
  });
});
