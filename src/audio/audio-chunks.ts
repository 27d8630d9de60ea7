/**
 * A long audio file as a sequence of mono 16 kHz chunks, so that a ten-minute recording is never
 * held whole as samples. A WAV file is read a slice at a time (Blob.slice): its header gives where
 * each sample frame lies, each slice is decoded, mixed to mono and resampled on its own. Other
 * formats go through the browser's decoder, which decodes a file whole; their samples are then
 * handed on a chunk at a time (pcmChunks).
 *
 * Resampling slice by slice gives the same samples as resampling the whole file: each slice
 * starts on a whole period of the rate ratio (441 input frames ↔ 160 output samples for
 * 44.1 → 16 kHz), so its output starts on an output sample whose filter phase is the one the whole
 * file's would have, and it is read with `pad` extra frames on either side, more than the sinc
 * filter reaches (resample.ts), which are then cut off.
 */
import { decodeWavFrames, type WavLayout } from '../engine/audio/wav';
import { downmix } from '../engine/audio/downmix';
import { DEFAULT_RESAMPLE_OPTIONS, resample } from '../engine/audio/resample';

export interface AudioChunkOptions {
  /** Seconds of audio per chunk (default 10: a 48 kHz stereo 16-bit slice is 1.9 MB). */
  chunkSeconds: number;
  /** The rate chunks are delivered at (default 16 kHz, the recognisers'). */
  outputRate: number;
}

export const DEFAULT_AUDIO_CHUNK_OPTIONS: Readonly<AudioChunkOptions> = Object.freeze({
  chunkSeconds: 10,
  outputRate: 16_000,
});

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

/** How a WAV file at `inputRate` is cut into slices: their length, the period they start on, the padding. */
export function wavSlicing(inputRate: number, options: Partial<AudioChunkOptions> = {}) {
  const { chunkSeconds, outputRate } = { ...DEFAULT_AUDIO_CHUNK_OPTIONS, ...options };
  // Input frames per whole period of the ratio; a non-integer rate has no period, so whole seconds.
  const period = Number.isInteger(inputRate) ? inputRate / gcd(inputRate, outputRate) : Math.ceil(inputRate);
  const chunkFrames = Math.max(period, Math.round((chunkSeconds * inputRate) / period) * period);
  // The filter reaches zeroCrossings of the lower rate's periods either side, in input frames.
  const reach = DEFAULT_RESAMPLE_OPTIONS.zeroCrossings / Math.min(1, outputRate / inputRate);
  const pad = period * Math.ceil((reach + 2) / period);
  return { period, chunkFrames, pad, outputRate };
}

/**
 * The samples of `file` (a WAV file whose layout readWavLayout gave), mono at the output rate,
 * `chunkSeconds` at a time. Only one slice of the file is read and decoded at once.
 */
export async function* wavChunks(file: Blob, layout: WavLayout, options: Partial<AudioChunkOptions> = {}): AsyncGenerator<Float32Array> {
  const { chunkFrames, pad, outputRate } = wavSlicing(layout.sampleRate, options);
  const { frameCount, frameBytes, dataStart, sampleRate } = layout;
  const ratio = outputRate / sampleRate;
  const totalOutput = Math.round(frameCount * ratio);
  for (let start = 0; start < frameCount; start += chunkFrames) {
    const end = Math.min(start + chunkFrames, frameCount);
    const readFrom = Math.max(0, start - pad);
    const readTo = Math.min(frameCount, end + pad);
    const bytes = new Uint8Array(await file.slice(dataStart + readFrom * frameBytes, dataStart + readTo * frameBytes).arrayBuffer());
    if (bytes.length < (readTo - readFrom) * frameBytes) {
      throw new RangeError(`the file ended at byte ${dataStart + readFrom * frameBytes + bytes.length}, inside its audio`);
    }
    const mono = resample(downmix(decodeWavFrames(bytes, layout).channels), sampleRate, outputRate);
    const skip = Math.round((start - readFrom) * ratio);
    const length = end === frameCount ? totalOutput - Math.round(start * ratio) : Math.round((end - start) * ratio);
    // A copy, so the slice's decoded samples can be collected while this chunk is in use.
    yield mono.slice(skip, skip + length);
  }
}

/** Samples already in memory, handed on `chunkSamples` at a time (views, not copies). */
export async function* pcmChunks(pcm: Float32Array, chunkSamples: number): AsyncGenerator<Float32Array> {
  for (let start = 0; start < pcm.length; start += chunkSamples) yield pcm.subarray(start, Math.min(pcm.length, start + chunkSamples));
}
