import { describe, expect, it } from 'vitest';
import { decodeGreedy, type DecoderStep } from './decode-greedy';
import { findRepeatedSegment, findRepetitionLoop, RepetitionGuard, trimUnfinishedLoop } from './repetition-guard';

describe('findRepetitionLoop', () => {
  it('cuts a phrase repeated three times back to back after its first copy', () => {
    // "10 of clubs." three times.
    expect(findRepetitionLoop([1, 5, 6, 7, 8, 5, 6, 7, 8, 5, 6, 7, 8])).toBe(5);
  });

  it('lets a sentence said twice through (people repeat themselves)', () => {
    const sentence = [10, 11, 12, 13, 14, 15, 16, 17, 18, 19];
    expect(findRepetitionLoop([...sentence, ...sentence])).toBeUndefined();
    expect(findRepetitionLoop([1, 5, 6, 7, 8, 5, 6, 7, 8])).toBeUndefined();
  });

  it('leaves ordinary speech alone: short repeats and repeats that are not back to back', () => {
    expect(findRepetitionLoop([11, 12, 12])).toBeUndefined(); // "bye bye"
    expect(findRepetitionLoop([3, 4, 9, 3, 4])).toBeUndefined(); // "New York, New York"
    expect(findRepetitionLoop([3, 4, 3, 4])).toBeUndefined(); // "Walla Walla": 2 × 2 < 6 tokens
    expect(findRepetitionLoop([1, 2, 3, 4, 5, 6, 7])).toBeUndefined();
  });

  it('needs more copies of shorter blocks', () => {
    expect(findRepetitionLoop([9, 9, 9, 9, 9])).toBeUndefined();
    expect(findRepetitionLoop([1, 9, 9, 9, 9, 9, 9])).toBe(2);
    expect(findRepetitionLoop([1, 2, 3, 2, 3])).toBeUndefined();
    expect(findRepetitionLoop([1, 2, 3, 2, 3, 2, 3])).toBe(3);
    expect(findRepetitionLoop([3, 4, 5, 3, 4, 5])).toBeUndefined(); // three tokens need three copies
    expect(findRepetitionLoop([3, 4, 5, 3, 4, 5, 3, 4, 5])).toBe(3);
  });

  it('ignores timestamp tokens, which differ between repeated segments, and cuts after the first copy', () => {
    const TS = 100; // ids ≥ 100 are timestamps
    const tokens = [100, 5, 6, 7, 150, 150, 5, 6, 7, 190, 190, 5, 6, 7];
    // Text: 5 6 7 ×3 — the loop is found at the third copy's end, kept up to the first copy's 7.
    expect(findRepetitionLoop(tokens, { firstNonTextToken: TS })).toBe(4);
    expect(findRepetitionLoop(tokens)).toBeUndefined(); // as plain text, the timestamps break it
  });
});

describe('RepetitionGuard in the decoding loop', () => {
  const VOCAB = 10;
  const EOT = 9;
  /** A decoder that never ends: it says 1, then 2 3 4 over and over. */
  const looping: DecoderStep = (() => {
    let i = 0;
    const script = [1, 2, 3, 4];
    return async (ids) => {
      const out = new Float32Array(ids.length * VOCAB);
      out[(ids.length - 1) * VOCAB + script[i === 0 ? 0 : 1 + ((i - 1) % 3)]] = 5;
      i++;
      return out;
    };
  })();

  it('stops a loop, keeps one copy and reports the repetition', async () => {
    const result = await decodeGreedy(looping, {
      prompt: [7],
      vocabSize: VOCAB,
      endOfText: EOT,
      maxNewTokens: 50,
      rules: [],
      stopChecks: [new RepetitionGuard()],
    });
    expect(result.tokens).toEqual([1, 2, 3, 4]);
    expect(result.stopReason).toBe('repetition');
    // Dropped tokens' log-probabilities are not counted: the average is over the kept four + 1.
    const lp = 5 - Math.log(Math.exp(5) + 9);
    expect(result.avgLogprob).toBeCloseTo((4 * lp) / 5, 6);
  });
});

describe('findRepeatedSegment (timestamps on)', () => {
  const TS = 100;
  it('cuts a segment that repeats the one before it, keeping the first and its closing timestamp', () => {
    // <|0.00|> London <|1.00|><|1.20|> London <|2.00|>
    expect(findRepeatedSegment([100, 5, 150, 160, 5, 200], TS)).toBe(3);
  });

  it('leaves different segments, and segments still being written, alone', () => {
    expect(findRepeatedSegment([100, 5, 150, 160, 6, 200], TS)).toBeUndefined();
    expect(findRepeatedSegment([100, 5, 6, 150, 160, 5, 200], TS)).toBeUndefined(); // a prefix is not a repeat
    expect(findRepeatedSegment([100, 5, 150, 160, 5], TS)).toBeUndefined(); // not closed yet
    expect(findRepeatedSegment([100, 5, 150], TS)).toBeUndefined();
  });
});

describe('trimUnfinishedLoop (after the token budget ran out)', () => {
  it('drops an unfinished second copy', () => {
    const copy = [10, 11, 12, 13, 14, 15, 16, 17];
    expect(trimUnfinishedLoop([...copy, ...copy.slice(0, 6)])).toBe(8);
    expect(trimUnfinishedLoop([1, 2, ...copy, ...copy, ...copy.slice(0, 3)])).toBe(10);
  });

  it('leaves output without a long enough repeat alone', () => {
    expect(trimUnfinishedLoop([1, 2, 3, 4, 5, 6, 7, 8, 9])).toBeUndefined();
    expect(trimUnfinishedLoop([10, 11, 12, 13, 10, 11, 12])).toBeUndefined(); // a run of 3 < 6
  });

  it('ignores timestamp tokens', () => {
    expect(trimUnfinishedLoop([100, 1, 2, 3, 4, 5, 6, 150, 160, 1, 2, 3, 4, 5, 6], 6, 100)).toBe(7);
  });
});
