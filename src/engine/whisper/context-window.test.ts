import { describe, expect, it } from 'vitest';
import { contextFrames } from './context-window';

describe('contextFrames', () => {
  it('covers the audio plus the margin, rounded up to the granularity', () => {
    // 3 s = 300 frames, + 200 margin = 500 → already a multiple of 100.
    expect(contextFrames(48_000, { marginFrames: 200, granularityFrames: 100 })).toBe(500);
    // 3.01 s = 301 frames + 200 = 501 → 600.
    expect(contextFrames(48_160, { marginFrames: 200, granularityFrames: 100 })).toBe(600);
  });

  it('never exceeds the 30 s window', () => {
    expect(contextFrames(29 * 16_000, { marginFrames: 300, maxCutFrames: 3000 })).toBe(3000);
    expect(contextFrames(45 * 16_000)).toBe(3000);
  });

  it('gives audio longer than maxCutFrames the full window', () => {
    expect(contextFrames(10 * 16_000, { marginFrames: 100, maxCutFrames: 1000 })).toBe(1100);
    expect(contextFrames(10.01 * 16_000, { marginFrames: 100, maxCutFrames: 1000 })).toBe(3000);
  });

  it('is always even, since the encoder halves the frame count', () => {
    expect(contextFrames(16_000, { marginFrames: 1, granularityFrames: 1 }) % 2).toBe(0);
  });
});
