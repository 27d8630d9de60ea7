/**
 * Band-limited sample-rate conversion by windowed-sinc interpolation, the method of Julius O.
 * Smith's "Digital Audio Resampling" (https://ccrma.stanford.edu/~jos/resample/), also used by
 * libsamplerate's sinc converters and resampy. Each output sample is a weighted sum of the input
 * samples around its position; the weights are a Kaiser-windowed sinc whose cutoff lies just
 * below the lower of the two Nyquist frequencies, so downsampling low-pass filters as it goes and
 * content above the new Nyquist frequency does not alias.
 *
 * With integer rates the ratio is rational (44100 → 16000 is 441/160 after dividing by the gcd),
 * so output positions fall on only 160 distinct fractions of an input sample: the weights for
 * each are tabulated exactly, once per rate pair. Other ratios tabulate the kernel finely and
 * interpolate linearly between rows, as Smith describes.
 */
import { tabulateKernel, type PolyphaseTable } from './polyphase-filter';

export interface ResampleOptions {
  /** Half-length of the sinc filter in zero crossings of the lower rate. */
  zeroCrossings: number;
  /** Cutoff (the filter's −6 dB point) as a fraction of the lower Nyquist frequency. */
  rolloff: number;
  /** Kaiser window beta. */
  kaiserBeta: number;
}

/**
 * Chosen for speech going to a 16 kHz recogniser. Measured from 48 or 44.1 kHz to 16 kHz: flat
 * within 0.1 dB to 6.5 kHz, −1 dB at 7 kHz, −6 dB at 7.56 kHz (0.945 · 8 kHz), and every tone
 * from 9 kHz up suppressed by at least 87 dB. Only input between 8 and 9 kHz aliases; it lands
 * at 7.2–8 kHz, the top of the band where speech has little energy, at −18 dB (7.9 kHz) falling
 * to −60 dB (7.2 kHz). For comparison, the same filter with FFmpeg's resampler defaults (32
 * taps ≈ 16 zero crossings a side, cutoff 0.97, β 9; openai/whisper's load_audio resamples with
 * FFmpeg) aliases more, −15 dB at 7.8 kHz against −22 dB here; resampy's "kaiser_fast" (16,
 * 0.85, β 8.555) aliases nothing but is already −2.6 dB at 6.5 kHz.
 *
 * - zeroCrossings 16: the transition band narrows in proportion to the filter's length, and the
 *   cost grows with it: about 2 · 16 · max(1, from / to) multiply-adds per output sample, 98
 *   from 48 kHz, so 30 s of 48 kHz audio takes about 60 ms in Node 20.
 * - rolloff 0.945: resampy's "kaiser_best" value; with this length and window it keeps the band
 *   flat to 6.5 kHz, at the price of the small 8–9 kHz alias above.
 * - kaiserBeta 8.6: by Kaiser's formula β = 0.1102 · (A − 8.7), a stopband of A ≈ 87 dB, below
 *   what a microphone recording resolves in practice.
 */
export const DEFAULT_RESAMPLE_OPTIONS: Readonly<ResampleOptions> = Object.freeze({
  zeroCrossings: 16,
  rolloff: 0.945,
  kaiserBeta: 8.6,
});

/** Largest exact polyphase table, in rows; 11025 → 16000 needs 640. */
const MAX_EXACT_PHASES = 1024;
/**
 * Rows per input sample when interpolating between rows. Linear interpolation of a kernel band-
 * limited to half the sampling rate errs by about π²/(8·phases²) of its peak: 5e-6 (−106 dB) here.
 */
const INTERPOLATED_PHASES = 512;

/**
 * A designed filter. An exact converter has one row per distinct output position; it advances
 * inputStep / phases input samples per output sample, both integers. An interpolated converter
 * has phases + 1 rows for positions 0, 1/phases, ..., 1 and blends neighbouring rows.
 */
interface ExactConverter {
  kind: 'exact';
  table: PolyphaseTable;
  phases: number;
  inputStep: number;
}
interface InterpolatedConverter {
  kind: 'interpolated';
  table: PolyphaseTable;
  phases: number;
}
type Converter = ExactConverter | InterpolatedConverter;

/**
 * Converters by rate pair and options, oldest first. A program meets only a few rates, but one
 * that varied the ratio continuously (clock-drift correction) must not grow this without bound.
 */
const converters = new Map<string, Converter>();
const MAX_CACHED_CONVERTERS = 8;

/**
 * Converts `samples` from `fromRate` to `toRate` (Hz, any positive values). The output has
 * round(samples.length · toRate / fromRate) samples, output sample n lying at input position
 * n · fromRate / toRate; input beyond either end counts as silence. Equal rates return a copy.
 */
export function resample(
  samples: Float32Array,
  fromRate: number,
  toRate: number,
  options: Partial<ResampleOptions> = {},
): Float32Array {
  checkRate('fromRate', fromRate);
  checkRate('toRate', toRate);
  const settings: ResampleOptions = {
    zeroCrossings: options.zeroCrossings ?? DEFAULT_RESAMPLE_OPTIONS.zeroCrossings,
    rolloff: options.rolloff ?? DEFAULT_RESAMPLE_OPTIONS.rolloff,
    kaiserBeta: options.kaiserBeta ?? DEFAULT_RESAMPLE_OPTIONS.kaiserBeta,
  };
  checkOptions(settings);
  if (fromRate === toRate) return samples.slice();

  const output = new Float32Array(Math.round((samples.length * toRate) / fromRate));
  if (output.length === 0) return output;
  const converter = converterFor(fromRate, toRate, settings);
  if (converter.kind === 'exact') convertExact(samples, output, converter);
  else convertInterpolated(samples, output, converter, fromRate / toRate);
  return output;
}

function converterFor(fromRate: number, toRate: number, settings: ResampleOptions): Converter {
  const key = `${fromRate}:${toRate}:${settings.zeroCrossings}:${settings.rolloff}:${settings.kaiserBeta}`;
  let converter = converters.get(key);
  if (converter === undefined) {
    converter = designConverter(fromRate, toRate, settings);
    if (converters.size >= MAX_CACHED_CONVERTERS) converters.delete(converters.keys().next().value!);
    converters.set(key, converter);
  }
  return converter;
}

function designConverter(fromRate: number, toRate: number, settings: ResampleOptions): Converter {
  // Measured in input samples, the lower rate's Nyquist frequency is `scale` times the input's.
  const scale = Math.min(1, toRate / fromRate);
  const shape = {
    cutoff: settings.rolloff * scale,
    halfWidth: settings.zeroCrossings / scale,
    kaiserBeta: settings.kaiserBeta,
  };
  if (Number.isInteger(fromRate) && Number.isInteger(toRate)) {
    const divisor = gcd(fromRate, toRate);
    const phases = toRate / divisor;
    if (phases <= MAX_EXACT_PHASES) {
      return { kind: 'exact', table: tabulateKernel(shape, phases, phases), phases, inputStep: fromRate / divisor };
    }
  }
  const phases = INTERPOLATED_PHASES;
  return { kind: 'interpolated', table: tabulateKernel(shape, phases, phases + 1), phases };
}

/**
 * Output sample n lies at input position n · inputStep / phases: its integer part `base` and
 * its row (the remainder) are stepped in integers, so positions never drift.
 */
function convertExact(input: Float32Array, output: Float32Array, converter: ExactConverter): void {
  const { table, phases, inputStep } = converter;
  const { taps, firstTap, weights } = table;
  const baseStep = Math.floor(inputStep / phases);
  const rowStep = inputStep % phases;
  let base = 0;
  let row = 0;
  for (let n = 0; n < output.length; n++) {
    const first = base + firstTap;
    const rowStart = row * taps - first;
    output[n] = dot(weights, rowStart, input, Math.max(first, 0), Math.min(first + taps, input.length));

    base += baseStep;
    row += rowStep;
    if (row >= phases) {
      row -= phases;
      base += 1;
    }
  }
}

/** Output sample n lies at input position n · step; its weights blend the two nearest rows. */
function convertInterpolated(
  input: Float32Array,
  output: Float32Array,
  converter: InterpolatedConverter,
  step: number,
): void {
  const { table, phases } = converter;
  const { taps, firstTap, weights } = table;
  for (let n = 0; n < output.length; n++) {
    const position = n * step;
    const base = Math.floor(position);
    const rowPosition = (position - base) * phases;
    const row = Math.floor(rowPosition);
    const blend = rowPosition - row;
    const first = base + firstTap;
    const lowerStart = row * taps - first;
    const start = Math.max(first, 0);
    const end = Math.min(first + taps, input.length);
    const lower = dot(weights, lowerStart, input, start, end);
    const upper = dot(weights, lowerStart + taps, input, start, end);
    output[n] = lower + blend * (upper - lower);
  }
}

/**
 * Σ weights[offset + i] · input[i] for i in [start, end). Four independent partial sums let the
 * additions overlap instead of each waiting for the previous one: about 25% faster in V8.
 */
function dot(weights: Float64Array, offset: number, input: Float32Array, start: number, end: number): number {
  let sum0 = 0;
  let sum1 = 0;
  let sum2 = 0;
  let sum3 = 0;
  let i = start;
  for (; i + 3 < end; i += 4) {
    sum0 += weights[offset + i] * input[i];
    sum1 += weights[offset + i + 1] * input[i + 1];
    sum2 += weights[offset + i + 2] * input[i + 2];
    sum3 += weights[offset + i + 3] * input[i + 3];
  }
  for (; i < end; i++) sum0 += weights[offset + i] * input[i];
  return sum0 + sum1 + (sum2 + sum3);
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

function checkRate(name: string, rate: number): void {
  if (!(Number.isFinite(rate) && rate > 0)) {
    throw new RangeError(`resample: ${name} must be a positive, finite number of Hz, got ${rate}`);
  }
}

function checkOptions({ zeroCrossings, rolloff, kaiserBeta }: ResampleOptions): void {
  if (!(Number.isFinite(zeroCrossings) && zeroCrossings >= 1)) {
    throw new RangeError(`resample: zeroCrossings must be a finite number ≥ 1, got ${zeroCrossings}`);
  }
  if (!(rolloff > 0 && rolloff <= 1)) {
    throw new RangeError(`resample: rolloff must be in (0, 1], got ${rolloff}`);
  }
  if (!(Number.isFinite(kaiserBeta) && kaiserBeta >= 0)) {
    throw new RangeError(`resample: kaiserBeta must be a finite number ≥ 0, got ${kaiserBeta}`);
  }
}
