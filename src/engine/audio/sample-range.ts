/**
 * Clamps a sample to [-1, 1]. NaN becomes 0 (silence) so that one corrupt float sample cannot
 * turn everything computed from it (a resampler's sums, a mel spectrogram) into NaN.
 */
export function clampSample(x: number): number {
  if (x >= -1) return x <= 1 ? x : 1;
  return x < -1 ? -1 : 0;
}
