import { describe, expect, it } from 'vitest';
import { withLeadingSilence } from './leading-silence';

describe('withLeadingSilence', () => {
  it('puts the given milliseconds of zeros before the audio', () => {
    const padded = withLeadingSilence(Float32Array.of(0.5, -0.5), 1, 16_000);
    expect(padded.length).toBe(18);
    expect(Array.from(padded.subarray(0, 16))).toEqual(new Array(16).fill(0));
    expect(Array.from(padded.subarray(16))).toEqual([0.5, -0.5]);
  });

  it('returns the audio itself for no silence', () => {
    const pcm = Float32Array.of(1);
    expect(withLeadingSilence(pcm, 0, 16_000)).toBe(pcm);
  });
});
