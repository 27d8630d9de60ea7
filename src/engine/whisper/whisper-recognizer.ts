import type { InferenceSession } from 'onnxruntime-common';
import { compressionRatio } from '../decoding/compression-ratio';
import { checkBeamSize, type BeamSequence } from '../decoding/decode-beam';
import type { GreedyDecodeResult } from '../decoding/decode-greedy';
import { decodeUtterance } from '../decoding/decode-utterance';
import { memoizedTokenText } from '../decoding/token-text';
import { seededRandom } from '../decoding/sampling';
import { decoderFetches, mergedDecoderSessionOptions } from '../decoding/merged-decoder';
import { decoderFile, encoderFile } from '../session-files';
import { nBestAlternatives } from '../decoding/n-best';
import type { LogitsRule } from '../decoding/logits-rule';
import { RepeatedSegmentGuard, RepetitionGuard, trimUnfinishedLoop } from '../decoding/repetition-guard';
import type { StopCheck, StopReason } from '../decoding/stop-check';
import { tokenBudget, WHISPER_TOKEN_BUDGET } from '../decoding/token-budget';
import { SuppressBlank } from '../decoding/suppress-blank';
import { SuppressTokens } from '../decoding/suppress-tokens';
import { TimestampRules } from '../decoding/timestamp-rules';
import type { WhisperModelEntry } from '../model-manifest';
import { DEFAULT_DECODE_OPTIONS, type DecodeOptions, type Recognizer, type RecognizerOptions } from '../recognizer';
import { defaultClock, type Clock, type OnnxRuntime } from '../runtime';
import { DEFAULT_SAFEGUARDS, heardNothing, mostProbable, needsFallback } from '../safeguards';
import { stageTimings, type Transcript } from '../transcript';
import { splitIntoWindows } from '../audio/windows';
import { AudioEndRule } from './audio-end-rule';
import { contextFrames, DEFAULT_CONTEXT_WINDOW, type ContextWindowOptions } from './context-window';
import { parseGenerationConfig, type WhisperGenerationConfig } from './generation-config';
import { LogMelSpectrogram } from './log-mel';
import { buildPrompt } from './prompt';
import { WhisperTokenizer } from './tokenizer';
import { warmUp, type WarmUpOptions, type WarmUpReport } from '../warm-up';
import { KeptEncoding } from '../decoding/kept-encoding';
import { scoreSequences } from '../decoding/teacher-forced';
import type { NameCompletionOptions, SlotName } from '../decoding/constrained-names';
import { NameSlots } from '../decoding/name-slots';
import type { ScoreOptions, TranscriptCandidate, TranscriptScore } from '../recognizer';

const SAMPLE_RATE = 16_000;
/** Whisper's timestamp tokens are 0.02 s apart (`whisper/tokenizer.py`: <|0.00|> … <|30.00|>). */
const SECONDS_PER_TIMESTAMP = 0.02;

/**
 * Whisper as an encoder (log-mel → hidden states, once per utterance) and a merged decoder with a
 * KV cache (one pass over the prompt, then one token per pass). Sessions, tokenizer and mel bank
 * are built once in `create` and reused for every utterance.
 */
export class WhisperRecognizer implements Recognizer {
  private constructor(
    readonly model: WhisperModelEntry,
    private readonly ort: OnnxRuntime,
    private readonly encoder: InferenceSession,
    private readonly decoder: InferenceSession,
    private readonly tokenizer: WhisperTokenizer,
    private readonly config: WhisperGenerationConfig,
    private readonly logMel: LogMelSpectrogram,
    private readonly clock: Clock,
    /** Decoder outputs worth fetching: logits and the cache, never the attention weights. */
    private readonly decoderFetches: string[],
    /** Whether the encoder accepts fewer than 3,000 frames (the staged variable-length edit). */
    private readonly variableLength: boolean,
    private readonly window: ContextWindowOptions,
  ) {}

  static async create({ ort, model, fetchFile, sessionOptions, clock = defaultClock }: RecognizerOptions<WhisperModelEntry>): Promise<WhisperRecognizer> {
    const text = new TextDecoder();
    // The variable-length encoder computes exactly what the original does on 3,000 frames, so
    // when it is staged it (or its optimised graph) is the only encoder ever loaded
    // (models/variable-length-encoder.ts, session-files.ts).
    const variableLength = model.files.some((f) => f.role === 'encoderVariableLength');
    const encoderChoice = encoderFile(model, sessionOptions);
    const [encoderBytes, decoderBytes, tokenizerJson, generationJson] = await Promise.all([
      fetchFile(encoderChoice.role),
      fetchFile(decoderFile(model, sessionOptions)),
      fetchFile('tokenizer').then((b) => text.decode(b)),
      fetchFile('generationConfig').then((b) => text.decode(b)),
    ]);
    const tokenizer = WhisperTokenizer.fromJson(tokenizerJson);
    const config = parseGenerationConfig(generationJson);
    // Sessions one after the other: creating both at once doubles peak memory for no gain on
    // WASM, where initialisation is single-threaded.
    const encoder = await ort.InferenceSession.create(encoderBytes, encoderChoice.sessionOptions);
    const decoder = await ort.InferenceSession.create(decoderBytes, mergedDecoderSessionOptions(sessionOptions));
    const fetches = decoderFetches(decoder);
    const maxFrames = model.architecture.maxSourcePositions * 2;
    const logMel = new LogMelSpectrogram({ nMels: model.architecture.melBins, nFrames: maxFrames });
    const window = { ...DEFAULT_CONTEXT_WINDOW, maxFrames };
    return new WhisperRecognizer(model, ort, encoder, decoder, tokenizer, config, logMel, clock, fetches, variableLength, window);
  }

  /**
   * Audio longer than Whisper's 30 s window is cut into windows at quiet moments
   * (audio/windows.ts) and each is decoded in turn; nothing is truncated.
   */
  async transcribe(audio: Float32Array, options: Partial<DecodeOptions> = {}): Promise<Transcript> {
    const opts = { ...DEFAULT_DECODE_OPTIONS, ...options };
    const windowSamples = this.window.maxFrames * this.window.hopSamples;
    if (audio.length <= windowSamples) return this.transcribeWindow(audio, opts, true);
    const parts: Transcript[] = [];
    for (const [start, end] of splitIntoWindows(audio, { maxSamples: windowSamples })) {
      parts.push(await this.transcribeWindow(audio.subarray(start, end), opts, false));
    }
    return { ...joinTranscripts(parts), heardId: this.kept.skip() };
  }

  /** A token's text for the name trie: its leading space kept, nothing for special and timestamp tokens. */
  private readonly tokenText = memoizedTokenText((token) => this.tokenizer.decode([token]));

  /** The names constrained decoding may write (useNames); Whisper writes a word after a space. */
  private readonly slots = new NameSlots(() => ({
    encode: (text) => this.tokenizer.encode(' ' + text),
    tokenText: (token) => this.tokenText(token),
    vocabSize: this.model.architecture.vocabSize,
    endOfText: this.tokenizer.special.endOfText,
  }));

  /** The last utterance's encoder output and the language it was decoded in, for scoreTranscripts. */
  private readonly kept = new KeptEncoding<{ language: string | undefined }>();

  /** `keep`: keep the window's encoder output for scoreTranscripts (a whole utterance, not one window of many). */
  private async transcribeWindow(audio: Float32Array, opts: DecodeOptions, keep: boolean): Promise<Transcript> {
    checkBeamSize(opts.beamSize);
    const { Tensor } = this.ort;
    const arch = this.model.architecture;
    const t0 = this.clock();

    const window = opts.contextMarginFrames === undefined ? this.window : { ...this.window, marginFrames: opts.contextMarginFrames };
    const frames = this.variableLength && opts.fitContext ? contextFrames(audio.length, window) : this.window.maxFrames;
    // Long audio keeps the full window even with fitContext (context-window.ts, maxCutFrames).
    const cut = frames < this.window.maxFrames;
    // Over a cut window the end of the transcript is found from its timestamps (audio-end-rule.ts).
    const timestamps = opts.timestamps || cut;
    const features = this.logMel.compute(audio, frames);
    const t1 = this.clock();

    const input = new Tensor('float32', features, [1, arch.melBins, frames]);
    const encoded = await this.encoder.run({ input_features: input }, ['last_hidden_state']);
    const hidden = encoded.last_hidden_state;
    const t2 = this.clock();

    const language = this.config.isMultilingual ? opts.language : undefined;
    const prompt = buildPrompt(
      this.tokenizer,
      { language, task: opts.task, timestamps, previousText: opts.prompt },
      arch.maxTargetPositions,
    );
    const special = this.tokenizer.special;
    // Whisper never lets prompt plus output exceed the 448-position text context.
    const contextBudget = Math.min(opts.maxNewTokens, arch.maxTargetPositions - prompt.ids.length);
    const budget = opts.safeguards ? tokenBudget(audio.length, SAMPLE_RATE, { ...WHISPER_TOKEN_BUDGET, maxNewTokens: contextBudget }) : contextBudget;
    const rules = this.rules(timestamps, cut ? audio.length / SAMPLE_RATE : undefined);
    const stopChecks: StopCheck[] = [];
    // Over a cut window (audio of at most 10 s: a query) two copies already make a loop: tiny wrote
    // "Breast runs near the eye-filled hour in Paris." twice, then ran out of tokens, for the
    // committed restaurants-eiffel-tower recording. Longer audio, where people do say a sentence
    // twice, needs three (repetition-guard.ts).
    if (opts.safeguards) stopChecks.push(new RepetitionGuard({ firstNonTextToken: special.timestampBegin, ...(cut && { minRepeats: 2 }) }));
    // A cut window's other loop: the words again as a second segment (repetition-guard.ts).
    if (cut) stopChecks.push(new RepeatedSegmentGuard(special.timestampBegin));
    const safeguards = DEFAULT_SAFEGUARDS;
    const random = seededRandom(safeguards.samplingSeed);
    // Temperature fallback (safeguards.ts): decode again, hotter, while the text looks like a
    // loop or is improbable; the encoder's output is reused, only the decoder runs again.
    const temperatures = opts.safeguards ? safeguards.temperatures : [0];
    const cacheShape = { layers: arch.decoderLayers, heads: arch.decoderHeads, headDim: arch.headDim };
    const search = {
      prompt: prompt.ids,
      vocabSize: arch.vocabSize,
      endOfText: special.endOfText,
      maxNewTokens: budget,
      rules,
      probe: { token: special.noSpeech, atPromptIndex: prompt.startOfTranscriptIndex },
      shouldStop: opts.shouldStop,
      stopChecks,
    };
    // The budget ran out mid-loop: drop the unfinished copy (repetition-guard.ts).
    const dropUnfinishedLoop = <S extends { tokens: number[]; stopReason: StopReason }>(s: S): S => {
      if (!opts.safeguards || s.stopReason !== 'max-tokens') return s;
      const keep = trimUnfinishedLoop(s.tokens, undefined, special.timestampBegin);
      return keep === undefined ? s : { ...s, tokens: s.tokens.slice(0, keep), stopReason: 'repetition' };
    };
    // Beam search at temperature 0 only; hotter attempts sample greedily, as openai/whisper's
    // decode_with_fallback drops beam_size above 0 (`whisper/transcribe.py`; decode-utterance.ts).
    type Attempt = GreedyDecodeResult & { temperature: number; sequences?: BeamSequence[] };
    const attempts: Attempt[] = [];
    let passed: Attempt | undefined;
    let steps = 0;
    try {
      for (const temperature of temperatures) {
        const decoder = { session: this.decoder, Tensor, cacheShape, fetches: this.decoderFetches };
        let result = await decodeUtterance(decoder, hidden, { ...search, temperature, random }, opts.beamSize);
        steps += result.steps;
        result = dropUnfinishedLoop(result);
        if (result.sequences) result = { ...result, sequences: result.sequences.map(dropUnfinishedLoop) };
        attempts.push({ ...result, temperature });
        const check = {
          compressionRatio: compressionRatio(this.tokenizer.decode(result.tokens)),
          avgLogprob: result.avgLogprob,
          noSpeechProb: result.probeProbability,
        };
        if (opts.shouldStop?.() || !needsFallback(check, safeguards)) {
          passed = attempts[attempts.length - 1];
          break;
        }
      }
    } catch (error) {
      hidden.dispose();
      throw error;
    }
    let heardId = 0;
    if (keep) heardId = this.kept.keep(hidden, { language });
    else hidden.dispose();
    const t3 = this.clock();
    // When every temperature fails, Whisper keeps the hottest attempt; a search box is better
    // served by the most probable one (safeguards.ts, mostProbable): at 1.0 tiny wrote
    // "ura ji aluiini" for a clear "Berlin." whose greedy decode was merely unsure.
    const result = passed ?? mostProbable(attempts);
    const temperature = result.temperature;

    const text = this.tokenizer.decode(result.tokens).trim();
    const noSpeech = heardNothing({ noSpeechProb: result.probeProbability, avgLogprob: result.avgLogprob, text }, safeguards);
    const silenced = opts.safeguards && noSpeech;
    // The n-best list comes from the beam search; when a hotter attempt was kept instead, it leads
    // and the beam's hypotheses follow as further candidates.
    const searched = attempts.find((a) => a.sequences)?.sequences;
    const alternatives =
      searched && !silenced
        ? nBestAlternatives(result.sequences ?? [result, ...searched], (tokens) => this.tokenizer.decode(tokens))
        : undefined;
    return {
      heardId,
      // Whisper drops a segment its no-speech rule calls silence (transcribe.py, should_skip);
      // the safeguards also drop subtitle filler said on weak evidence (safeguards.ts heardNothing).
      text: silenced ? '' : text,
      tokens: result.tokens,
      avgLogprob: result.avgLogprob,
      noSpeechProb: result.probeProbability,
      noSpeech,
      temperature,
      stopReason: result.stopReason,
      language: language ?? 'en',
      audioSeconds: audio.length / SAMPLE_RATE,
      timings: stageTimings(t0, t1, t2, t3, result.tokens.length, steps),
      ...(alternatives && { alternatives }),
    };
  }

  /**
   * The rule chain for one decode, in openai/whisper's order (`whisper/decoding.py`
   * DecodingTask.__init__): suppress blank, suppress tokens, then timestamp rules, and last, over
   * a cut window (`audioSeconds` given), the rule that ends the transcript with the audio.
   */
  private rules(timestamps: boolean, audioSeconds?: number): LogitsRule[] {
    const special = this.tokenizer.special;
    const rules: LogitsRule[] = [
      new SuppressBlank(this.config.beginSuppressTokens),
      // generation_config's list plus the control tokens Whisper adds in _get_suppress_tokens.
      new SuppressTokens([
        ...this.config.suppressTokens,
        special.transcribe,
        special.translate,
        special.startOfTranscript,
        special.startOfPrev,
        special.startOfLm,
        special.noSpeech,
      ]),
    ];
    if (timestamps) {
      rules.push(
        new TimestampRules({ timestampBegin: special.timestampBegin, noTimestamps: special.noTimestamps, endOfText: special.endOfText }),
      );
    }
    if (timestamps && audioSeconds !== undefined) {
      rules.push(
        new AudioEndRule(
          { timestampBegin: special.timestampBegin, endOfText: special.endOfText, secondsPerTimestamp: SECONDS_PER_TIMESTAMP },
          { audioSeconds },
        ),
      );
    }
    return rules;
  }

  /** The encoder over a query-length window (cut as a real query's is) and the decoder's passes; warm-up.ts. */
  warmUp(options: Partial<WarmUpOptions> = {}): Promise<WarmUpReport> {
    const arch = this.model.architecture;
    const { Tensor } = this.ort;
    const timestamps = this.variableLength && DEFAULT_DECODE_OPTIONS.fitContext;
    const prompt = buildPrompt(this.tokenizer, { language: this.config.isMultilingual ? DEFAULT_DECODE_OPTIONS.language : undefined, task: 'transcribe', timestamps, previousText: '' }, arch.maxTargetPositions);
    const encode = async (audio: Float32Array) => {
      const frames = timestamps ? contextFrames(audio.length, this.window) : this.window.maxFrames;
      const input = new Tensor('float32', this.logMel.compute(audio, frames), [1, arch.melBins, frames]);
      return (await this.encoder.run({ input_features: input }, ['last_hidden_state'])).last_hidden_state;
    };
    const cacheShape = { layers: arch.decoderLayers, heads: arch.decoderHeads, headDim: arch.headDim };
    const decoder = { session: this.decoder, Tensor, cacheShape, fetches: this.decoderFetches };
    return warmUp({ encode, decoder, prompt: prompt.ids, vocabSize: arch.vocabSize, endOfText: this.tokenizer.special.endOfText }, options, this.clock);
  }

  /**
   * Candidates scored after the no-timestamps prompt (a text has no timestamps to force) in the
   * utterance's language, under the decode's own suppression rules, so the greedy transcript of
   * an uncut window scores its `sumLogprob` (teacher-forced.ts).
   */
  async scoreTranscripts(heardId: number, candidates: readonly TranscriptCandidate[], { tokenByToken = false }: Partial<ScoreOptions> = {}): Promise<TranscriptScore[]> {
    const { hidden, context } = this.kept.get(heardId);
    const arch = this.model.architecture;
    const prompt = buildPrompt(this.tokenizer, { language: context.language, task: 'transcribe', timestamps: false, previousText: '' }, arch.maxTargetPositions);
    const sequences = candidates.map((c) => (typeof c === 'string' ? this.tokenizer.encode(' ' + c.trim()) : c));
    const cacheShape = { layers: arch.decoderLayers, heads: arch.decoderHeads, headDim: arch.headDim };
    const decoder = { session: this.decoder, Tensor: this.ort.Tensor, cacheShape, fetches: this.decoderFetches };
    return scoreSequences(decoder, hidden, { prompt: prompt.ids, sequences, endOfText: this.tokenizer.special.endOfText, vocabSize: arch.vocabSize, rules: this.rules(false), tokensPerPass: tokenByToken ? 1 : 'all' });
  }

  useNames(names: readonly string[]): void {
    this.slots.use(names);
  }

  /** As scoreTranscripts, on the kept window, in the utterance's language. */
  async completeNames(heardId: number, prefixes: readonly string[], options: Partial<NameCompletionOptions> = {}): Promise<SlotName[][]> {
    const { hidden, context } = this.kept.get(heardId);
    const arch = this.model.architecture;
    const prompt = buildPrompt(this.tokenizer, { language: context.language, task: 'transcribe', timestamps: false, previousText: '' }, arch.maxTargetPositions);
    const cacheShape = { layers: arch.decoderLayers, heads: arch.decoderHeads, headDim: arch.headDim };
    const decoder = { session: this.decoder, Tensor: this.ort.Tensor, cacheShape, fetches: this.decoderFetches };
    return this.slots.complete(decoder, hidden, prompt.ids, prefixes, options);
  }

  async release(): Promise<void> {
    this.kept.release();
    await this.encoder.release();
    await this.decoder.release();
  }
}

/** One transcript from consecutive windows' transcripts: texts and tokens in order, stats pooled. */
function joinTranscripts(parts: Transcript[]): Omit<Transcript, 'heardId'> {
  const sum = (pick: (t: Transcript) => number) => parts.reduce((n, t) => n + pick(t), 0);
  const weights = sum((t) => t.tokens.length + 1);
  const decoderMs = sum((t) => t.timings.decoderMs);
  const tokens = parts.flatMap((t) => t.tokens);
  return {
    text: parts.map((t) => t.text).filter(Boolean).join(' '),
    tokens,
    avgLogprob: sum((t) => t.avgLogprob * (t.tokens.length + 1)) / weights,
    // Speech anywhere counts: the window most likely to hold speech decides.
    noSpeechProb: Math.min(...parts.map((t) => t.noSpeechProb)),
    noSpeech: parts.every((t) => t.noSpeech),
    temperature: Math.max(...parts.map((t) => t.temperature)),
    // The most telling reason any window stopped early, else end-of-text.
    stopReason: parts.find((t) => t.stopReason === 'repetition')?.stopReason ?? parts.find((t) => t.stopReason === 'max-tokens')?.stopReason ?? 'end-of-text',
    language: parts[0].language,
    audioSeconds: sum((t) => t.audioSeconds),
    timings: {
      featuresMs: sum((t) => t.timings.featuresMs),
      encoderMs: sum((t) => t.timings.encoderMs),
      decoderMs,
      totalMs: sum((t) => t.timings.totalMs),
      decoderSteps: sum((t) => t.timings.decoderSteps),
      tokensPerSecond: decoderMs > 0 ? weights / (decoderMs / 1000) : 0,
    },
  };
}
