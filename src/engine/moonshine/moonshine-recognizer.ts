import type { InferenceSession } from 'onnxruntime-common';
import { checkBeamSize, type BeamSequence } from '../decoding/decode-beam';
import type { GreedyDecodeResult } from '../decoding/decode-greedy';
import { decodeUtterance } from '../decoding/decode-utterance';
import { memoizedTokenText } from '../decoding/token-text';
import { decoderFetches, mergedDecoderSessionOptions } from '../decoding/merged-decoder';
import { decoderFile, encoderFile } from '../session-files';
import { nBestAlternatives } from '../decoding/n-best';
import type { MoonshineModelEntry } from '../model-manifest';
import { DEFAULT_DECODE_OPTIONS, type DecodeOptions, type Recognizer, type RecognizerOptions } from '../recognizer';
import { defaultClock, type Clock, type OnnxRuntime } from '../runtime';
import { stageTimings, type Transcript } from '../transcript';
import { moonshineInput } from './front-end';
import { moonshinePrompt } from './prompt';
import { RepetitionGuard } from '../decoding/repetition-guard';
import { SuppressBlank } from '../decoding/suppress-blank';
import { heardNothing } from '../safeguards';
import { DEFAULT_MIN_TOKENS, tokenBudget } from '../decoding/token-budget';
import { SentencePieceDecoder, type MoonshineTokenizer } from './tokenizer';
import { SentencePieceEncoder } from './sentencepiece-encoder';
import { KeptEncoding } from '../decoding/kept-encoding';
import { scoreSequences } from '../decoding/teacher-forced';
import type { NameCompletionOptions, SlotName } from '../decoding/constrained-names';
import { NameSlots } from '../decoding/name-slots';
import type { ScoreOptions, TranscriptCandidate, TranscriptScore } from '../recognizer';
import { warmUp, type WarmUpOptions, type WarmUpReport } from '../warm-up';

const SAMPLE_RATE = 16_000;

/**
 * Moonshine as an encoder (raw audio → hidden states, once per utterance) and a merged decoder
 * with a KV cache, driven by the same greedy loop and cache as Whisper. What differs is small and
 * lives beside this file: the front end (none: raw samples), the prompt (one start token), the
 * tokenizer (SentencePiece pieces) and the stop rule (end-of-text or a per-second token budget).
 *
 * Options that only mean something to Whisper (language, task, timestamps, prompt) are ignored:
 * the English Moonshine models have no such tokens. Moonshine has no no-speech token either;
 * `noSpeechProb` is the probability of end-of-text before the first word instead.
 */
export class MoonshineRecognizer implements Recognizer {
  private constructor(
    readonly model: MoonshineModelEntry,
    private readonly ort: OnnxRuntime,
    private readonly encoder: InferenceSession,
    private readonly decoder: InferenceSession,
    private readonly tokenizer: MoonshineTokenizer,
    private readonly encoderOfText: SentencePieceEncoder,
    private readonly clock: Clock,
    /** Decoder outputs worth fetching: logits and the cache. */
    private readonly decoderFetches: string[],
  ) {}

  static async create({ ort, model, fetchFile, sessionOptions, clock = defaultClock }: RecognizerOptions<MoonshineModelEntry>): Promise<MoonshineRecognizer> {
    const encoderChoice = encoderFile(model, sessionOptions);
    const [encoderBytes, decoderBytes, vocabulary] = await Promise.all([
      fetchFile(encoderChoice.role),
      fetchFile(decoderFile(model, sessionOptions)),
      fetchFile('vocab').then((b) => new TextDecoder().decode(b)),
    ]);
    const tokenizer = SentencePieceDecoder.fromVocabularyText(vocabulary);
    const encoderOfText = new SentencePieceEncoder(vocabulary.split('\n'));
    // One after the other, as for Whisper: no gain from parallel creation on WASM, double the peak memory.
    const encoder = await ort.InferenceSession.create(encoderBytes, encoderChoice.sessionOptions);
    const decoder = await ort.InferenceSession.create(decoderBytes, mergedDecoderSessionOptions(sessionOptions));
    const fetches = decoderFetches(decoder);
    return new MoonshineRecognizer(model, ort, encoder, decoder, tokenizer, encoderOfText, clock, fetches);
  }

  /** The last utterance's encoder output, for scoreTranscripts. */
  private readonly kept = new KeptEncoding();

  /** A token's text for the name trie, its word-boundary space kept. */
  private readonly tokenText = memoizedTokenText((token) => this.tokenizer.pieceText(token));

  /** The names constrained decoding may write (useNames). */
  private readonly slots = new NameSlots(() => ({
    encode: (text) => this.encoderOfText.encode(text),
    tokenText: (token) => this.tokenText(token),
    vocabSize: this.model.architecture.vocabSize,
    endOfText: this.model.architecture.endOfTextTokenId,
  }));

  async transcribe(audio: Float32Array, options: Partial<DecodeOptions> = {}): Promise<Transcript> {
    const opts = { ...DEFAULT_DECODE_OPTIONS, ...options };
    checkBeamSize(opts.beamSize);
    const { Tensor } = this.ort;
    const arch = this.model.architecture;
    const t0 = this.clock();

    const samples = moonshineInput(audio);
    const input = new Tensor('float32', samples, [1, samples.length]);
    const t1 = this.clock();

    const encoded = await this.encoder.run({ input_values: input }, ['last_hidden_state']);
    const hidden = encoded.last_hidden_state;
    const t2 = this.clock();

    const cacheShape = { layers: arch.decoderLayers, heads: arch.decoderHeads, headDim: arch.headDim };
    const budget = tokenBudget(audio.length, SAMPLE_RATE, {
      tokensPerSecond: arch.maxTokensPerSecond,
      maxNewTokens: opts.maxNewTokens,
      minTokens: DEFAULT_MIN_TOKENS,
    });
    const search = {
      prompt: moonshinePrompt(arch),
      vocabSize: arch.vocabSize,
      endOfText: arch.endOfTextTokenId,
      maxNewTokens: budget,
      // Without safeguards, plain argmax (or beam search) as Moonshine's own runners decode. With
      // them, end-of-text may not come first, as Whisper's SuppressBlank rules: through the page's
      // microphone moonshine-tiny ended "Berlin", "Madrid" and "Mexico City" (e2e fixtures) before
      // a word, with an end-of-text probability of 0.64–0.96, and wrote them exactly once it could
      // not. Its noise-set clips had 0.97–1.0 (one 0.57), so that probability, read here, is
      // Moonshine's no-speech probability, and heardNothing drops what it then writes on silence
      // ("You", "♪").
      rules: opts.safeguards ? [new SuppressBlank([arch.endOfTextTokenId])] : [],
      probe: { token: arch.endOfTextTokenId, atPromptIndex: 0 },
      shouldStop: opts.shouldStop,
      stopChecks: opts.safeguards ? [new RepetitionGuard()] : [],
    };
    // Moonshine decodes once, at temperature 0, so beam search (when asked for) is the decode.
    let result: GreedyDecodeResult & { sequences?: BeamSequence[] };
    try {
      result = await decodeUtterance({ session: this.decoder, Tensor, cacheShape, fetches: this.decoderFetches }, hidden, search, opts.beamSize);
    } catch (error) {
      hidden.dispose();
      throw error;
    }
    const heardId = this.kept.keep(hidden, undefined);
    const t3 = this.clock();
    const text = this.tokenizer.decode(result.tokens).trim();
    // Moonshine has no no-speech token; the probability that it would have ended the transcript
    // before its first word plays that part (see `probe` above).
    const noSpeech = opts.safeguards && heardNothing({ noSpeechProb: result.probeProbability, avgLogprob: result.avgLogprob, text });

    return {
      heardId,
      text: noSpeech ? '' : text,
      tokens: result.tokens,
      avgLogprob: result.avgLogprob,
      noSpeechProb: result.probeProbability,
      noSpeech,
      temperature: 0,
      stopReason: result.stopReason,
      language: 'en',
      audioSeconds: audio.length / SAMPLE_RATE,
      timings: stageTimings(t0, t1, t2, t3, result.tokens.length, result.steps),
      ...(result.sequences && !noSpeech && { alternatives: nBestAlternatives(result.sequences, (tokens) => this.tokenizer.decode(tokens)) }),
    };
  }

  /** The encoder over query-length audio and the decoder's passes; warm-up.ts. */
  warmUp(options: Partial<WarmUpOptions> = {}): Promise<WarmUpReport> {
    const arch = this.model.architecture;
    const { Tensor } = this.ort;
    const encode = async (audio: Float32Array) => {
      const samples = moonshineInput(audio);
      return (await this.encoder.run({ input_values: new Tensor('float32', samples, [1, samples.length]) }, ['last_hidden_state'])).last_hidden_state;
    };
    const cacheShape = { layers: arch.decoderLayers, heads: arch.decoderHeads, headDim: arch.headDim };
    const decoder = { session: this.decoder, Tensor, cacheShape, fetches: this.decoderFetches };
    return warmUp({ encode, decoder, prompt: moonshinePrompt(arch), vocabSize: arch.vocabSize, endOfText: arch.endOfTextTokenId }, options, this.clock);
  }

  /**
   * Candidates scored from the decoder-start token, with no rules: the raw model's belief, the
   * same for every candidate (teacher-forced.ts).
   */
  async scoreTranscripts(heardId: number, candidates: readonly TranscriptCandidate[], { tokenByToken = false }: Partial<ScoreOptions> = {}): Promise<TranscriptScore[]> {
    const { hidden } = this.kept.get(heardId);
    const arch = this.model.architecture;
    const cacheShape = { layers: arch.decoderLayers, heads: arch.decoderHeads, headDim: arch.headDim };
    const sequences = candidates.map((c) => (typeof c === 'string' ? this.encoderOfText.encode(c.trim()) : c));
    const decoder = { session: this.decoder, Tensor: this.ort.Tensor, cacheShape, fetches: this.decoderFetches };
    return scoreSequences(decoder, hidden, { prompt: moonshinePrompt(arch), sequences, endOfText: arch.endOfTextTokenId, vocabSize: arch.vocabSize, tokensPerPass: tokenByToken ? 1 : 'all' });
  }

  useNames(names: readonly string[]): void {
    this.slots.use(names);
  }

  async completeNames(heardId: number, prefixes: readonly string[], options: Partial<NameCompletionOptions> = {}): Promise<SlotName[][]> {
    const { hidden } = this.kept.get(heardId);
    const arch = this.model.architecture;
    const cacheShape = { layers: arch.decoderLayers, heads: arch.decoderHeads, headDim: arch.headDim };
    const decoder = { session: this.decoder, Tensor: this.ort.Tensor, cacheShape, fetches: this.decoderFetches };
    return this.slots.complete(decoder, hidden, moonshinePrompt(arch), prefixes, options);
  }

  async release(): Promise<void> {
    this.kept.release();
    await this.encoder.release();
    await this.decoder.release();
  }
}
