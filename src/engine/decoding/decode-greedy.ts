import { applyRules, type LogitsRule } from './logits-rule';
import { argmax, logSumExp } from './log-softmax';

/**
 * One forward pass of an autoregressive decoder that keeps its own KV cache: given the new input
 * ids (the whole prompt on the first call, then the single previous token), it returns the logits
 * of every new position, [ids.length × vocab] row-major.
 */
export interface DecoderStep {
  (inputIds: readonly number[]): Promise<Float32Array>;
}

export interface GreedyDecodeOptions {
  /** Tokens fed on the first pass (e.g. Whisper's start-of-transcript, language, task…). */
  prompt: readonly number[];
  vocabSize: number;
  endOfText: number;
  /** Most tokens to generate after the prompt, end-of-text excluded. */
  maxNewTokens: number;
  rules: readonly LogitsRule[];
  /**
   * If set, the probability of this token at prompt position `atPromptIndex` is reported
   * (Whisper's no-speech probability, read from raw logits at the start-of-transcript position).
   */
  probe?: { token: number; atPromptIndex: number };
  /** Checked before each step; returning true stops decoding early (as if max tokens were hit). */
  shouldStop?: () => boolean;
}

export interface GreedyDecodeResult {
  /** Generated ids, end-of-text excluded. */
  tokens: number[];
  /** Sum of the chosen tokens' log-probabilities after the rules, end-of-text included. */
  sumLogprob: number;
  /** Whisper's avg_logprob: sumLogprob / (tokens + 1), the +1 for end-of-text. */
  avgLogprob: number;
  probeProbability: number;
  stopReason: 'end-of-text' | 'max-tokens';
  steps: number;
}

/**
 * Greedy search (temperature 0): the most likely token at each step, after the rules. Log-prob
 * accounting mirrors openai/whisper `whisper/decoding.py` GreedyDecoder.update and
 * DecodingTask.run (avg_logprob = sum_logprobs / (len(tokens) + 1)).
 */
export async function decodeGreedy(step: DecoderStep, options: GreedyDecodeOptions): Promise<GreedyDecodeResult> {
  const { prompt, vocabSize, endOfText, maxNewTokens, rules, probe, shouldStop } = options;
  const tokens: number[] = [];
  let sumLogprob = 0;
  let probeProbability = NaN;
  let stopReason: GreedyDecodeResult['stopReason'] = 'max-tokens';
  let steps = 0;
  let input: readonly number[] = prompt;
  const state = { generated: tokens };

  while (tokens.length < maxNewTokens && !shouldStop?.()) {
    const logitsAll = await step(input);
    steps++;
    const positions = logitsAll.length / vocabSize;
    if (steps === 1 && probe) {
      const row = logitsAll.subarray(probe.atPromptIndex * vocabSize, (probe.atPromptIndex + 1) * vocabSize);
      probeProbability = Math.exp(row[probe.token] - logSumExp(row));
    }
    // Rules edit the row in place: copy it so the caller's buffer (an ORT output) stays intact.
    const logits = logitsAll.slice((positions - 1) * vocabSize, positions * vocabSize);
    applyRules(rules, logits, state);
    const next = argmax(logits);
    sumLogprob += logits[next] - logSumExp(logits);
    if (next === endOfText) {
      stopReason = 'end-of-text';
      break;
    }
    tokens.push(next);
    input = [next];
  }
  return { tokens, sumLogprob, avgLogprob: sumLogprob / (tokens.length + 1), probeProbability, stopReason, steps };
}
