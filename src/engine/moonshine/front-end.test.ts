import { describe, expect, it } from 'vitest';
import { MIN_INPUT_SAMPLES, moonshineInput } from './front-end';

describe('moonshineInput', () => {
  it('passes audio of the minimum length or longer through unchanged (same buffer)', () => {
    const audio = new Float32Array(16_000).fill(0.25);
    expect(moonshineInput(audio)).toBe(audio);
    const exact = new Float32Array(MIN_INPUT_SAMPLES);
    expect(moonshineInput(exact)).toBe(exact);
  });

  it('pads shorter audio with trailing silence to the minimum, empty audio included', () => {
    const padded = moonshineInput(Float32Array.of(0.5, -0.5));
    expect(padded.length).toBe(MIN_INPUT_SAMPLES);
    expect(Array.from(padded.subarray(0, 3))).toEqual([0.5, -0.5, 0]);
    expect(moonshineInput(new Float32Array(0)).length).toBe(MIN_INPUT_SAMPLES);
  });
});
