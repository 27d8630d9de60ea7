/**
 * Audio input for the recogniser: decode a WAV file, mix it to mono and convert it to the
 * model's sample rate.
 */
import { downmix } from './downmix';
import { resample } from './resample';
import type { DecodedAudio } from './wav';

export { AudioDecodeError, decodeWav, decodeWavFrames, readWavLayout, type AudioDecodeErrorReason, type DecodedAudio, type WavLayout } from './wav';
export { encodeWav, type WavEncoding } from './wav-encode';
export { downmix } from './downmix';
export { DEFAULT_RESAMPLE_OPTIONS, resample, type ResampleOptions } from './resample';

/** The rate Whisper's feature extractor expects: 16 kHz mono. */
export const MODEL_SAMPLE_RATE = 16_000;

/** Mono samples at MODEL_SAMPLE_RATE; always a new array, never one of `decoded`'s channels. */
export function toMono16k(decoded: DecodedAudio): Float32Array {
  return resample(downmix(decoded.channels), decoded.sampleRate, MODEL_SAMPLE_RATE);
}
