import type { InferenceSession, Tensor } from 'onnxruntime-common';
import { decodeGreedy, type DecoderStep } from '../decoding/decode-greedy';
import { KvCache } from '../decoding/kv-cache';
import type { LogitsRule } from '../decoding/logits-rule';
import { SuppressBlank } from '../decoding/suppress-blank';
import { SuppressTokens } from '../decoding/suppress-tokens';
import { TimestampRules } from '../decoding/timestamp-rules';
import type { WhisperModelEntry } from '../model-manifest';
import { DEFAULT_DECODE_OPTIONS, type DecodeOptions, type Recognizer, type RecognizerOptions } from '../recognizer';
import { defaultClock, type Clock, type OnnxRuntime } from '../runtime';
import type { Transcript } from '../transcript';
import { parseGenerationConfig, type WhisperGenerationConfig } from './generation-config';
import { LogMelSpectrogram } from './log-mel';
import { buildPrompt } from './prompt';
import { WhisperTokenizer } from './tokenizer';

const SAMPLE_RATE = 16_000;

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
  ) {}

  static async create({ ort, model, fetchFile, sessionOptions, clock = defaultClock }: RecognizerOptions<WhisperModelEntry>): Promise<WhisperRecognizer> {
    const text = new TextDecoder();
    const [encoderBytes, decoderBytes, tokenizerJson, generationJson] = await Promise.all([
      fetchFile('encoder'),
      fetchFile('decoder'),
      fetchFile('tokenizer').then((b) => text.decode(b)),
      fetchFile('generationConfig').then((b) => text.decode(b)),
    ]);
    const tokenizer = WhisperTokenizer.fromJson(tokenizerJson);
    const config = parseGenerationConfig(generationJson);
    // Sessions one after the other: creating both at once doubles peak memory for no gain on
    // WASM, where initialisation is single-threaded.
    const encoder = await ort.InferenceSession.create(encoderBytes, sessionOptions);
    const decoder = await ort.InferenceSession.create(decoderBytes, sessionOptions);
    const fetches = decoder.outputNames.filter((n) => n === 'logits' || n.startsWith('present.'));
    const logMel = new LogMelSpectrogram({ nMels: model.architecture.melBins, nFrames: model.architecture.maxSourcePositions * 2 });
    return new WhisperRecognizer(model, ort, encoder, decoder, tokenizer, config, logMel, clock, fetches);
  }

  async transcribe(audio: Float32Array, options: Partial<DecodeOptions> = {}): Promise<Transcript> {
    const opts = { ...DEFAULT_DECODE_OPTIONS, ...options };
    const { Tensor } = this.ort;
    const arch = this.model.architecture;
    const t0 = this.clock();

    const features = this.logMel.compute(audio);
    const t1 = this.clock();

    const input = new Tensor('float32', features, [1, arch.melBins, this.logMel.options.nFrames]);
    const encoded = await this.encoder.run({ input_features: input }, ['last_hidden_state']);
    const hidden = encoded.last_hidden_state;
    const t2 = this.clock();

    const language = this.config.isMultilingual ? opts.language : undefined;
    const prompt = buildPrompt(
      this.tokenizer,
      { language, task: opts.task, timestamps: opts.timestamps, previousText: opts.prompt },
      arch.maxTargetPositions,
    );
    const cache = new KvCache(Tensor, { layers: arch.decoderLayers, heads: arch.decoderHeads, headDim: arch.headDim });
    cache.reset();
    let firstPass = true;
    const step: DecoderStep = async (ids) => {
      const feeds: Record<string, Tensor> = {
        input_ids: new Tensor('int64', BigInt64Array.from(ids, BigInt), [1, ids.length]),
        encoder_hidden_states: hidden,
        use_cache_branch: new Tensor('bool', Uint8Array.of(firstPass ? 0 : 1), [1]),
      };
      cache.feed(feeds);
      const outputs = await this.decoder.run(feeds, this.decoderFetches);
      cache.update(outputs, firstPass);
      firstPass = false;
      return outputs.logits.data as Float32Array;
    };

    const special = this.tokenizer.special;
    // Whisper never lets prompt plus output exceed the 448-position text context.
    const budget = Math.min(opts.maxNewTokens, arch.maxTargetPositions - prompt.ids.length);
    let result;
    try {
      result = await decodeGreedy(step, {
        prompt: prompt.ids,
        vocabSize: arch.vocabSize,
        endOfText: special.endOfText,
        maxNewTokens: budget,
        rules: this.rules(opts),
        probe: { token: special.noSpeech, atPromptIndex: prompt.startOfTranscriptIndex },
        shouldStop: opts.shouldStop,
      });
    } finally {
      cache.dispose();
      hidden.dispose();
    }
    const t3 = this.clock();

    const decoderMs = t3 - t2;
    return {
      text: this.tokenizer.decode(result.tokens).trim(),
      tokens: result.tokens,
      avgLogprob: result.avgLogprob,
      noSpeechProb: result.probeProbability,
      stopReason: result.stopReason,
      language: language ?? 'en',
      audioSeconds: audio.length / SAMPLE_RATE,
      timings: {
        featuresMs: t1 - t0,
        encoderMs: t2 - t1,
        decoderMs,
        totalMs: t3 - t0,
        decoderSteps: result.steps,
        tokensPerSecond: decoderMs > 0 ? (result.tokens.length + 1) / (decoderMs / 1000) : 0,
      },
    };
  }

  /**
   * The rule chain for one decode, in openai/whisper's order (`whisper/decoding.py`
   * DecodingTask.__init__): suppress blank, suppress tokens, then timestamp rules.
   */
  private rules(opts: DecodeOptions): LogitsRule[] {
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
    if (opts.timestamps) {
      rules.push(
        new TimestampRules({ timestampBegin: special.timestampBegin, noTimestamps: special.noTimestamps, endOfText: special.endOfText }),
      );
    }
    return rules;
  }

  async release(): Promise<void> {
    await this.encoder.release();
    await this.decoder.release();
  }
}
