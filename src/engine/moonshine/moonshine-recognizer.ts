import type { InferenceSession, Tensor } from 'onnxruntime-common';
import { decodeGreedy, type DecoderStep } from '../decoding/decode-greedy';
import { KvCache } from '../decoding/kv-cache';
import type { MoonshineModelEntry } from '../model-manifest';
import { DEFAULT_DECODE_OPTIONS, type DecodeOptions, type Recognizer, type RecognizerOptions } from '../recognizer';
import { defaultClock, type Clock, type OnnxRuntime } from '../runtime';
import type { Transcript } from '../transcript';
import { moonshineInput } from './front-end';
import { moonshinePrompt } from './prompt';
import { DEFAULT_MIN_TOKENS, moonshineTokenBudget } from './token-budget';
import { SentencePieceDecoder, type MoonshineTokenizer } from './tokenizer';

const SAMPLE_RATE = 16_000;

/**
 * Moonshine as an encoder (raw audio → hidden states, once per utterance) and a merged decoder
 * with a KV cache, driven by the same greedy loop and cache as Whisper. What differs is small and
 * lives beside this file: the front end (none: raw samples), the prompt (one start token), the
 * tokenizer (SentencePiece pieces) and the stop rule (end-of-text or a per-second token budget).
 *
 * Options that only mean something to Whisper (language, task, timestamps, prompt) are ignored:
 * the English Moonshine models have no such tokens. `noSpeechProb` is NaN: Moonshine has no
 * no-speech token, so it has no such score (voice activity detection upstream does that job).
 */
export class MoonshineRecognizer implements Recognizer {
  private constructor(
    readonly model: MoonshineModelEntry,
    private readonly ort: OnnxRuntime,
    private readonly encoder: InferenceSession,
    private readonly decoder: InferenceSession,
    private readonly tokenizer: MoonshineTokenizer,
    private readonly clock: Clock,
    /** Decoder outputs worth fetching: logits and the cache. */
    private readonly decoderFetches: string[],
  ) {}

  static async create({ ort, model, fetchFile, sessionOptions, clock = defaultClock }: RecognizerOptions<MoonshineModelEntry>): Promise<MoonshineRecognizer> {
    const [encoderBytes, decoderBytes, vocabulary] = await Promise.all([
      fetchFile('encoder'),
      fetchFile('decoder'),
      fetchFile('vocab').then((b) => new TextDecoder().decode(b)),
    ]);
    const tokenizer = SentencePieceDecoder.fromVocabularyText(vocabulary);
    // One after the other, as for Whisper: no gain from parallel creation on WASM, double the peak memory.
    const encoder = await ort.InferenceSession.create(encoderBytes, sessionOptions);
    const decoder = await ort.InferenceSession.create(decoderBytes, sessionOptions);
    const fetches = decoder.outputNames.filter((n) => n === 'logits' || n.startsWith('present.'));
    return new MoonshineRecognizer(model, ort, encoder, decoder, tokenizer, clock, fetches);
  }

  async transcribe(audio: Float32Array, options: Partial<DecodeOptions> = {}): Promise<Transcript> {
    const opts = { ...DEFAULT_DECODE_OPTIONS, ...options };
    const { Tensor } = this.ort;
    const arch = this.model.architecture;
    const t0 = this.clock();

    const samples = moonshineInput(audio);
    const input = new Tensor('float32', samples, [1, samples.length]);
    const t1 = this.clock();

    const encoded = await this.encoder.run({ input_values: input }, ['last_hidden_state']);
    const hidden = encoded.last_hidden_state;
    const t2 = this.clock();

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

    const budget = moonshineTokenBudget(audio.length, SAMPLE_RATE, {
      tokensPerSecond: arch.maxTokensPerSecond,
      maxNewTokens: opts.maxNewTokens,
      minTokens: DEFAULT_MIN_TOKENS,
    });
    let result;
    try {
      result = await decodeGreedy(step, {
        prompt: moonshinePrompt(arch),
        vocabSize: arch.vocabSize,
        endOfText: arch.endOfTextTokenId,
        maxNewTokens: budget,
        // Plain argmax, as Moonshine's own runners decode: no suppression or timestamp rules.
        rules: [],
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
      noSpeechProb: NaN,
      stopReason: result.stopReason,
      language: 'en',
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

  async release(): Promise<void> {
    await this.encoder.release();
    await this.decoder.release();
  }
}
