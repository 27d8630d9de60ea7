/**
 * Tabulates a Kaiser-windowed sinc low-pass filter at evenly spaced fractional delays: the
 * polyphase table a band-limited resampler reads its weights from.
 *
 * Method: Julius O. Smith III, "Digital Audio Resampling Home Page"
 * (https://ccrma.stanford.edu/~jos/resample/). The ideal band-limited interpolator, sinc, is
 * shortened by a window; when downsampling, it is widened in time by the rate ratio so that its
 * cutoff falls below the output's Nyquist frequency. Kaiser window: J. F. Kaiser, "Nonrecursive
 * digital filter design using the I0-sinh window function" (1974).
 */

export interface KernelShape {
  /** Cutoff (the −6 dB point) as a fraction of the input's Nyquist frequency, in (0, 1]. */
  cutoff: number;
  /** Half-length of the kernel in input samples; it is zero beyond. */
  halfWidth: number;
  kaiserBeta: number;
}

export interface PolyphaseTable {
  /** Weights per row. */
  taps: number;
  /** Offset of a row's first weight from the input sample at or before the output position. */
  firstTap: number;
  /**
   * Row-major weights. Row r serves output positions that lie r / phases of an input sample
   * past an input sample i: weight j multiplies input sample i + firstTap + j.
   */
  weights: Float64Array;
}

/**
 * Builds `rows` rows for fractional positions 0, 1/phases, 2/phases, ...; a table meant for
 * interpolating between rows asks for phases + 1 rows, so position 1 has a row too.
 */
export function tabulateKernel(shape: KernelShape, phases: number, rows: number): PolyphaseTable {
  const { cutoff, halfWidth, kaiserBeta } = shape;
  // Distances x = j + firstTap - fraction, for fractions in [0, 1], must cover [-halfWidth, halfWidth].
  const firstTap = -Math.floor(halfWidth);
  const taps = Math.floor(halfWidth + 1) - firstTap + 1;
  const weights = new Float64Array(rows * taps);
  const windowScale = 1 / besselI0(kaiserBeta);

  for (let row = 0; row < rows; row++) {
    const fraction = row / phases;
    for (let j = 0; j < taps; j++) {
      const x = j + firstTap - fraction;
      const edge = x / halfWidth;
      if (edge * edge > 1) continue;
      const window = besselI0(kaiserBeta * Math.sqrt(1 - edge * edge)) * windowScale;
      // cutoff · sinc(cutoff · x) has unit gain at DC: before windowing, its samples at any
      // fractional offset sum to exactly 1.
      weights[row * taps + j] = cutoff * sinc(cutoff * x) * window;
    }
  }
  return { taps, firstTap, weights };
}

/** Normalised sinc: sin(πx) / (πx). */
function sinc(x: number): number {
  if (x === 0) return 1;
  const px = Math.PI * x;
  return Math.sin(px) / px;
}

/**
 * Modified Bessel function of the first kind, order 0, by its power series
 * Σ ((x/2)^k / k!)^2, which converges quickly for the β values a Kaiser window uses (< 50).
 */
function besselI0(x: number): number {
  const halfX = x / 2;
  let term = 1;
  let sum = 1;
  for (let k = 1; term > sum * Number.EPSILON; k++) {
    const factor = halfX / k;
    term *= factor * factor;
    sum += term;
  }
  return sum;
}
