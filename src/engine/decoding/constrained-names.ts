import type { Tensor } from 'onnxruntime-common';
import type { BeamDecoderStep } from './decode-beam';
import type { MergedDecoder } from './decode-utterance';
import { batchedMergedDecoderStep } from './merged-decoder-batch';
import { logSumExp } from './log-softmax';
import type { NameTrie } from './name-trie';

/**
 * Constrained decoding of a place slot (GENRE, De Cao et al. 2021): after a prefix the decoder
 * is given (the words heard before the place, e.g. "weather in"), a small beam may only follow
 * the name trie (name-trie.ts), so what comes out are the catalogue names the model itself finds
 * likeliest for this audio at that point, with their log-probabilities — names a misheard text
 * never spells ("Look in the window" holds no trace of "Lucknow" a sound index can find; the
 * audio does).
 *
 * The beam ranks by the names' summed token log-probabilities under the model's full
 * distribution (the tree prunes, it does not renormalise: GENRE does the same). A name is finished
 * where its last token ends in the tree and is credited with the probability that a word boundary
 * follows (end-of-text, a token that starts a new word, or punctuation): otherwise "San" would
 * stand complete in the middle of "Santiago". Pure over a BeamDecoderStep, so both families run
 * it with their own batched decoder (merged-decoder-batch.ts).
 */
export interface NameCompletionOptions {
  /** Live hypotheses per step (GENRE used 5–10). Default 6. */
  beamSize: number;
  /** Finished names returned, best first. Default 8. */
  maxNames: number;
  /**
   * Log-probability credited per name token when ranking finished names: a sum favours short
   * names ("Bo" over "Bogotá"), as the verification's tokenBonus evens out. Default 0.5.
   */
  tokenBonus: number;
  /** Tokens the decoder writes on freely after each of the best names (0: none). Default 8. */
  continuation: number;
}

export const DEFAULT_NAME_COMPLETION_OPTIONS: NameCompletionOptions = { beamSize: 6, maxNames: 8, tokenBonus: 0.5, continuation: 8 };

export interface NameCompletion {
  /** Index of the name in the trie's names. */
  name: number;
  /** The name's tokens as decoded. */
  tokens: number[];
  /** Sum of the name's token log-probabilities after the prefix, plus the log-probability that a word boundary follows. */
  sumLogprob: number;
  /** What the decoder wrote after the name, greedily, end-of-text excluded (empty when it ended there or did not go on). */
  continuation: number[];
  /**
   * Whether the continuation reached end-of-text: only then is name + continuation a whole
   * transcript. Cut by the budget (or not written on), what the recogniser hears after it is unknown.
   */
  ended: boolean;
}

export interface ConstrainedPass {
  /** The decoder prompt (the family's start tokens). */
  prompt: readonly number[];
  /** Tokens the decoder is given before the slot (may be empty: the place opens the transcript). */
  prefix: readonly number[];
  trie: NameTrie;
  vocabSize: number;
  /** 1 for a token that may follow a finished name (word start, punctuation, end-of-text), else 0. */
  boundary: Uint8Array;
  endOfText: number;
}

interface Live {
  node: number;
  tokens: number[];
  sumLogprob: number;
  /** Set once the row's name is finished and the decoder writes on freely after it. */
  free?: { name: number; continuation: number[] };
}

/**
 * Runs one constrained pass: the prompt (batch 1, as every decode starts), the prefix in one
 * cached pass, then the beam over the tree. Returns at most `maxNames` names, best first by
 * sumLogprob + tokenBonus × tokens, one entry per name.
 *
 * A name that finishes among the best so far goes on in the same batched passes without the
 * tree, greedily from the likeliest word boundary, to end-of-text or `continuation` tokens: what
 * the model hears after it ("Salavat" → " Russia."), so a candidate transcript need not keep the
 * misheard words that followed the name in the heard text.
 */
export async function completeNames(step: BeamDecoderStep, pass: ConstrainedPass, options: Partial<NameCompletionOptions> = {}): Promise<NameCompletion[]> {
  const { beamSize, maxNames, tokenBonus, continuation } = { ...DEFAULT_NAME_COMPLETION_OPTIONS, ...options };
  const { prompt, prefix, trie, vocabSize, boundary, endOfText } = pass;
  if (boundary.length !== vocabSize) throw new Error(`constrained decoding: the boundary mask has ${boundary.length} entries for a vocabulary of ${vocabSize}`);
  let logits = await step([prompt], []);
  if (prefix.length > 0) logits = await step([prefix], [0]);
  // Each live row's distribution is the last position of its row in `logits`.
  let positions = logits.length / vocabSize;
  let live: Live[] = [{ node: trie.root, tokens: [], sumLogprob: 0 }];
  const finished = new Map<number, NameCompletion>();
  const rank = (c: { tokens: readonly number[]; sumLogprob: number }) => c.sumLogprob + tokenBonus * c.tokens.length;
  /**
   * The continuation of `name` as written after `tokens`, unless a likelier spelling of the name
   * has replaced it; one that reached end-of-text is final (its row is still among the last live
   * ones when the search stops).
   */
  const settle = (name: number, tokens: readonly number[], written: number[], ended: boolean) => {
    const held = finished.get(name);
    if (held && held.tokens === tokens && !held.ended) Object.assign(held, { continuation: written, ended });
  };

  for (let depth = 0; depth <= trie.maxTokens + continuation + 1 && live.length > 0; depth++) {
    const expansions: { parent: number; token: number; node: number; sumLogprob: number }[] = [];
    const freeRows: { parent: number; token: number; h: Live }[] = [];
    const spawned: { parent: number; token: number; name: number; h: Live }[] = [];
    live.forEach((h, r) => {
      const end = (r + 1) * positions * vocabSize;
      const row = logits.subarray(end - vocabSize, end);
      if (h.free) {
        const next = argmax(row, null);
        if (next === endOfText || h.free.continuation.length >= continuation) settle(h.free.name, h.tokens, h.free.continuation, next === endOfText);
        else freeRows.push({ parent: r, token: next, h });
        return;
      }
      const logZ = logSumExp(row);
      if (h.tokens.length > 0) {
        const ended = trie.namesAt(h.node);
        if (ended.length > 0) {
          const sumLogprob = h.sumLogprob + boundaryLogprob(row, logZ, boundary);
          for (const name of ended) {
            const held = finished.get(name);
            const next = continuation > 0 ? argmax(row, boundary) : -1;
            const completion: NameCompletion = { name, tokens: h.tokens, sumLogprob, continuation: [], ended: next === endOfText };
            if (held && rank(completion) <= rank(held)) continue;
            finished.set(name, completion);
            if (next !== endOfText && next >= 0) spawned.push({ parent: r, token: next, name, h });
          }
        }
      }
      for (const [token, node] of trie.children(h.node)) expansions.push({ parent: r, token, node, sumLogprob: h.sumLogprob + row[token]! - logZ });
    });
    expansions.sort((a, b) => b.sumLogprob - a.sumLogprob);
    const kept = expansions.slice(0, beamSize);
    // A hypothesis that cannot beat the worst name already held, even if every later token were certain, is not run.
    const ranked = [...finished.values()].sort((a, b) => rank(b) - rank(a));
    const bar = ranked.length >= maxNames ? rank(ranked[maxNames - 1]!) : -Infinity;
    const best = new Set(ranked.slice(0, maxNames).map((c) => c.name));
    const worthRunning = kept.filter((e) => e.sumLogprob + tokenBonus * trie.maxTokens > bar);
    // Only the names still among the best are written on.
    const next: Live[] = [
      ...worthRunning.map((e) => ({ node: e.node, tokens: [...live[e.parent]!.tokens, e.token], sumLogprob: e.sumLogprob })),
      ...spawned.filter((f) => best.has(f.name)).map((f) => ({ ...f.h, free: { name: f.name, continuation: [f.token] } })),
      ...freeRows.filter((f) => best.has(f.h.free!.name)).map((f) => ({ ...f.h, free: { ...f.h.free!, continuation: [...f.h.free!.continuation, f.token] } })),
    ];
    const parents = [...worthRunning.map((e) => e.parent), ...spawned.filter((f) => best.has(f.name)).map((f) => f.parent), ...freeRows.filter((f) => best.has(f.h.free!.name)).map((f) => f.parent)];
    const tokens = [...worthRunning.map((e) => e.token), ...spawned.filter((f) => best.has(f.name)).map((f) => f.token), ...freeRows.filter((f) => best.has(f.h.free!.name)).map((f) => f.token)];
    // Rows written on but no longer run keep what they wrote so far.
    for (const f of freeRows) if (!best.has(f.h.free!.name)) settle(f.h.free!.name, f.h.tokens, f.h.free!.continuation, false);
    if (next.length === 0) break;
    logits = await step(
      tokens.map((t) => [t]),
      parents,
    );
    positions = 1;
    live = next;
  }
  for (const h of live) if (h.free) settle(h.free.name, h.tokens, h.free.continuation, false);
  return [...finished.values()].sort((a, b) => rank(b) - rank(a)).slice(0, maxNames);
}

/** The id of the largest logit, among `allowed` ones when given (−1 when none is). */
function argmax(row: Float32Array, allowed: Uint8Array | null): number {
  let best = -1;
  let value = -Infinity;
  for (let t = 0; t < row.length; t++) {
    if (allowed && !allowed[t]) continue;
    if (row[t]! > value) {
      value = row[t]!;
      best = t;
    }
  }
  return best;
}

/** log Σ p(t) over the boundary tokens of one position. */
function boundaryLogprob(row: Float32Array, logZ: number, boundary: Uint8Array): number {
  let max = -Infinity;
  for (let t = 0; t < row.length; t++) if (boundary[t] && row[t]! > max) max = row[t]!;
  if (max === -Infinity) return -Infinity;
  let sum = 0;
  for (let t = 0; t < row.length; t++) if (boundary[t]) sum += Math.exp(row[t]! - max);
  return max + Math.log(sum) - logZ;
}

/**
 * The boundary mask of a vocabulary from each token's text: end-of-text, a token that opens a new
 * word (its text starts with a space) and one that starts with neither letter nor digit
 * (punctuation). Special tokens (empty text) other than end-of-text are not boundaries.
 */
export function boundaryMask(vocabSize: number, tokenText: (token: number) => string, endOfText: number): Uint8Array {
  const mask = new Uint8Array(vocabSize);
  for (let t = 0; t < vocabSize; t++) {
    const text = tokenText(t);
    if (t === endOfText || (text.length > 0 && (/^\s/u.test(text) || !/^[\p{L}\p{N}]/u.test(text)))) mask[t] = 1;
  }
  return mask;
}

/** What a recogniser returns for one slot: the names, best first. */
export interface SlotName {
  /** The name as it was given to the trie (NameTrie.names). */
  name: string;
  sumLogprob: number;
  /** Tokens the name was written in. */
  tokens: number;
  /**
   * What the recogniser heard after the name, written on freely to end-of-text ('' when it heard
   * nothing more); undefined when the continuation's budget ran out first, so that a candidate is
   * never the name with the utterance's end cut off ("Ashtabula, you can do it for your country"
   * for jfk.wav).
   */
  continuation?: string;
}

/**
 * One constrained pass per prefix over a merged decoder and an utterance's kept encoder output
 * (kept-encoding.ts): the recognisers' completeNames. Each pass has its own batched stepper, so
 * nothing of one prefix's cache leaks into the next.
 */
export async function completeNamesAfter(
  decoder: MergedDecoder,
  hidden: Tensor,
  pass: Omit<ConstrainedPass, 'prefix'> & { prefixes: readonly (readonly number[])[]; decode: (tokens: readonly number[]) => string },
  options: Partial<NameCompletionOptions> = {},
): Promise<SlotName[][]> {
  const out: SlotName[][] = [];
  for (const prefix of pass.prefixes) {
    const { step, dispose } = batchedMergedDecoderStep(decoder.session, decoder.Tensor, decoder.cacheShape, hidden, decoder.fetches);
    try {
      const names = await completeNames(step, { ...pass, prefix }, options);
      out.push(
        names.map((c) => ({ name: pass.trie.names[c.name]!, sumLogprob: c.sumLogprob, tokens: c.tokens.length, ...(c.ended && { continuation: pass.decode(c.continuation) }) })),
      );
    } finally {
      dispose();
    }
  }
  return out;
}
