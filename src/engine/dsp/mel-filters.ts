/**
 * Slaney-style mel filter bank, as librosa.filters.mel(htk=False, norm='slaney') builds it and
 * as Whisper uses it (openai/whisper `audio.py` loads librosa's bank from mel_filters.npz; the
 * npm weights ship no bank, so it is computed here).
 *
 * The Slaney mel scale is linear below 1 kHz (200/3 Hz per mel) and logarithmic above
 * (27 mels per factor 6.4); each triangle is scaled by 2/(f_high − f_low) so that every filter
 * has the same area ("slaney" normalisation).
 */

const F_SP = 200 / 3;
const MIN_LOG_HZ = 1000;
const MIN_LOG_MEL = MIN_LOG_HZ / F_SP;
const LOG_STEP = Math.log(6.4) / 27;

export function hzToMel(hz: number): number {
  return hz < MIN_LOG_HZ ? hz / F_SP : MIN_LOG_MEL + Math.log(hz / MIN_LOG_HZ) / LOG_STEP;
}

export function melToHz(mel: number): number {
  return mel < MIN_LOG_MEL ? mel * F_SP : MIN_LOG_HZ * Math.exp(LOG_STEP * (mel - MIN_LOG_MEL));
}

export interface MelFilterOptions {
  sampleRate: number;
  nFft: number;
  nMels: number;
  fMin: number;
  fMax: number;
}

/** The bank as a dense [nMels × (nFft/2 + 1)] row-major matrix (mostly zeros; see `sparseRows`). */
export function slaneyMelFilters({ sampleRate, nFft, nMels, fMin, fMax }: MelFilterOptions): Float64Array {
  const bins = Math.floor(nFft / 2) + 1;
  const fftHz = new Float64Array(bins);
  for (let k = 0; k < bins; k++) fftHz[k] = (k * sampleRate) / nFft;
  const melLow = hzToMel(fMin);
  const melHigh = hzToMel(fMax);
  const edges = new Float64Array(nMels + 2);
  for (let i = 0; i < nMels + 2; i++) edges[i] = melToHz(melLow + ((melHigh - melLow) * i) / (nMels + 1));

  const weights = new Float64Array(nMels * bins);
  for (let m = 0; m < nMels; m++) {
    const lower = edges[m];
    const centre = edges[m + 1];
    const upper = edges[m + 2];
    const norm = 2 / (upper - lower);
    for (let k = 0; k < bins; k++) {
      const rising = (fftHz[k] - lower) / (centre - lower);
      const falling = (upper - fftHz[k]) / (upper - centre);
      weights[m * bins + k] = Math.max(0, Math.min(rising, falling)) * norm;
    }
  }
  return weights;
}

/** Each filter's non-zero span, so applying the bank costs ~2 × bins multiplies, not nMels × bins. */
export interface SparseFilter {
  start: number;
  weights: Float64Array;
}

export function sparseRows(dense: Float64Array, nMels: number): SparseFilter[] {
  const bins = dense.length / nMels;
  const rows: SparseFilter[] = [];
  for (let m = 0; m < nMels; m++) {
    const row = dense.subarray(m * bins, (m + 1) * bins);
    let start = row.findIndex((w) => w !== 0);
    if (start < 0) start = 0;
    let end = bins;
    while (end > start && row[end - 1] === 0) end--;
    rows.push({ start, weights: row.slice(start, end) });
  }
  return rows;
}
