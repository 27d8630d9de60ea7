/**
 * The engine's one interface over every model family: 16 kHz mono PCM in, a Transcript out.
 * Family-specific parts (front end, prompt, tokenizer, stop rule, cache layout) live in their
 * own folders (whisper/, moonshine/); callers only see this.
 */
import type { NameCompletionOptions, SlotName } from './decoding/constrained-names';
import type { ModelEntry } from './model-manifest';
import type { Clock, InferenceSession, ModelFileFetcher, OnnxRuntime } from './runtime';
import type { Transcript } from './transcript';
import type { WarmUpOptions, WarmUpReport } from './warm-up';

/** How to decode one utterance. language, task, timestamps and prompt are Whisper's; Moonshine ignores them. */
export interface DecodeOptions {
  /** Spoken language, ISO 639-1 (`en`). Ignored by English-only models. */
  language: string;
  task: 'transcribe' | 'translate';
  /** Decode with timestamp tokens and Whisper's timestamp rules. */
  timestamps: boolean;
  /**
   * Most tokens to generate; Whisper's own limit is half its 448-token text context. Moonshine
   * also stops at its tokens-per-second-of-audio budget, whichever is lower.
   */
  maxNewTokens: number;
  /** Text to condition the decoder on (Whisper's <|startofprev|>), e.g. a domain hint. */
  prompt: string;
  /**
   * Whisper: run the encoder over the audio plus a margin (whisper/context-window.ts) instead of
   * the full 30 s window. Needs the staged variable-length encoder. Over a cut window Whisper
   * writes the words and then repeats them in segments past the audio's end, so this decodes with
   * timestamps and whisper/audio-end-rule.ts ends the transcript where the audio ends. On by
   * default: measured faster and, on the generated queries, more accurate (context-window.ts).
   */
  fitContext: boolean;
  /** Silence kept after the audio when `fitContext` is on, in 10 ms mel frames (default: whisper/context-window.ts). */
  contextMarginFrames?: number;
  /**
   * Guards against Whisper's failure modes: a token budget proportional to the audio's length
   * (decoding/token-budget.ts) and a repetition guard that cuts a loop (decoding/repetition-guard.ts).
   */
  safeguards: boolean;
  /**
   * Hypotheses kept by beam search at temperature 0 (decoding/decode-beam.ts, as openai/whisper's
   * beam_size); the temperature fallback's hotter attempts stay sampled greedy, as in Whisper.
   * 1 is greedy decoding, with no n-best list. Default 1 (Whisper's CLI uses 5): not chosen by
   * measurement yet; each extra beam is one more row in every decoder pass.
   */
  beamSize: number;
  /** Called before each decoder step; returning true stops early (e.g. the user cancelled). */
  shouldStop?: () => boolean;
}

export const DEFAULT_DECODE_OPTIONS: DecodeOptions = {
  language: 'en',
  task: 'transcribe',
  timestamps: false,
  maxNewTokens: 224,
  prompt: '',
  fitContext: true,
  safeguards: true,
  beamSize: 1,
};

export interface RecognizerOptions<Model extends ModelEntry = ModelEntry> {
  /** onnxruntime-web or onnxruntime-node, as a module namespace. */
  ort: OnnxRuntime;
  /** Which recogniser runs it follows from `model.family`. */
  model: Model;
  /** Reads the model's files by role. */
  fetchFile: ModelFileFetcher;
  /** Passed to every InferenceSession (execution providers, threads, graph optimisation). */
  sessionOptions?: InferenceSession.SessionOptions;
  clock?: Clock;
}

/** A candidate transcript to score: its text, or the token ids after the prompt (end-of-text excluded). */
export type TranscriptCandidate = string | readonly number[];

export interface TranscriptScore {
  /** Sum of the candidate's token log-probabilities, end-of-text included. */
  sumLogprob: number;
  /** Tokens scored, end-of-text included: sumLogprob / scoredTokens is the average. */
  scoredTokens: number;
}

export interface ScoreOptions {
  /**
   * Decode each candidate token by token, as the greedy loop does, instead of all its tokens in
   * one pass (teacher-forced.ts says why the two differ slightly). Default false: one pass.
   */
  tokenByToken: boolean;
}

export interface Recognizer {
  readonly model: ModelEntry;
  /** Recognises one utterance: mono Float32 PCM at 16 kHz. */
  transcribe(audio: Float32Array, options?: Partial<DecodeOptions>): Promise<Transcript>;
  /**
   * Runs the query's hot path a few times on synthetic audio so the first real query is as fast
   * as later ones (warm-up.ts says why); call once after creating. Safe to interrupt with
   * `shouldStop`.
   */
  warmUp(options?: Partial<WarmUpOptions>): Promise<WarmUpReport>;
  /**
   * The recogniser listening again: how likely it finds each candidate (a text, or token ids as
   * its decoder writes them) as the transcript of utterance `heardId` (Transcript.heardId), by
   * teacher forcing on that utterance's kept encoder output (decoding/teacher-forced.ts). Only
   * the last utterance transcribed can be scored (decoding/kept-encoding.ts); long audio decoded
   * window by window cannot.
   */
  scoreTranscripts(heardId: number, candidates: readonly TranscriptCandidate[], options?: ScoreOptions): Promise<TranscriptScore[]>;
  /**
   * Gives the constrained pass (completeNames) the names it may write — the catalogue's places —
   * tokenised by this model as its decoder writes them after a word boundary
   * (decoding/name-trie.ts); replaces any list given before.
   */
  useNames(names: readonly string[]): void;
  /**
   * The recogniser naming the place itself: for each prefix (the words heard before a place, ''
   * when the place opens the query), the names of the useNames list it finds likeliest to come
   * next in utterance `heardId`, by constrained decoding on the kept encoder output
   * (decoding/constrained-names.ts). Best first; throws when no names were given.
   */
  completeNames(heardId: number, prefixes: readonly string[], options?: Partial<NameCompletionOptions>): Promise<SlotName[][]>;
  /** Frees the model's sessions; the recognizer is unusable afterwards. */
  release(): Promise<void>;
}
