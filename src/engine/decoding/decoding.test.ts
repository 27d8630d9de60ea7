import { describe, expect, it } from 'vitest';
import { decodeGreedy, type DecoderStep } from './decode-greedy';
import { SuppressBlank } from './suppress-blank';
import { SuppressTokens } from './suppress-tokens';
import { TimestampRules } from './timestamp-rules';

const VOCAB = 10;
const EOT = 9;

/** A scripted decoder: at step i it prefers script[i] (logit 5) over the rest (logit 0). */
function scripted(script: number[][], seen: (readonly number[])[] = []): DecoderStep {
  let i = 0;
  return async (ids) => {
    seen.push([...ids]);
    const out = new Float32Array(ids.length * VOCAB);
    const prefs = script[Math.min(i++, script.length - 1)];
    const last = (ids.length - 1) * VOCAB;
    prefs.forEach((token, rank) => (out[last + token] = 5 - rank));
    return out;
  };
}

describe('decodeGreedy', () => {
  it('feeds the prompt once, then one token per step, and stops at end-of-text', async () => {
    const seen: (readonly number[])[] = [];
    const result = await decodeGreedy(scripted([[3], [4], [EOT]], seen), {
      prompt: [7, 8],
      vocabSize: VOCAB,
      endOfText: EOT,
      maxNewTokens: 10,
      rules: [],
    });
    expect(result.tokens).toEqual([3, 4]);
    expect(result.stopReason).toBe('end-of-text');
    expect(seen).toEqual([[7, 8], [3], [4]]);
    expect(result.steps).toBe(3);
  });

  it('averages log-probabilities over tokens plus end-of-text, as Whisper does', async () => {
    const result = await decodeGreedy(scripted([[3], [EOT]]), {
      prompt: [7],
      vocabSize: VOCAB,
      endOfText: EOT,
      maxNewTokens: 10,
      rules: [],
    });
    // Each step: one logit of 5, nine of 0.
    const lp = 5 - Math.log(Math.exp(5) + 9);
    expect(result.sumLogprob).toBeCloseTo(2 * lp, 6);
    expect(result.avgLogprob).toBeCloseTo(lp, 6);
  });

  it('stops at the token budget', async () => {
    const result = await decodeGreedy(scripted([[2]]), {
      prompt: [7],
      vocabSize: VOCAB,
      endOfText: EOT,
      maxNewTokens: 4,
      rules: [],
    });
    expect(result.tokens).toEqual([2, 2, 2, 2]);
    expect(result.stopReason).toBe('max-tokens');
  });

  it('reports the probe token probability from the raw first-pass logits', async () => {
    const step: DecoderStep = async (ids) => {
      const out = new Float32Array(ids.length * VOCAB);
      out[0 * VOCAB + 6] = Math.log(9); // position 0: p(6) = 9 / (9 + 9) = 0.5
      out[(ids.length - 1) * VOCAB + EOT] = 10;
      return out;
    };
    const result = await decodeGreedy(step, {
      prompt: [7, 8],
      vocabSize: VOCAB,
      endOfText: EOT,
      maxNewTokens: 5,
      rules: [],
      probe: { token: 6, atPromptIndex: 0 },
    });
    expect(result.probeProbability).toBeCloseTo(0.5, 6);
  });
});

describe('rules', () => {
  it('SuppressTokens removes listed tokens so the next best wins', async () => {
    const result = await decodeGreedy(scripted([[3, 4], [EOT]]), {
      prompt: [7],
      vocabSize: VOCAB,
      endOfText: EOT,
      maxNewTokens: 5,
      rules: [new SuppressTokens([3])],
    });
    expect(result.tokens).toEqual([4]);
  });

  it('SuppressBlank forbids a blank or empty start, only at the first position', async () => {
    const result = await decodeGreedy(scripted([[EOT, 1], [1, 2], [EOT]]), {
      prompt: [7],
      vocabSize: VOCAB,
      endOfText: EOT,
      maxNewTokens: 5,
      rules: [new SuppressBlank([1, EOT])],
    });
    // Step 1 wanted EOT then 1 (both suppressed) → 0 ties → index 0; step 2 may emit 1.
    expect(result.tokens[0]).not.toBe(1);
    expect(result.tokens[1]).toBe(1);
  });
});

describe('TimestampRules', () => {
  // vocab: 0..4 text, 5 EOT, 6 notimestamps, 7.. timestamps (7 = 0.00 s)
  const tokens = { timestampBegin: 7, noTimestamps: 6, endOfText: 5 };
  const V = 20;
  const flat = () => new Float32Array(V);

  it('starts with a timestamp no later than the initial limit', () => {
    const logits = flat();
    logits[1] = 10;
    new TimestampRules(tokens, 2).apply(logits, { generated: [] });
    for (let i = 0; i < 7; i++) expect(logits[i]).toBe(-Infinity);
    expect(logits[7]).toBe(0);
    expect(logits[9]).toBe(0);
    expect(logits[10]).toBe(-Infinity);
  });

  it('after a lone timestamp allows only a later-or-equal timestamp or end-of-text', () => {
    const logits = flat();
    logits[5] = 5; // end-of-text likely enough that rule 5 does not force a timestamp
    new TimestampRules(tokens).apply(logits, { generated: [7, 1, 2, 10] });
    for (let i = 0; i < 5; i++) expect(logits[i]).toBe(-Infinity);
    expect(logits[5]).toBe(5);
    expect(logits[9]).toBe(-Infinity); // earlier than 10
    expect(logits[10]).toBe(0);
  });

  it('after a pair of timestamps forces text', () => {
    const logits = flat();
    new TimestampRules(tokens).apply(logits, { generated: [7, 1, 10, 10] });
    for (let i = 7; i < V; i++) expect(logits[i]).toBe(-Infinity);
    expect(logits[1]).toBe(0);
  });

  it('never samples <|notimestamps|>', () => {
    const logits = flat();
    logits[6] = 100;
    new TimestampRules(tokens).apply(logits, { generated: [7, 1] });
    expect(logits[6]).toBe(-Infinity);
  });

  it('forces a timestamp when timestamps jointly outweigh the best text token', () => {
    const logits = flat();
    logits[1] = 1; // best text token: e^1 ≈ 2.7 against 13 timestamps at e^0 each
    new TimestampRules(tokens).apply(logits, { generated: [7, 1] });
    expect(logits[1]).toBe(-Infinity);
    expect(logits[12]).toBe(0);
  });
});
