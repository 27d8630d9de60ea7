/**
 * Moonshine's front end: none to speak of. The encoder's first layers are convolutions over raw
 * 16 kHz samples (`input_values` [1, samples], any length: no 30 s window, no mel), so the
 * utterance goes in as it is, unnormalised, as moonshine-js 0.1.15 passes it (`src/model.ts`).
 *
 * Silence of more than 0.75 s at the clip's edges is cut to 0.3 s first (audio/edge-silence.ts):
 * Moonshine ends the transcript before a word it hears in a lot of silence.
 *
 * The one thing to guard: the convolutions (kernel 127 stride 64, then 7/3, then 3/2) need a
 * minimum length to produce a single encoder frame. Shorter input is padded with silence at the end
 * rather than failing inside onnxruntime.
 */

import { trimEdgeSilence } from '../audio/edge-silence';

/**
 * Shortest input that yields one encoder frame: conv3 needs 3 frames of conv2, which needs 13 of
 * conv1, which needs 127 + 12 × 64 = 895 samples. Measured on both exports with onnxruntime-node:
 * 894 samples fail in /conv3/Conv, 895 give [1, 1, dModel].
 */
export const MIN_INPUT_SAMPLES = 895;

/** The encoder's `input_values` data: the audio without long edge silence, zero-padded to MIN_INPUT_SAMPLES if shorter. */
export function moonshineInput(clip: Float32Array): Float32Array {
  const audio = trimEdgeSilence(clip);
  if (audio.length >= MIN_INPUT_SAMPLES) return audio;
  const padded = new Float32Array(MIN_INPUT_SAMPLES);
  padded.set(audio);
  return padded;
}
