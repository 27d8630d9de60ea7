import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeWav, MODEL_SAMPLE_RATE, resample, toMono16k } from './index';

const fixture = (path: string): Uint8Array => readFileSync(new URL(`../../../fixtures/audio/${path}`, import.meta.url));

/**
 * Signal-to-noise ratio of `actual` against `expected`, both at 16 kHz, within the band below
 * `bandHz` (both are low-passed the same way first), ignoring the filters' warm-up at the ends.
 */
function snrBelow(actual: Float32Array, expected: Float32Array, bandHz: number): number {
  const a = resample(actual, MODEL_SAMPLE_RATE, 2 * bandHz);
  const e = resample(expected, MODEL_SAMPLE_RATE, 2 * bandHz);
  let signal = 0;
  let noise = 0;
  for (let i = 100; i < e.length - 100; i++) {
    signal += e[i] * e[i];
    noise += (a[i] - e[i]) ** 2;
  }
  return 10 * Math.log10(signal / noise);
}

describe('toMono16k', () => {
  it('targets 16 kHz', () => {
    expect(MODEL_SAMPLE_RATE).toBe(16000);
  });

  it('returns a copy of mono 16 kHz audio', () => {
    const channel = Float32Array.of(0.1, -0.2, 0.3);
    const mono = toMono16k({ sampleRate: 16000, channels: [channel] });
    expect(mono).not.toBe(channel);
    expect(mono).toEqual(channel);
  });

  it('mixes stereo down and converts the rate', () => {
    const left = new Float32Array(48000).fill(0.5);
    const mono = toMono16k({ sampleRate: 48000, channels: [left, new Float32Array(48000)] });
    expect(mono).toHaveLength(16000);
    expect(mono[8000]).toBeCloseTo(0.25, 4);
  });

  // fixtures/audio/formats/ holds one 16 kHz recording (pocketsphinx/cards-001.wav) converted by
  // SoX's very-high-quality resampler to other rates and encodings, attenuated by 1 dB, the
  // stereo file's right channel at half the left's level (scripts/fixtures/make-format-variants.sh).
  describe('brings SoX-converted copies of a recording back to the original', () => {
    const original = decodeWav(fixture('pocketsphinx/cards-001.wav'));
    const attenuation = 10 ** (-1 / 20);

    it.each([
      // [file, level of the mono mix, band compared, minimum SNR in dB]
      ['cards-001_48k_f32_mono.wav', 1, 6000, 90],
      ['cards-001_44k1_s24_stereo.wav', 0.75, 6000, 90],
      ['cards-001_22k05_u8_mono.wav', 1, 6000, 30], // 8-bit quantisation noise dominates
      ['cards-001_8k_s16_mono.wav', 1, 3500, 50], // 8 kHz audio holds nothing above 4 kHz
    ])('%s', (file, level, bandHz, minimumSnr) => {
      const mono = toMono16k(decodeWav(fixture(`formats/${file}`)));
      const expected = original.channels[0].map((x) => x * attenuation * level);
      expect(original.sampleRate).toBe(16000);
      expect(mono).toHaveLength(expected.length);
      expect(snrBelow(mono, expected, bandHz)).toBeGreaterThan(minimumSnr);
    });
  });
});
