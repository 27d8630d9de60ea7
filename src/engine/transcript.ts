/** What recognising one utterance produces, whatever the model family. */
import type { StopReason } from './decoding/stop-check';

export interface StageTimings {
  /** Front end: resampled PCM → model input (log-mel for Whisper, the samples themselves for Moonshine). */
  featuresMs: number;
  encoderMs: number;
  /** All decoder steps, including the per-token rules. */
  decoderMs: number;
  totalMs: number;
  /** Decoder steps run (prompt pass + one per generated token). */
  decoderSteps: number;
  /** Generated tokens per second of decoder time. */
  tokensPerSecond: number;
}

export interface Transcript {
  /** This transcription's id, for Recognizer.scoreTranscripts (only the latest can be scored). */
  heardId: number;
  /** The recognised text, trimmed, special tokens removed. */
  text: string;
  /** Generated token ids (text and timestamp tokens), without the prompt or end-of-text. */
  tokens: number[];
  /** Mean log-probability of the generated tokens, end-of-text included (Whisper's avg_logprob). */
  avgLogprob: number;
  /**
   * Probability of the no-speech token at the start of the transcript (Whisper's no_speech_prob);
   * for Moonshine, which has no such token, the probability of end-of-text before the first word.
   */
  noSpeechProb: number;
  /**
   * The safeguards called it silence or noise (safeguards.ts heardNothing: Whisper's no-speech
   * rule, or subtitle filler such as "Thank you." on weak evidence); with
   * DecodeOptions.safeguards on, `text` is then empty.
   */
  noSpeech: boolean;
  /** The temperature of the decode kept (0 unless the temperature fallback ran). */
  temperature: number;
  /** Why decoding stopped: end-of-text, the token budget, or a repetition loop that was cut. */
  stopReason: StopReason;
  language: string;
  audioSeconds: number;
  timings: StageTimings;
  /**
   * The n-best list when decoded with beam search (DecodeOptions.beamSize above 1): best first,
   * the chosen transcript first, one entry per distinct text. Absent for greedy decoding, for a
   * transcript the no-speech rule emptied, and for audio decoded in several 30 s windows.
   */
  alternatives?: TranscriptAlternative[];
}

/** One hypothesis of the n-best list. */
export interface TranscriptAlternative {
  /** Trimmed text, special tokens removed, as Transcript.text. */
  text: string;
  tokens: number[];
  /**
   * Sum of the tokens' log-probabilities, end-of-text included when the hypothesis ended with it.
   * Where Whisper's safeguards dropped an unfinished loop after the budget ran out, this and
   * avgLogprob are the untrimmed hypothesis's, as Transcript.avgLogprob is.
   */
  sumLogprob: number;
  /** sumLogprob / (tokens + 1), as Transcript.avgLogprob. */
  avgLogprob: number;
}

/** Stage timings from the clock readings at start, after features, after the encoder and at the end. */
export function stageTimings(t0: number, t1: number, t2: number, t3: number, tokens: number, steps: number): StageTimings {
  const decoderMs = t3 - t2;
  return {
    featuresMs: t1 - t0,
    encoderMs: t2 - t1,
    decoderMs,
    totalMs: t3 - t0,
    decoderSteps: steps,
    // End-of-text is a generated token too.
    tokensPerSecond: decoderMs > 0 ? (tokens + 1) / (decoderMs / 1000) : 0,
  };
}
