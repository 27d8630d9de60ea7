import { describe, expect, it } from 'vitest';
import { DEFAULT_RESAMPLE_OPTIONS, resample } from './resample';

function sine(frequency: number, rate: number, seconds: number, amplitude = 0.5): Float32Array {
  const samples = new Float32Array(Math.round(rate * seconds));
  for (let n = 0; n < samples.length; n++) samples[n] = amplitude * Math.sin((2 * Math.PI * frequency * n) / rate);
  return samples;
}

/**
 * The middle of a signal, leaving out `margin` samples at each end where the filter reaches past
 * the input and sees silence (its warm-up). 100 samples exceeds every filter half-length here.
 */
function middle(samples: Float32Array, margin = 100): Float32Array {
  return samples.subarray(margin, samples.length - margin);
}

function rms(samples: Float32Array): number {
  let sum = 0;
  for (const x of samples) sum += x * x;
  return Math.sqrt(sum / samples.length);
}

/**
 * Amplitude of the component at `frequency`, by the Goertzel algorithm (a single DFT bin). Exact
 * for a sinusoid completing a whole number of cycles in the block, as all those measured here do.
 */
function goertzelAmplitude(samples: Float32Array, frequency: number, rate: number): number {
  const coefficient = 2 * Math.cos((2 * Math.PI * frequency) / rate);
  let previous = 0;
  let beforePrevious = 0;
  for (const x of samples) {
    const current = x + coefficient * previous - beforePrevious;
    beforePrevious = previous;
    previous = current;
  }
  const power = previous * previous + beforePrevious * beforePrevious - coefficient * previous * beforePrevious;
  return (2 * Math.sqrt(Math.max(power, 0))) / samples.length;
}

/** Frequency from the mean spacing of upward zero crossings, each located by linear interpolation. */
function zeroCrossingFrequency(samples: Float32Array, rate: number): number {
  const crossings: number[] = [];
  for (let n = 1; n < samples.length; n++) {
    if (samples[n - 1] < 0 && samples[n] >= 0) crossings.push(n - 1 + samples[n - 1] / (samples[n - 1] - samples[n]));
  }
  return (rate * (crossings.length - 1)) / (crossings[crossings.length - 1] - crossings[0]);
}

const decibels = (ratio: number): number => 20 * Math.log10(ratio);

describe('resample: passband', () => {
  // Blocks of 8000 output samples hold a whole number of cycles of every tone below.
  it.each([
    [1000, 8000],
    [3000, 44100],
    [3000, 48000],
    [3000, 22050],
    [1000, 11025],
  ])('keeps a %i Hz sine at %i Hz in frequency and level at 16 kHz', (frequency, fromRate) => {
    const input = sine(frequency, fromRate, 1);
    const output = middle(resample(input, fromRate, 16000)).subarray(0, 8000);

    expect(zeroCrossingFrequency(output, 16000)).toBeCloseTo(frequency, 0);
    expect(goertzelAmplitude(output, frequency, 16000)).toBeCloseTo(0.5, 2);
    expect(rms(output) / rms(middle(input))).toBeGreaterThan(0.99);
    expect(rms(output) / rms(middle(input))).toBeLessThan(1.01);
  });

  it('puts interpolated samples on the original waveform when upsampling', () => {
    const output = resample(sine(1000, 8000, 0.5), 8000, 16000);
    const expected = sine(1000, 16000, 0.5);
    const error = middle(output).reduce((worst, x, i) => Math.max(worst, Math.abs(x - expected[i + 100])), 0);
    expect(error).toBeLessThan(1e-3);
  });

  it('keeps a constant signal constant (unit gain at DC)', () => {
    const output = middle(resample(new Float32Array(4410).fill(0.5), 44100, 16000));
    for (const x of output) expect(x).toBeCloseTo(0.5, 3);
  });
});

describe('resample: anti-aliasing', () => {
  it('attenuates a 10 kHz sine by at least 60 dB when going from 44.1 kHz to 16 kHz', () => {
    // 10 kHz lies above the new Nyquist frequency (8 kHz); unfiltered, it would alias to 6 kHz.
    const input = sine(10000, 44100, 1);
    const output = middle(resample(input, 44100, 16000));
    expect(decibels(rms(output) / rms(input))).toBeLessThan(-60);
    expect(decibels(goertzelAmplitude(output.subarray(0, 8000), 6000, 16000) / 0.5)).toBeLessThan(-60);
  });

  it('attenuates everything between 9 and 20 kHz by at least 60 dB when going from 48 kHz to 16 kHz', () => {
    for (const frequency of [9000, 11000, 15000, 20000]) {
      const output = middle(resample(sine(frequency, 48000, 0.5), 48000, 16000));
      expect(decibels(rms(output) / (0.5 / Math.SQRT2)), `${frequency} Hz`).toBeLessThan(-60);
    }
  });
});

describe('resample: lengths, identity and arbitrary ratios', () => {
  it.each([
    [44100, 44100, 16000, 16000],
    [1001, 44100, 16000, 363],
    [100, 8000, 16000, 200],
    [48000, 48000, 16000, 16000],
    [1, 48000, 16000, 0],
    [0, 22050, 16000, 0],
    [1000, 16000, 44100, 2756],
  ])('turns %i samples at %i Hz into round(n · to / from) at %i Hz: %i', (length, fromRate, toRate, expected) => {
    expect(resample(new Float32Array(length), fromRate, toRate)).toHaveLength(expected);
  });

  it('returns a copy, not the input, when the rates are equal', () => {
    const input = sine(440, 16000, 0.1);
    const output = resample(input, 16000, 16000);
    expect(output).not.toBe(input);
    expect(output).toEqual(input);
  });

  it('handles an irrational ratio, keeping frequency and level', () => {
    const toRate = 16000 * Math.SQRT2;
    const output = middle(resample(sine(1000, 44100, 1), 44100, toRate));
    expect(zeroCrossingFrequency(output, toRate)).toBeCloseTo(1000, 0);
    expect(rms(output)).toBeCloseTo(0.5 / Math.SQRT2, 3);
  });

  it('gives the same result by interpolating the filter table as by the exact one', () => {
    // 16000 + 1e-6 Hz is not an integer, so it takes the interpolated path; the ratio is the same.
    const input = sine(3000, 44100, 0.5);
    const exact = resample(input, 44100, 16000);
    const interpolated = resample(input, 44100, 16000 + 1e-6);
    expect(interpolated).toHaveLength(exact.length);
    const difference = exact.reduce((worst, x, i) => Math.max(worst, Math.abs(x - interpolated[i])), 0);
    expect(difference).toBeLessThan(1e-4);
  });

  it('uses the defaults for options left undefined', () => {
    const input = sine(3000, 48000, 0.05);
    expect(resample(input, 48000, 16000, { rolloff: undefined })).toEqual(resample(input, 48000, 16000));
    expect(resample(input, 48000, 16000, { ...DEFAULT_RESAMPLE_OPTIONS })).toEqual(resample(input, 48000, 16000));
  });

  it('follows the options: a lower rolloff removes a tone just below the new Nyquist frequency', () => {
    const input = sine(7500, 48000, 0.5);
    const narrow = middle(resample(input, 48000, 16000, { rolloff: 0.5 }));
    const wide = middle(resample(input, 48000, 16000));
    expect(decibels(rms(narrow) / rms(wide))).toBeLessThan(-40);
  });
});

describe('resample: argument checks', () => {
  const input = new Float32Array(10);

  it.each([0, -16000, Number.NaN, Number.POSITIVE_INFINITY])('rejects a rate of %s', (rate) => {
    expect(() => resample(input, rate, 16000)).toThrow(/fromRate must be a positive, finite number of Hz/);
    expect(() => resample(input, 16000, rate)).toThrow(/toRate must be a positive, finite number of Hz/);
  });

  it('rejects options out of range', () => {
    expect(() => resample(input, 48000, 16000, { zeroCrossings: 0 })).toThrow(
      /zeroCrossings must be a finite number ≥ 1, got 0/,
    );
    expect(() => resample(input, 48000, 16000, { rolloff: 1.2 })).toThrow(/rolloff must be in \(0, 1\], got 1.2/);
    expect(() => resample(input, 48000, 16000, { rolloff: 0 })).toThrow(/rolloff/);
    expect(() => resample(input, 48000, 16000, { kaiserBeta: -1 })).toThrow(/kaiserBeta must be a finite number ≥ 0/);
  });
});
