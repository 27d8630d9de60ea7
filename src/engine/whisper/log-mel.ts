/**
 * Whisper's log-mel spectrogram (openai/whisper `audio.py` log_mel_spectrogram):
 *   pad or trim the audio to 30 s → STFT (n_fft 400, hop 160, periodic Hann, centred with
 *   reflect padding) → drop the last frame → power → Slaney mel (80 bins, 0–8 kHz) → log10 of
 *   max(x, 1e-10) → clamp to (max − 8) → (x + 4) / 4.
 * Output is [nMels × nFrames] row-major, the layout of the encoder's `input_features` [1, 80, 3000].
 */
import { ComplexFft } from '../dsp/fft';
import { slaneyMelFilters, sparseRows, type SparseFilter } from '../dsp/mel-filters';

export interface LogMelOptions {
  /** Input sample rate, Hz. Whisper: 16000. */
  sampleRate: number;
  /** FFT window length in samples (25 ms). Whisper: 400. */
  nFft: number;
  /** Hop between frames in samples (10 ms). Whisper: 160. */
  hopLength: number;
  /** Mel bins. Whisper v1–v2: 80. */
  nMels: number;
  /** Frames produced; the audio is zero-padded or trimmed to `nFrames × hopLength` samples. Whisper: 3000 (30 s). */
  nFrames: number;
}

export const WHISPER_LOG_MEL_OPTIONS: LogMelOptions = {
  sampleRate: 16_000,
  nFft: 400,
  hopLength: 160,
  nMels: 80,
  nFrames: 3000,
};

/** log10(1e-10): the value of a frame of pure digital silence before clamping. */
const SILENT_LOG = -10;

export class LogMelSpectrogram {
  readonly options: LogMelOptions;
  private readonly fft: ComplexFft;
  private readonly window: Float64Array;
  private readonly filters: SparseFilter[];
  private readonly re: Float64Array;
  private readonly im: Float64Array;
  private readonly powerA: Float64Array;
  private readonly powerB: Float64Array;

  constructor(options: Partial<LogMelOptions> = {}) {
    this.options = { ...WHISPER_LOG_MEL_OPTIONS, ...options };
    const { nFft, nMels, sampleRate } = this.options;
    this.fft = new ComplexFft(nFft);
    // Periodic Hann (torch.hann_window default): the period is nFft, not nFft − 1.
    this.window = new Float64Array(nFft);
    for (let i = 0; i < nFft; i++) this.window[i] = 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / nFft);
    this.filters = sparseRows(slaneyMelFilters({ sampleRate, nFft, nMels, fMin: 0, fMax: sampleRate / 2 }), nMels);
    this.re = new Float64Array(nFft);
    this.im = new Float64Array(nFft);
    const bins = nFft / 2 + 1;
    this.powerA = new Float64Array(bins);
    this.powerB = new Float64Array(bins);
  }

  /**
   * Computes the normalised log-mel features of `audio` (mono, at `sampleRate`) over `nFrames`
   * frames: the audio is zero-padded or trimmed to that many hops. Whisper pads to 3,000 (30 s);
   * a variable-length encoder takes fewer (see models/variable-length-encoder.ts).
   */
  compute(audio: Float32Array, nFrames = this.options.nFrames): Float32Array {
    const { nFft, hopLength, nMels } = this.options;
    const padded = this.centredSignal(audio, nFrames);
    // Frames that start past the last non-zero sample are digital silence: their log-mel is
    // exactly SILENT_LOG, so short queries skip ~90% of the FFTs of a 30 s window.
    let lastNonZero = padded.length - 1;
    while (lastNonZero >= 0 && padded[lastNonZero] === 0) lastNonZero--;
    const voicedFrames = Math.min(nFrames, Math.max(0, Math.ceil((lastNonZero + 1) / hopLength)));

    const out = new Float32Array(nMels * nFrames).fill(SILENT_LOG);
    // Two real frames per complex FFT: frame a in the real part, frame b in the imaginary part,
    // separated afterwards by conjugate symmetry (Numerical Recipes §12.3, "two real FFTs at once").
    for (let t = 0; t < voicedFrames; t += 2) {
      const hasB = t + 1 < voicedFrames;
      const offA = t * hopLength;
      const offB = offA + hopLength;
      for (let i = 0; i < nFft; i++) {
        this.re[i] = padded[offA + i] * this.window[i];
        this.im[i] = hasB ? padded[offB + i] * this.window[i] : 0;
      }
      this.fft.transform(this.re, this.im);
      this.splitPowers();
      this.writeFrame(out, nFrames, t, this.powerA);
      if (hasB) this.writeFrame(out, nFrames, t + 1, this.powerB);
    }

    let max = -Infinity;
    for (let i = 0; i < out.length; i++) if (out[i] > max) max = out[i];
    const floor = max - 8;
    for (let i = 0; i < out.length; i++) out[i] = (Math.max(out[i], floor) + 4) / 4;
    return out;
  }

  /** The audio padded/trimmed to nFrames hops, then reflect-padded by nFft/2 on each side. */
  private centredSignal(audio: Float32Array, nFrames: number): Float32Array {
    const { nFft, hopLength } = this.options;
    const half = nFft / 2;
    // Whisper pads to N_SAMPLES then takes the STFT's 3001 frames and drops the last, so the
    // signal here is nFrames·hop samples plus the centre padding.
    const length = nFrames * hopLength;
    const body = audio.length > length ? audio.subarray(0, length) : audio;
    const padded = new Float32Array(length + 2 * half);
    padded.set(body, half);
    // Reflect padding (numpy 'reflect': the edge sample is not repeated).
    const sample = (i: number) => (i < body.length ? body[i] : 0);
    for (let i = 1; i <= half; i++) {
      padded[half - i] = sample(i);
      padded[half + length - 1 + i] = sample(length - 1 - i);
    }
    return padded;
  }

  /** Separates the two real frames' spectra packed in (re, im) into their power spectra. */
  private splitPowers(): void {
    const { re, im, powerA, powerB } = this;
    const n = re.length;
    for (let k = 0; k < powerA.length; k++) {
      const j = k === 0 ? 0 : n - k;
      // A[k] = (Z[k] + conj(Z[n−k])) / 2, B[k] = (Z[k] − conj(Z[n−k])) / 2i
      const aRe = (re[k] + re[j]) / 2;
      const aIm = (im[k] - im[j]) / 2;
      const bRe = (im[k] + im[j]) / 2;
      const bIm = (re[j] - re[k]) / 2;
      powerA[k] = aRe * aRe + aIm * aIm;
      powerB[k] = bRe * bRe + bIm * bIm;
    }
  }

  private writeFrame(out: Float32Array, nFrames: number, frame: number, power: Float64Array): void {
    for (let m = 0; m < this.filters.length; m++) {
      const { start, weights } = this.filters[m];
      let energy = 0;
      for (let i = 0; i < weights.length; i++) energy += weights[i] * power[start + i];
      out[m * nFrames + frame] = Math.log10(Math.max(energy, 1e-10));
    }
  }
}
