import { describe, expect, it } from 'vitest';
import { MIN_INPUT_SAMPLES, moonshineInput } from './front-end';

describe('moonshineInput', () => {
  it('passes audio of the minimum length or longer through unchanged (same buffer)', () => {
    const audio = new Float32Array(16_000).fill(0.25);
    expect(moonshineInput(audio)).toBe(audio);
    const exact = new Float32Array(MIN_INPUT_SAMPLES);
    expect(moonshineInput(exact)).toBe(exact);
  });

  it('cuts long edge silence to 0.3 s (a view of the same samples)', () => {
    const audio = new Float32Array(16_000 * 3);
    audio.fill(0.25, 16_000, 24_000);
    const input = moonshineInput(audio);
    expect(input.length).toBe(8_000 + 2 * 4_800); // 1 s before and 2.5 s after, both over 0.75 s
    expect(input.buffer).toBe(audio.buffer);
  });

  it('pads shorter audio with trailing silence to the minimum, empty audio included', () => {
    const padded = moonshineInput(Float32Array.of(0.5, -0.5));
    expect(padded.length).toBe(MIN_INPUT_SAMPLES);
    expect(Array.from(padded.subarray(0, 3))).toEqual([0.5, -0.5, 0]);
    expect(moonshineInput(new Float32Array(0)).length).toBe(MIN_INPUT_SAMPLES);
  });
});
