import type { Tensor } from 'onnxruntime-common';
import type { MergedDecoder } from './decode-utterance';
import { KvCache, pastName, PRESENT_PREFIX } from './kv-cache';
import { applyRules, type LogitsRule } from './logits-rule';
import { logSumExpNear } from './log-softmax';
import { mergedDecoderStep, isCrossAttentionPresent } from './merged-decoder';
import { gatherBatch } from './merged-decoder-batch';

/**
 * Teacher forcing: how likely the decoder finds given token sequences for an utterance whose
 * encoder output it already has — the recogniser listening again to candidate transcripts
 * instead of writing its own. The score of a sequence is the sum of the log-softmax of its tokens
 * and of end-of-text after them, the same accounting as the greedy loop (decode-greedy.ts).
 *
 * A position's cost is mostly the output projection over the vocabulary (moonshine-tiny: 288 ×
 * 32,768 multiply-adds, about 2 ms on WASM), so no position runs twice. The first sequence is the
 * reference (the text as heard): the prompt runs at batch 1 without a cache, as every decode
 * starts, then the reference's tokens in one cached pass. Every other sequence shares a prefix
 * with the reference — a candidate is the heard text with a name put into its place span — so it
 * takes the reference's distributions for that prefix and runs only the rest of its tokens, from
 * the reference's self-attention cache cut to the prefix (sequences with the same prefix length
 * share one pass, [rows, longest rest], right-padded with end-of-text, which is never scored).
 *
 * Not one uncached pass over prompt and tokens: measured on moonshine-tiny-q8 the uncached branch
 * is not causal beyond a one-token prompt (the first position's log-probability moved from −1.93
 * to −2.13 nats when later tokens were appended); the cached branch is. The 8-bit decoders
 * quantize activations per tensor as they run, so a multi-token pass differs from token-by-token
 * decoding by a few hundredths of a nat per token; `tokensPerPass: 1` decodes every sequence on
 * its own, token by token, as the greedy loop does, and then the greedy transcript scores exactly
 * its `sumLogprob` (teacher-forcing.test.ts).
 */
export interface TeacherForcedOptions {
  /** Ids before every sequence (the family's decoder prompt). */
  prompt: readonly number[];
  /**
   * Token ids to score after the prompt, end-of-text excluded (it is scored after each). The
   * first is the reference whose positions the others reuse.
   */
  sequences: readonly (readonly number[])[];
  endOfText: number;
  vocabSize: number;
  /** Rules applied to each position's logits before the log-softmax, as in the decode; default none. */
  rules?: readonly LogitsRule[];
  /** Rows per pass over the sequences' own tokens (the logits output is [rows, longest, vocab]). Default 16. */
  rowsPerPass?: number;
  /** 'all' (default): the passes above; 1: every sequence alone, token by token, as the greedy loop. */
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
  if (sequences.length === 0) return [];
  /** Logits rows by prefix (ids after the prompt, joined): the distribution after that prefix. */
  const rows = new Map<string, Float32Array>();
  if (tokensPerPass === 1) for (const tokens of sequences) await stepByStep(decoder, encoderHidden, prompt, tokens, vocabSize, rows);
  else await cachedPasses(decoder, encoderHidden, prompt, sequences, endOfText, vocabSize, rowsPerPass, rows);
  const distributions = new Map<string, Distribution>();
  return sequences.map((tokens) => {
    let sum = 0;
    for (let j = 0; j <= tokens.length; j++) {
      const next = j < tokens.length ? tokens[j]! : endOfText;
      const key = tokens.slice(0, j).join(',');
      let d = distributions.get(key);
      if (!d) distributions.set(key, (d = normalise(rows.get(key)!, rules, tokens.slice(0, j))));
      sum += d.forbidden.has(next) ? -Infinity : d.row[next]! - d.logNorm;
    }
    return { sumLogprob: sum, scoredTokens: tokens.length + 1 };
  });
}

/** One sequence through the greedy loop's stepper, one token per pass. */
async function stepByStep(decoder: MergedDecoder, hidden: Tensor, prompt: readonly number[], tokens: readonly number[], vocabSize: number, rows: Map<string, Float32Array>) {
  const { step, dispose } = mergedDecoderStep(decoder.session, decoder.Tensor, decoder.cacheShape, hidden, decoder.fetches);
  try {
    let input: readonly number[] = prompt;
    for (let j = 0; j <= tokens.length; j++) {
      const logits = await step(input);
      const key = tokens.slice(0, j).join(',');
      if (!rows.has(key)) rows.set(key, logits.slice(logits.length - vocabSize));
      if (j < tokens.length) input = [tokens[j]!];
    }
  } finally {
    dispose();
  }
}

async function cachedPasses(
  decoder: MergedDecoder,
  hidden: Tensor,
  prompt: readonly number[],
  sequences: readonly (readonly number[])[],
  endOfText: number,
  vocabSize: number,
  rowsPerPass: number,
  rows: Map<string, Float32Array>,
) {
  const { session, Tensor, cacheShape, fetches } = decoder;
  const selfFetches = fetches.filter((n) => !isCrossAttentionPresent(n));
  const owned: Tensor[] = [];
  const run = async (feeds: Record<string, Tensor>, names: string[]) => {
    const outputs = await session.run(feeds, names);
    for (const [name, value] of Object.entries(outputs)) if (name !== 'logits') owned.push(value);
    return outputs;
  };
  try {
    // The prompt, uncached: the cross-attention cache and the prompt's self-attention cache.
    const empty = new KvCache(Tensor, cacheShape);
    empty.reset();
    const first: Record<string, Tensor> = { input_ids: ids(Tensor, [prompt]), encoder_hidden_states: hidden, use_cache_branch: flag(Tensor, false) };
    empty.feed(first);
    const start = await run(first, fetches);
    empty.dispose();
    rows.set('', (start.logits.data as Float32Array).slice((prompt.length - 1) * vocabSize, prompt.length * vocabSize));
    const cross = new Map<string, Tensor>();
    let self = new Map<string, Tensor>();
    for (const [name, value] of Object.entries(start)) {
      if (!name.startsWith(PRESENT_PREFIX)) continue;
      (isCrossAttentionPresent(name) ? cross : self).set(pastName(name), value);
    }
    // The reference's tokens, cached, at batch 1.
    const reference = sequences[0]!;
    if (reference.length > 0) {
      const feeds: Record<string, Tensor> = { input_ids: ids(Tensor, [reference]), encoder_hidden_states: hidden, use_cache_branch: flag(Tensor, true) };
      for (const [name, t] of [...cross, ...self]) feeds[name] = t;
      const out = await run(feeds, selfFetches);
      const logits = out.logits.data as Float32Array;
      for (let j = 0; j < reference.length; j++) rows.set(reference.slice(0, j + 1).join(','), logits.subarray(j * vocabSize, (j + 1) * vocabSize));
      self = new Map();
      for (const [name, value] of Object.entries(out)) if (name.startsWith(PRESENT_PREFIX)) self.set(pastName(name), value);
    }
    // The others: what they do not share with the reference, grouped by how much they share.
    const byShared = new Map<number, (readonly number[])[]>();
    for (const tokens of sequences.slice(1)) {
      let shared = 0;
      while (shared < tokens.length && shared < reference.length && tokens[shared] === reference[shared]) shared++;
      if (rows.has(tokens.join(','))) continue; // every position already run (a prefix of the reference)
      const list = byShared.get(shared) ?? [];
      list.push(tokens);
      byShared.set(shared, list);
    }
    const crossTiles = new Map<number, Map<string, Tensor>>();
    for (const [shared, group] of byShared) {
      for (let from = 0; from < group.length; from += rowsPerPass) {
        const chunk = group.slice(from, from + rowsPerPass);
        const rests = chunk.map((t) => t.slice(shared));
        const longest = Math.max(...rests.map((r) => r.length));
        const batch = chunk.length;
        const feeds: Record<string, Tensor> = {
          input_ids: ids(Tensor, rests.map((r) => [...r, ...new Array<number>(longest - r.length).fill(endOfText)])),
          use_cache_branch: flag(Tensor, true),
        };
        let tiles = crossTiles.get(batch);
        if (!tiles) {
          tiles = new Map();
          const zeros = new Array<number>(batch).fill(0);
          for (const [name, t] of cross) tiles.set(name, gatherBatch(Tensor, t, zeros));
          tiles.set('encoder_hidden_states', batch === 1 ? hidden : gatherBatch(Tensor, hidden, zeros));
          crossTiles.set(batch, tiles);
          for (const t of tiles.values()) if (t !== hidden) owned.push(t);
        }
        for (const [name, t] of tiles) feeds[name] = t;
        for (const [name, t] of self) {
          const cut = cutPast(Tensor, t, prompt.length + shared, batch);
          owned.push(cut);
          feeds[name] = cut;
        }
        const logits = (await run(feeds, ['logits'])).logits.data as Float32Array;
        chunk.forEach((tokens, r) => {
          for (let j = shared; j < tokens.length; j++) {
            const key = tokens.slice(0, j + 1).join(',');
            const at = (r * longest + (j - shared)) * vocabSize;
            if (!rows.has(key)) rows.set(key, logits.subarray(at, at + vocabSize));
          }
        });
      }
    }
  } finally {
    for (const t of owned) t.dispose();
  }
}

/** A self-attention past [1, heads, length, dim] cut to its first `length` positions and tiled to `batch` rows. */
function cutPast(Tensor: MergedDecoder['Tensor'], past: Tensor, length: number, batch: number): Tensor {
  const [, heads, full, dim] = past.dims as [number, number, number, number];
  const data = past.data as Float32Array;
  const row = heads * length * dim;
  const out = new Float32Array(batch * row);
  for (let h = 0; h < heads; h++) out.set(data.subarray(h * full * dim, h * full * dim + length * dim), h * length * dim);
  for (let b = 1; b < batch; b++) out.copyWithin(b * row, 0, row);
  return new Tensor('float32', out, [batch, heads, length, dim]);
}

function ids(Tensor: MergedDecoder['Tensor'], rows: readonly (readonly number[])[]): Tensor {
  const length = rows[0]!.length;
  const data = new BigInt64Array(rows.length * length);
  rows.forEach((r, i) => r.forEach((id, j) => (data[i * length + j] = BigInt(id))));
  return new Tensor('int64', data, [rows.length, length]);
}

function flag(Tensor: MergedDecoder['Tensor'], on: boolean): Tensor {
  return new Tensor('bool', Uint8Array.of(on ? 1 : 0), [1]);
}

/** One position's log normaliser after the rules, and which ids the rules set to −∞. */
function normalise(row: Float32Array, rules: readonly LogitsRule[], generated: readonly number[]): Distribution {
  if (rules.length === 0) return { row, logNorm: logSumExpNear(row), forbidden: new Set<number>() };
  const edited = row.slice();
  applyRules(rules, edited, { generated });
  const forbidden = new Set<number>();
  for (let id = 0; id < edited.length; id++) if (edited[id] === -Infinity) forbidden.add(id);
  return { row, logNorm: logSumExpNear(edited), forbidden };
}
