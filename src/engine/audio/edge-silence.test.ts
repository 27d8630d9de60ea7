import { describe, expect, it } from 'vitest';
import { DEFAULT_EDGE_SILENCE, soundSpan, trimEdgeSilence } from './edge-silence';

/** 1 s of silence, `seconds` of a 440 Hz tone, 3 s of near-silence (−60 dB), at 16 kHz. */
function wordInSilence(seconds = 0.5): Float32Array {
  const audio = new Float32Array(16_000 * (4 + seconds));
  for (let i = 0; i < audio.length; i++) {
    const t = i / 16_000;
    audio[i] = t >= 1 && t < 1 + seconds ? 0.5 * Math.sin(2 * Math.PI * 440 * t) : 0.0005 * Math.sin(2 * Math.PI * 50 * t);
  }
  return audio;
}

describe('soundSpan / trimEdgeSilence', () => {
  it('cuts long edge silence down to the margin around the sound', () => {
    const [start, end] = soundSpan(wordInSilence());
    const margin = DEFAULT_EDGE_SILENCE.marginSamples;
    expect(start).toBe(16_000 - margin);
    expect(end).toBe(16_000 * 1.5 + margin);
  });

  it('returns a view of the same samples, not a copy', () => {
    const audio = wordInSilence();
    const trimmed = trimEdgeSilence(audio);
    expect(trimmed.buffer).toBe(audio.buffer);
    expect(trimmed[DEFAULT_EDGE_SILENCE.marginSamples]).toBe(audio[16_000]);
  });

  it('never cuts steady noise, digital silence or an empty clip: no frame is quieter than the rest', () => {
    let seed = 7;
    const noise = Float32Array.from({ length: 32_000 }, () => ((seed = (seed * 16807) % 2147483647) / 2147483647 - 0.5) * 0.1);
    expect(soundSpan(noise)).toEqual([0, noise.length]);
    expect(soundSpan(new Float32Array(16_000))).toEqual([0, 16_000]);
    expect(soundSpan(new Float32Array(0))).toEqual([0, 0]);
  });

  it('keeps the edges when the sound reaches them', () => {
    const audio = new Float32Array(8_000).fill(0.3);
    expect(soundSpan(audio)).toEqual([0, 8_000]);
    expect(trimEdgeSilence(audio)).toBe(audio);
  });

  it('leaves an edge of 0.75 s of silence or less alone', () => {
    const audio = new Float32Array(16_000 * 2);
    audio.fill(0.3, 12_000, 16_000 * 2 - 4_000); // 0.75 s before, 0.25 s after
    expect(soundSpan(audio)).toEqual([0, audio.length]);
    audio.fill(0, 12_000, 12_160); // 0.76 s before: cut to the margin
    expect(soundSpan(audio)).toEqual([12_160 - DEFAULT_EDGE_SILENCE.marginSamples, audio.length]);
  });

  it('reads its threshold and margin from the options', () => {
    // At 80 dB the −60 dB hum counts as sound: nothing is cut.
    expect(soundSpan(wordInSilence(), { ...DEFAULT_EDGE_SILENCE, silentBelowDb: 80 })).toEqual([0, 16_000 * 4.5]);
    expect(soundSpan(wordInSilence(), { ...DEFAULT_EDGE_SILENCE, marginSamples: 0 })).toEqual([16_000, 24_000]);
  });
});
