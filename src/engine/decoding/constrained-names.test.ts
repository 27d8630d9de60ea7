/**
 * Constrained decoding of a place slot (constrained-names.ts) over a scripted decoder: only names
 * of the trie come out, whatever the model prefers; a name is credited with the boundary after
 * it; the prefix reaches the decoder in one cached pass after the prompt.
 */
import { describe, expect, it } from 'vitest';
import { boundaryMask, completeNames } from './constrained-names';
import type { BeamDecoderStep } from './decode-beam';
import { NameTrie, withoutAccents } from './name-trie';

// A toy vocabulary: 0 end-of-text, 1 " Par", 2 "is", 3 " Pam", 4 "plona", 5 " in", 6 " the", 7 "ma", 8 ".".
const TEXT = ['', ' Par', 'is', ' Pam', 'plona', ' in', ' the', 'ma', '.'];
const V = TEXT.length;
const SPELLING: Record<string, number[]> = { Paris: [1, 2], Pamplona: [3, 4], Parma: [1, 7] };
const trie = NameTrie.build(Object.keys(SPELLING), (name) => [SPELLING[name]!]);
const boundary = boundaryMask(V, (t) => TEXT[t]!, 0);

/** A decoder whose next-token logits depend only on the last token fed; records what it was fed. */
function scripted(next: (last: number) => number[]) {
  const fed: { rows: number[][]; parents: number[] }[] = [];
  const step: BeamDecoderStep = async (rows, parents) => {
    fed.push({ rows: rows.map((r) => [...r]), parents: [...parents] });
    const out = new Float32Array(rows.length * rows[0]!.length * V);
    rows.forEach((row, r) => row.forEach((token, i) => out.set(next(token), (r * row.length + i) * V)));
    return out;
  };
  return { step, fed };
}

describe('completeNames', () => {
  it('emits only names of the trie, even where the model prefers other words', async () => {
    // The model would rather write " the" (6) after anything: the tree never lets it.
    const { step } = scripted((last) => (last === 1 ? [0, 0, 3, 0, 0, 0, 5, 1, 0] : [0, 2, 0, 1, 0, 0, 6, 0, 0]));
    const names = await completeNames(step, { prompt: [99], prefix: [5], trie, vocabSize: V, boundary, endOfText: 0 }, { beamSize: 4, maxNames: 8 });
    expect(names.length).toBeGreaterThan(0);
    for (const n of names) expect(Object.keys(SPELLING)).toContain(trie.names[n.name]);
    for (const n of names) expect(n.tokens).toEqual(SPELLING[trie.names[n.name]!]);
    // After " Par" the model likes "is" (3) over "ma" (1): Paris first.
    expect(trie.names[names[0]!.name]).toBe('Paris');
  });

  it('feeds the prompt alone, then the prefix in one pass, then one token per live name', async () => {
    const { step, fed } = scripted(() => [0, 2, 0, 1, 0, 0, 0, 0, 0]);
    await completeNames(step, { prompt: [99, 98], prefix: [5, 6], trie, vocabSize: V, boundary, endOfText: 0 });
    expect(fed[0]).toEqual({ rows: [[99, 98]], parents: [] });
    expect(fed[1]).toEqual({ rows: [[5, 6]], parents: [0] });
    expect(fed[2]!.rows.every((r) => r.length === 1)).toBe(true);
  });

  it('credits a finished name with the probability that a word boundary follows', async () => {
    // After "is" a boundary (end-of-text, " in", ".") is likely; after "ma" the model wants "is" (a word going on).
    const { step } = scripted((last) => {
      if (last === 2) return [3, 0, 0, 0, 0, 3, 0, 0, 3];
      if (last === 7) return [0, 0, 6, 0, 0, 0, 0, 0, 0];
      if (last === 1) return [0, 0, 2, 0, 0, 0, 0, 2, 0];
      return [0, 4, 0, 0, 0, 0, 0, 0, 0];
    });
    const names = await completeNames(step, { prompt: [99], prefix: [], trie, vocabSize: V, boundary, endOfText: 0 }, { tokenBonus: 0 });
    const paris = names.find((n) => trie.names[n.name] === 'Paris')!;
    const parma = names.find((n) => trie.names[n.name] === 'Parma')!;
    // " Par" then "is" and "ma" are equally likely; only the boundary after them tells them apart.
    expect(paris.sumLogprob).toBeGreaterThan(parma.sumLogprob + 3);
  });

  it('writes on freely after a finished name, from a word boundary to end-of-text', async () => {
    // After "is" the model would go on with "ma" (not a boundary) or " the"; then " in", then end-of-text.
    const { step } = scripted((last) => {
      if (last === 1) return [0, 0, 4, 0, 0, 0, 0, 1, 0];
      if (last === 2) return [0, 0, 0, 0, 0, 0, 3, 5, 0];
      if (last === 6) return [0, 0, 0, 0, 0, 4, 0, 0, 0];
      if (last === 5) return [6, 0, 0, 0, 0, 0, 0, 0, 0];
      return [0, 4, 0, 1, 0, 0, 0, 0, 0];
    });
    const names = await completeNames(step, { prompt: [99], prefix: [], trie, vocabSize: V, boundary, endOfText: 0 });
    const paris = names.find((n) => trie.names[n.name] === 'Paris')!;
    expect(paris.continuation).toEqual([6, 5]);
    expect(paris.ended).toBe(true);
    const none = await completeNames(step, { prompt: [99], prefix: [], trie, vocabSize: V, boundary, endOfText: 0 }, { continuation: 0 });
    expect(none.every((n) => n.continuation.length === 0 && !n.ended)).toBe(true);
    // With a budget of one token the continuation stops before end-of-text: what follows is unknown.
    const cut = await completeNames(step, { prompt: [99], prefix: [], trie, vocabSize: V, boundary, endOfText: 0 }, { continuation: 1 });
    const cutParis = cut.find((n) => trie.names[n.name] === 'Paris')!;
    expect(cutParis.continuation).toEqual([6]);
    expect(cutParis.ended).toBe(false);
  });

  it('refuses a boundary mask of another vocabulary', async () => {
    const { step } = scripted(() => new Array(V).fill(0));
    await expect(completeNames(step, { prompt: [1], prefix: [], trie, vocabSize: V, boundary: new Uint8Array(3), endOfText: 0 })).rejects.toThrow('boundary mask has 3 entries');
  });
});

describe('NameTrie', () => {
  it('leads from token to token to where each name ends', () => {
    const par = trie.children(trie.root).get(1)!;
    expect(trie.namesAt(par)).toEqual([]);
    expect([...trie.children(par).keys()].sort()).toEqual([2, 7]);
    expect(trie.namesAt(trie.children(par).get(2)!).map((i) => trie.names[i])).toEqual(['Paris']);
    expect(trie.children(trie.root).has(2)).toBe(false);
    expect(trie.maxTokens).toBe(2);
  });

  it('strips accents for a second spelling, and only when there are some', () => {
    expect(withoutAccents('São Paulo')).toBe('Sao Paulo');
    expect(withoutAccents('Zürich')).toBe('Zurich');
    expect(withoutAccents('Paris')).toBeNull();
  });
});

describe('boundaryMask', () => {
  it('marks end-of-text, word starts and punctuation, not word pieces or special tokens', () => {
    expect([...boundary]).toEqual([1, 1, 0, 1, 0, 1, 1, 0, 1]);
    expect([...boundaryMask(3, (t) => (t === 0 ? '' : 'x'), 1)]).toEqual([0, 1, 0]);
  });
});
