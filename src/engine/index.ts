/**
 * The recognition engine's public door. Pure TypeScript: no DOM, no Node APIs. The host supplies
 * onnxruntime (web or node), a model-file fetcher and optionally a clock.
 */
import type { Recognizer, RecognizerOptions } from './recognizer';
import { WhisperRecognizer } from './whisper/whisper-recognizer';

export {
  AudioDecodeError,
  DEFAULT_RESAMPLE_OPTIONS,
  MODEL_SAMPLE_RATE,
  decodeWav,
  downmix,
  encodeWav,
  resample,
  toMono16k,
  type AudioDecodeErrorReason,
  type DecodedAudio,
  type ResampleOptions,
  type WavEncoding,
} from './audio';
export type { ModelEntry, ModelFile, ModelFileRole, ModelManifest, WhisperArchitecture } from './model-manifest';
export { findModel, modelFile, stagedFileName } from './model-manifest';
export type { Clock, ModelFileFetcher, OnnxRuntime } from './runtime';
export type { StageTimings, Transcript } from './transcript';
export { DEFAULT_DECODE_OPTIONS, type DecodeOptions, type Recognizer, type RecognizerOptions } from './recognizer';
export { LogMelSpectrogram, WHISPER_LOG_MEL_OPTIONS, type LogMelOptions } from './whisper/log-mel';
export { WhisperTokenizer } from './whisper/tokenizer';

/** Loads a model's sessions and tokenizer once; reuse the recognizer for every utterance. */
export async function createRecognizer(options: RecognizerOptions): Promise<Recognizer> {
  switch (options.model.family) {
    case 'whisper':
      return WhisperRecognizer.create(options);
    default:
      throw new Error(`model '${options.model.id}' has unsupported family '${String(options.model.family)}'`);
  }
}
