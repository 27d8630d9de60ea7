import { applyRules, type LogitsRule } from './logits-rule';
import { argmax, logSumExp } from './log-softmax';
import { sampleToken } from './sampling';
import type { StopCheck, StopReason } from './stop-check';

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
  /** Run after each generated token, in order; the first that stops decoding decides what is kept. */
  stopChecks?: readonly StopCheck[];
  /** 0 (default): the most likely token. Above 0: sampled from softmax(logits / temperature) with `random`. */
  temperature?: number;
  /** Uniform [0, 1) source for sampling (sampling.ts seededRandom); required when temperature > 0. */
  random?: () => number;
}

export interface GreedyDecodeResult {
  /** Generated ids, end-of-text excluded. */
  tokens: number[];
  /**
   * Sum of the kept tokens' log-probabilities after the rules, end-of-text included when it was
   * chosen (tokens a stop check dropped do not count).
   */
  sumLogprob: number;
  /** Whisper's avg_logprob: sumLogprob / (tokens + 1), the +1 for end-of-text. */
  avgLogprob: number;
  probeProbability: number;
  stopReason: StopReason;
  steps: number;
}

/**
 * Greedy search: the most likely token at each step, after the rules (temperature 0), or a token
 * sampled at a temperature, as openai/whisper's GreedyDecoder does for its fallback. Log-prob
 * accounting mirrors openai/whisper `whisper/decoding.py` GreedyDecoder.update (log-softmax of the
 * unscaled logits) and DecodingTask.run (avg_logprob = sum_logprobs / (len(tokens) + 1)).
 */
export async function decodeGreedy(step: DecoderStep, options: GreedyDecodeOptions): Promise<GreedyDecodeResult> {
  const { prompt, vocabSize, endOfText, maxNewTokens, rules, probe, shouldStop, stopChecks = [], temperature = 0, random } = options;
  if (temperature > 0 && !random) throw new Error('decodeGreedy: sampling at a temperature needs a random source');
  const tokens: number[] = [];
  const logprobs: number[] = [];
  let endLogprob = 0;
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
    const next = temperature > 0 ? sampleToken(logits, temperature, random!) : argmax(logits);
    const logprob = logits[next] - logSumExp(logits);
    if (next === endOfText) {
      endLogprob = logprob;
      stopReason = 'end-of-text';
      break;
    }
    tokens.push(next);
    logprobs.push(logprob);
    const decision = firstStop(stopChecks, tokens);
    if (decision) {
      tokens.length = logprobs.length = decision.keep;
      stopReason = decision.reason;
      break;
    }
    input = [next];
  }
  const sumLogprob = logprobs.reduce((sum, lp) => sum + lp, 0) + endLogprob;
  return { tokens, sumLogprob, avgLogprob: sumLogprob / (tokens.length + 1), probeProbability, stopReason, steps };
}

function firstStop(checks: readonly StopCheck[], tokens: readonly number[]) {
  for (const check of checks) {
    const decision = check.check(tokens);
    if (decision) return decision;
  }
  return undefined;
}
