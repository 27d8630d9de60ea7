/**
 * How many tokens a model may generate for an utterance: a rate per second of audio, and never
 * more than the caller's maxNewTokens. Speech carries only so many tokens per second, so a
 * transcript longer than that is a loop or made up (a 2 s query cannot hold a paragraph).
 *
 * Moonshine has no fixed text context like Whisper's 448 positions, and on silence or noise it
 * can repeat itself until something stops it. Its rate: Useful Sensors' model card and Hugging Face's Moonshine docs limit generation to
 * `int(samples * 6.5 / 16000)` (`token_limit_factor = 6.5 / sampling_rate`); their own ONNX
 * runner (usefulsensors/moonshine `moonshine-onnx/src/model.py`, `MoonshineOnnxModel.generate`: "max 6 tokens per second of audio") and moonshine-js 0.1.15
 * (`src/model.ts`, `maxLen = trunc(seconds * 6)`) use 6. We take 6.5 (models/manifest.json,
 * `maxTokensPerSecond`), rounded up so that a short query keeps at least one token per started
 * 1/6.5 s, and at least `minTokens` so a one-word utterance is never cut.
 *
 * Whisper's output also holds punctuation and, when decoding with timestamps, two timestamp
 * tokens per segment, so it gets a looser rate (WHISPER_TOKEN_BUDGET): fast English speech is
 * about 4 words/s and its BPE spends about 1.3 tokens per word.
 */
export interface TokenBudgetOptions {
  /** Tokens allowed per second of audio. */
  tokensPerSecond: number;
  /** The caller's cap (DecodeOptions.maxNewTokens). */
  maxNewTokens: number;
  /** Floor for very short audio. */
  minTokens: number;
}

export const DEFAULT_MIN_TOKENS = 4;

/** Whisper's budget: 8 tokens/s, at least 16 (a short query with timestamps and punctuation). */
export const WHISPER_TOKEN_BUDGET: Omit<TokenBudgetOptions, 'maxNewTokens'> = { tokensPerSecond: 8, minTokens: 16 };

/** Most tokens to generate (end-of-text not counted) for `samples` of 16 kHz audio. */
export function tokenBudget(samples: number, sampleRate: number, options: TokenBudgetOptions): number {
  const byRate = Math.ceil((samples / sampleRate) * options.tokensPerSecond);
  return Math.min(options.maxNewTokens, Math.max(options.minTokens, byRate));
}
