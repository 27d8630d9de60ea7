import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeWav } from '../audio';
import { LogMelSpectrogram } from './log-mel';

// References computed once by an independent implementation (transformers.js 4.3.2
// WhisperFeatureExtractor); see fixtures/reference/logmel.json and the script named there.
const fixtures = new URL('../../../fixtures/', import.meta.url);
const meta = JSON.parse(readFileSync(new URL('reference/logmel.json', fixtures), 'utf8'));

function reference(name: string): Float32Array {
  const raw = gunzipSync(readFileSync(new URL(`reference/${name}.logmel.f32.gz`, fixtures)));
  return new Float32Array(raw.buffer, raw.byteOffset, raw.byteLength / 4);
}

/** Regenerates the synthetic signal from the formula recorded in logmel.json. */
function syntheticSignal(): Float32Array {
  const { sampleRate, numSamples, chirp, tone, noise } = meta.outputs.synthetic.input;
  const k = (chirp.f1Hz - chirp.f0Hz) / chirp.durationS;
  let state = noise.lcg.seed >>> 0;
  const x = new Float32Array(numSamples);
  for (let n = 0; n < numSamples; n++) {
    state = (Math.imul(1664525, state) + 1013904223) >>> 0;
    const u = state / 2 ** 32;
    const t = n / sampleRate;
    x[n] =
      chirp.amplitude * Math.sin(2 * Math.PI * (chirp.f0Hz * t + 0.5 * k * t * t)) +
      tone.amplitude * Math.sin(2 * Math.PI * tone.frequencyHz * t) +
      noise.amplitude * (2 * u - 1);
  }
  return x;
}

function maxAbsDiff(a: Float32Array, b: Float32Array): number {
  expect(a.length).toBe(b.length);
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
  return worst;
}

describe('LogMelSpectrogram (Whisper)', () => {
  const logMel = new LogMelSpectrogram();

  it('matches transformers.js on jfk.wav within 1e-3', () => {
    const audio = decodeWav(new Uint8Array(readFileSync(new URL('audio/jfk.wav', fixtures)))).channels[0];
    const ours = logMel.compute(audio);
    expect(ours.length).toBe(80 * 3000);
    expect(maxAbsDiff(ours, reference('jfk'))).toBeLessThan(1e-3);
  });

  it('matches transformers.js on a synthetic chirp + tone + noise within 1e-3', () => {
    expect(maxAbsDiff(logMel.compute(syntheticSignal()), reference('synthetic'))).toBeLessThan(1e-3);
  });

  it('puts a 1 kHz tone in the mel bin that covers 1 kHz', () => {
    const audio = new Float32Array(16000).map((_, n) => 0.5 * Math.sin((2 * Math.PI * 1000 * n) / 16000));
    const out = logMel.compute(audio);
    const frame = 50;
    let best = 0;
    for (let m = 1; m < 80; m++) if (out[m * 3000 + frame] > out[best * 3000 + frame]) best = m;
    // Slaney scale: 1 kHz is mel 15, and 80 bins span mels 0..~45.2 (8 kHz) → bin ≈ 15/45.2·81 − 1 ≈ 26.
    expect(best).toBeGreaterThanOrEqual(25);
    expect(best).toBeLessThanOrEqual(27);
  });

  it('computes a shorter window identical to the first frames of the 30 s one', () => {
    const audio = syntheticSignal(); // 2.5 s = 250 frames
    const full = logMel.compute(audio);
    const short = logMel.compute(audio, 400);
    expect(short.length).toBe(80 * 400);
    let worst = 0;
    for (let m = 0; m < 80; m++) {
      for (let f = 0; f < 400; f++) worst = Math.max(worst, Math.abs(short[m * 400 + f] - full[m * 3000 + f]));
    }
    expect(worst).toBe(0);
  });

  it('gives silence the floor value and trims audio longer than 30 s', () => {
    const silent = logMel.compute(new Float32Array(16000));
    // All frames equal log10(1e-10) = -10 → max − 8 clamp keeps −10 → (−10 + 4) / 4.
    expect(new Set(silent).size).toBe(1);
    expect(silent[0]).toBeCloseTo(-1.5, 6);
    const long = new Float32Array(16000 * 31).fill(0.1);
    expect(logMel.compute(long).length).toBe(80 * 3000);
  });
});
