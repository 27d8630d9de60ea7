/**
 * The recognition engine's public door. Pure TypeScript: no DOM, no Node APIs. The host supplies
 * onnxruntime (web or node), a model-file fetcher and optionally a clock.
 */
import type { Recognizer, RecognizerOptions } from './recognizer';
import { MoonshineRecognizer } from './moonshine/moonshine-recognizer';
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
export type {
  ModelEntry,
  ModelFamily,
  ModelFile,
  ModelFileRole,
  ModelManifest,
  MoonshineArchitecture,
  MoonshineModelEntry,
  PackageSource,
  WhisperArchitecture,
  WhisperModelEntry,
} from './model-manifest';
export { findModel, modelFile, stagedFileName } from './model-manifest';
export type { Clock, ModelFileFetcher, OnnxRuntime } from './runtime';
export type { StageTimings, Transcript } from './transcript';
export { DEFAULT_NAME_COMPLETION_OPTIONS, type NameCompletionOptions, type SlotName } from './decoding/constrained-names';
export { DEFAULT_DECODE_OPTIONS, type DecodeOptions, type Recognizer, type RecognizerOptions, type ScoreOptions, type TranscriptCandidate, type TranscriptScore } from './recognizer';
export { DEFAULT_WARM_UP_OPTIONS, type WarmUpOptions, type WarmUpReport } from './warm-up';
export { LogMelSpectrogram, WHISPER_LOG_MEL_OPTIONS, type LogMelOptions } from './whisper/log-mel';
export { WhisperTokenizer } from './whisper/tokenizer';
export { SentencePieceDecoder, type MoonshineTokenizer } from './moonshine/tokenizer';

/**
 * Loads a model's sessions and tokenizer once; reuse the recognizer for every utterance. The
 * model's `family` picks the recogniser; every family returns the same Transcript.
 */
export async function createRecognizer(options: RecognizerOptions): Promise<Recognizer> {
  const { model } = options;
  switch (model.family) {
    case 'whisper':
      return WhisperRecognizer.create({ ...options, model });
    case 'moonshine':
      return MoonshineRecognizer.create({ ...options, model });
    default: {
      // A manifest from a newer build may name a family this one cannot run.
      const unknown: { id: string; family: string } = model;
      throw new Error(`model '${unknown.id}' has unsupported family '${unknown.family}'`);
    }
  }
}
