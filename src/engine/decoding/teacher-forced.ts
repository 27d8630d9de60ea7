import type { Tensor } from 'onnxruntime-common';
import type { MergedDecoder } from './decode-utterance';
import { applyRules, type LogitsRule } from './logits-rule';
import { logSumExp } from './log-softmax';
import { batchedMergedDecoderStep } from './merged-decoder-batch';

/**
 * Teacher forcing: how likely the decoder finds given token sequences for an utterance whose
 * encoder output it already has — the recogniser listening again to candidate transcripts
 * instead of writing its own. The score of a sequence is the sum of the log-softmax of its tokens
 * and of end-of-text after them, the same accounting as the greedy loop (decode-greedy.ts).
 *
 * How it runs, per group of rows: the prompt once at batch 1 without a cache, as every decode
 * starts (its last position gives every row's first distribution), then the rows' tokens in one
 * cached pass, [rows, longest] with the prompt's cache tiled (merged-decoder-batch.ts), so one
 * pass scores every token of every row. Not one uncached pass over prompt and tokens: measured on
 * moonshine-tiny-q8 the uncached branch is not causal beyond a one-token prompt (the first
 * position's log-probability moved from −1.93 to −2.13 nats when later tokens were appended);
 * the cached branch is. The 8-bit decoders quantize activations per tensor as they run, so a
 * multi-token pass differs from token-by-token decoding by a few hundredths of a nat per token;
 * `tokensPerPass: 1` decodes token by token, as the greedy loop does, and then the greedy
 * transcript scores exactly its `sumLogprob` (teacher-forcing.test.ts).
 *
 * Rows that share a prefix share its distribution (the decoder is causal): each distinct
 * prefix's distribution is normalised once, from the first row that has it — candidate
 * transcripts differ only in the place they name, so most of their positions are shared.
 */
export interface TeacherForcedOptions {
  /** Ids before every sequence (the family's decoder prompt). */
  prompt: readonly number[];
  /** Token ids to score after the prompt, end-of-text excluded (it is scored after each). */
  sequences: readonly (readonly number[])[];
  endOfText: number;
  vocabSize: number;
  /** Rules applied to each position's logits before the log-softmax, as in the decode; default none. */
  rules?: readonly LogitsRule[];
  /**
   * Rows per group: more is fewer passes but a larger logits output ([rows, longest, vocab]
   * floats copied out of the runtime). Default DEFAULT_ROWS_PER_PASS.
   */
  rowsPerPass?: number;
  /** Tokens per row per pass: all of them at once (default), or 1, token by token as the greedy loop. */
  tokensPerPass?: 'all' | 1;
}

export const DEFAULT_ROWS_PER_PASS = 16;

export interface SequenceScore {
  /** Sum of the tokens' log-probabilities and of end-of-text after them. */
  sumLogprob: number;
  /** Tokens scored, end-of-text included. */
  scoredTokens: number;
}

interface Distribution {
  row: Float32Array;
  logNorm: number;
  forbidden: ReadonlySet<number>;
}

export async function scoreSequences(decoder: MergedDecoder, encoderHidden: Tensor, options: TeacherForcedOptions): Promise<SequenceScore[]> {
  const { prompt, sequences, endOfText, vocabSize, rules = [], rowsPerPass = DEFAULT_ROWS_PER_PASS, tokensPerPass = 'all' } = options;
  if (prompt.length === 0) throw new Error('teacher forcing: the prompt must hold at least the start token');
  const scores: SequenceScore[] = new Array(sequences.length);
  // Similar lengths share a pass, so little of it is padding.
  const order = sequences.map((_, i) => i).sort((a, b) => sequences[a]!.length - sequences[b]!.length);
  /** Per distinct prefix (ids after the prompt): its distribution, normalised once. */
  const distributions = new Map<string, Distribution>();
  const distribution = (prefix: readonly number[], row: () => Float32Array) => {
    const key = prefix.join(',');
    let found = distributions.get(key);
    if (!found) distributions.set(key, (found = normalise(row(), rules, prefix)));
    return found;
  };
  for (let start = 0; start < order.length; start += rowsPerPass) {
    const group = order.slice(start, start + rowsPerPass).map((i) => sequences[i]!);
    const longest = Math.max(...group.map((tokens) => tokens.length));
    const { step, dispose } = batchedMergedDecoderStep(decoder.session, decoder.Tensor, decoder.cacheShape, encoderHidden, decoder.fetches);
    try {
      const promptLogits = await step([[...prompt]], []);
      const first = promptLogits.subarray((prompt.length - 1) * vocabSize, prompt.length * vocabSize);
      // logitsAt(r, j): row r's distribution after its first j + 1 tokens.
      const passes: { from: number; width: number; logits: Float32Array }[] = [];
      const padded = group.map((tokens) => [...tokens, ...new Array<number>(longest - tokens.length).fill(endOfText)]);
      const width = tokensPerPass === 'all' ? longest : 1;
      for (let from = 0; from < longest; from += width) {
        const rows = padded.map((tokens) => tokens.slice(from, from + width));
        passes.push({ from, width, logits: await step(rows, from === 0 ? new Array<number>(group.length).fill(0) : group.map((_, r) => r)) });
      }
      const logitsAt = (r: number, j: number) => {
        const pass = passes[Math.floor(j / width)]!;
        const offset = (r * pass.width + (j - pass.from)) * vocabSize;
        return pass.logits.subarray(offset, offset + vocabSize);
      };
      group.forEach((tokens, r) => {
        let sum = 0;
        for (let j = 0; j <= tokens.length; j++) {
          const next = j < tokens.length ? tokens[j]! : endOfText;
          const d = distribution(tokens.slice(0, j), () => (j === 0 ? first : logitsAt(r, j - 1)));
          sum += d.forbidden.has(next) ? -Infinity : d.row[next]! - d.logNorm;
        }
        scores[order[start + r]!] = { sumLogprob: sum, scoredTokens: tokens.length + 1 };
      });
    } finally {
      dispose();
    }
  }
  return scores;
}

/** One position's log normaliser after the rules, and which ids the rules set to −∞. */
function normalise(row: Float32Array, rules: readonly LogitsRule[], generated: readonly number[]): Distribution {
  if (rules.length === 0) return { row, logNorm: logSumExp(row), forbidden: new Set<number>() };
  const edited = row.slice();
  applyRules(rules, edited, { generated });
  const forbidden = new Set<number>();
  for (let id = 0; id < edited.length; id++) if (edited[id] === -Infinity) forbidden.add(id);
  return { row, logNorm: logSumExp(edited), forbidden };
}
