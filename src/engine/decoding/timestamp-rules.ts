import type { DecodingState, LogitsRule } from './logits-rule';
import { logSumExp } from './log-softmax';

export interface TimestampRuleTokens {
  /** `<|0.00|>`: the first timestamp token; every id at or above it is a timestamp. */
  timestampBegin: number;
  noTimestamps: number;
  endOfText: number;
}

/**
 * Whisper's timestamp grammar, when decoding with timestamps. Mirrors openai/whisper
 * `whisper/decoding.py` ApplyTimestampRules (release v20231117):
 * 1. `<|notimestamps|>` is never sampled.
 * 2. Timestamps come in pairs (segment end, next segment start), except right before end-of-text:
 *    after a lone timestamp the next token must be a timestamp or end-of-text; after a pair, text.
 * 3. Timestamps never go backwards, and after a pair the next one must be strictly later.
 * 4. The first token is a timestamp no later than `maxInitialTimestampIndex` steps (0.02 s each).
 * 5. If the total probability of all timestamps beats the most likely text token, emit a timestamp.
 */
export class TimestampRules implements LogitsRule {
  constructor(
    private readonly tokens: TimestampRuleTokens,
    /** Latest allowed first timestamp, in 0.02 s steps (Whisper: 1.0 s → 50). */
    private readonly maxInitialTimestampIndex = 50,
  ) {}

  apply(logits: Float32Array, state: DecodingState): void {
    const { timestampBegin, noTimestamps, endOfText } = this.tokens;
    const seq = state.generated;
    const vocab = logits.length;
    logits[noTimestamps] = -Infinity;

    const n = seq.length;
    const lastWasTimestamp = n >= 1 && seq[n - 1] >= timestampBegin;
    const penultimateWasTimestamp = n < 2 || seq[n - 2] >= timestampBegin;
    if (lastWasTimestamp) {
      if (penultimateWasTimestamp) logits.fill(-Infinity, timestampBegin, vocab);
      else logits.fill(-Infinity, 0, endOfText);
    }

    let lastTimestamp = -1;
    for (let i = n - 1; i >= 0; i--) {
      if (seq[i] >= timestampBegin) {
        lastTimestamp = seq[i];
        break;
      }
    }
    if (lastTimestamp >= 0) {
      const floor = lastWasTimestamp && !penultimateWasTimestamp ? lastTimestamp : lastTimestamp + 1;
      logits.fill(-Infinity, timestampBegin, floor);
    }

    if (n === 0) {
      logits.fill(-Infinity, 0, timestampBegin);
      logits.fill(-Infinity, timestampBegin + this.maxInitialTimestampIndex + 1, vocab);
    }

    const logZ = logSumExp(logits);
    const timestampLogprob = logSumExp(logits, timestampBegin, vocab) - logZ;
    let maxText = -Infinity;
    for (let i = 0; i < timestampBegin; i++) if (logits[i] > maxText) maxText = logits[i];
    if (timestampLogprob > maxText - logZ) logits.fill(-Infinity, 0, timestampBegin);
  }
}
