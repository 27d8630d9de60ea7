import { describe, expect, it } from 'vitest';
import { decodeBeam, topTokens, type BeamDecoderStep } from './decode-beam';
import { decodeGreedy, type DecoderStep } from './decode-greedy';
import type { DecodingState, LogitsRule } from './logits-rule';
import { RepetitionGuard } from './repetition-guard';
import type { StopCheck } from './stop-check';
import { SuppressBlank } from './suppress-blank';

const VOCAB = 10;
const EOT = 9;
const PROMPT = [8];
/** Next-token probabilities after each generated prefix ("1,3"); unlisted tokens get almost none. */
type Table = Record<string, Record<number, number>>;

/**
 * A deterministic decoder over a probability table. It keeps each row's sequence the way a KV
 * cache would, by following `parents`, so a wrong parent shows up as wrong logits.
 */
function tableStep(table: Table, fed: { rows: number[][]; parents: number[] }[] = []): BeamDecoderStep {
  let sequences: number[][] = [];
  return async (rows, parents) => {
    fed.push({ rows: rows.map((r) => [...r]), parents: [...parents] });
    sequences = rows.map((ids, r) => [...(parents.length ? sequences[parents[r]] : []), ...ids]);
    const n = rows[0].length;
    const out = new Float32Array(rows.length * n * VOCAB).fill(Math.log(1e-9));
    sequences.forEach((sequence, r) => {
      const next = table[sequence.slice(PROMPT.length).join(',')] ?? { [EOT]: 1 };
      const at = (r * n + n - 1) * VOCAB;
      for (const [token, p] of Object.entries(next)) out[at + Number(token)] = Math.log(p);
    });
    return out;
  };
}

/** The same table as a batch-1 step for decodeGreedy. */
function greedyStep(table: Table): DecoderStep {
  const step = tableStep(table);
  let first = true;
  return (ids) => {
    const parents = first ? [] : [0];
    first = false;
    return step([ids], parents);
  };
}

const base = { prompt: PROMPT, vocabSize: VOCAB, endOfText: EOT, maxNewTokens: 10, rules: [] as LogitsRule[] };

// Greedy takes 1 (0.6) and then can only reach 0.6 × 0.4; the 2-branch reaches 0.4 × 0.95.
const GARDEN_PATH: Table = {
  '': { 1: 0.6, 2: 0.4 },
  '1': { 3: 0.4, 4: 0.3, 5: 0.3 },
  '1,3': { [EOT]: 1 },
  '1,4': { [EOT]: 1 },
  '1,5': { [EOT]: 1 },
  '2': { 6: 0.95, 3: 0.05 },
  '2,6': { [EOT]: 1 },
  '2,3': { [EOT]: 1 },
};

describe('decodeBeam', () => {
  it('finds a more probable sequence that greedy misses', async () => {
    const greedy = await decodeGreedy(greedyStep(GARDEN_PATH), base);
    const beam = await decodeBeam(tableStep(GARDEN_PATH), { ...base, beamSize: 2 });
    expect(greedy.tokens).toEqual([1, 3]);
    expect(beam.tokens).toEqual([2, 6]);
    expect(beam.sumLogprob).toBeCloseTo(Math.log(0.4 * 0.95), 5);
    expect(beam.sumLogprob).toBeGreaterThan(greedy.sumLogprob);
    expect(beam.avgLogprob).toBeCloseTo(beam.sumLogprob / 3, 9);
    expect(beam.stopReason).toBe('end-of-text');
  });

  it('returns the n-best list best first by log-prob per token, the result first', async () => {
    const beam = await decodeBeam(tableStep(GARDEN_PATH), { ...base, beamSize: 3 });
    expect(beam.sequences.map((s) => s.tokens)).toEqual([
      [2, 6],
      [1, 3],
      [1, 4],
    ]);
    expect(beam.sequences[0]).toEqual({ tokens: beam.tokens, sumLogprob: beam.sumLogprob, avgLogprob: beam.avgLogprob, stopReason: beam.stopReason });
    const scores = beam.sequences.map((s) => s.sumLogprob / s.tokens.length);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(beam.sequences[1].sumLogprob).toBeCloseTo(Math.log(0.6 * 0.4), 5);
  });

  it('ranks by log-prob per token (end-of-text not counted), not by total log-prob', async () => {
    const table: Table = { '': { 1: 0.55, 2: 0.45 }, '1': { [EOT]: 1 }, '2': { 3: 1 }, '2,3': { [EOT]: 1 } };
    const beam = await decodeBeam(tableStep(table), { ...base, beamSize: 2 });
    // [1]: log 0.55 / 1 = −0.60; [2, 3]: log 0.45 / 2 = −0.40, though less probable in all.
    expect(beam.sequences.map((s) => s.tokens)).toEqual([[2, 3], [1]]);
    expect(beam.sequences[1].sumLogprob).toBeGreaterThan(beam.sequences[0].sumLogprob);
  });

  it('ranks what the model ended before what the budget or a stop check cut off', async () => {
    const table: Table = { '': { 1: 0.5, 2: 0.5 }, '1': { [EOT]: 1 }, '2': { 2: 1 } };
    const beam = await decodeBeam(tableStep(table), { ...base, maxNewTokens: 2, beamSize: 2 });
    // [2, 2] scores log 0.5 / 2 per token, better than [1]'s log 0.5 / 1, but it never ended.
    expect(beam.sequences.map((s) => [s.tokens, s.stopReason])).toEqual([
      [[1], 'end-of-text'],
      [[2, 2], 'max-tokens'],
    ]);
  });

  it('finishes a hypothesis at end-of-text, never feeds end-of-text on, and stops with beamSize finished', async () => {
    const fed: { rows: number[][]; parents: number[] }[] = [];
    const table: Table = {
      '': { 1: 0.5, 2: 0.3, 3: 0.2 },
      '1': { [EOT]: 0.9, 4: 0.1 },
      '2': { 5: 0.9, [EOT]: 0.1 },
      '2,5': { [EOT]: 1 },
      '1,4': { 4: 1 },
      '1,4,4': { 4: 1 },
    };
    const beam = await decodeBeam(tableStep(table, fed), { ...base, beamSize: 2 });
    expect(fed[0]).toEqual({ rows: [PROMPT], parents: [] });
    expect(fed.flatMap((f) => f.rows.flat())).not.toContain(EOT);
    // [2, 5]: log 0.27 / 2 = −0.65 per token beats [1]: log 0.45 / 1 = −0.80.
    expect(beam.sequences.map((s) => [s.tokens, s.stopReason])).toEqual([
      [[2, 5], 'end-of-text'],
      [[1], 'end-of-text'],
    ]);
    // [1, EOT] includes end-of-text's log-prob.
    expect(beam.sequences[1].sumLogprob).toBeCloseTo(Math.log(0.5 * 0.9), 5);
    // Prompt, then [1] and [2] as rows of one pass, then the two live rows; [2, 5, EOT] fills the list.
    expect(beam.steps).toBe(3);
    expect(fed[1]).toEqual({ rows: [[1], [2]], parents: [0, 0] });
  });

  it('stops at the token budget and makes up the list from the most probable live hypotheses', async () => {
    const loops: Table = { '': { 1: 0.6, 2: 0.4 }, '1': { 1: 0.7, 2: 0.3 }, '2': { 2: 0.9, 1: 0.1 }, '1,1': { 1: 1 }, '2,2': { 2: 1 } };
    const beam = await decodeBeam(tableStep(loops), { ...base, maxNewTokens: 3, beamSize: 2 });
    expect(beam.steps).toBe(3);
    expect(beam.sequences).toHaveLength(2);
    for (const s of beam.sequences) {
      expect(s.tokens).toHaveLength(3);
      expect(s.stopReason).toBe('max-tokens');
    }
    // No end-of-text, so nothing of it in the sum: [1, 1, 1] = 0.6 × 0.7 × 1 ≈ 0.42 beats [2, 2, 2] = 0.36.
    expect(beam.sequences.map((s) => s.tokens)).toEqual([
      [1, 1, 1],
      [2, 2, 2],
    ]);
    expect(beam.sumLogprob).toBeCloseTo(Math.log(0.42), 5);
  });

  it('runs stop checks per hypothesis: one it stops is finished with the kept prefix, the others go on', async () => {
    const table: Table = {
      '': { 1: 0.6, 2: 0.4 },
      '1': { 7: 0.9, 3: 0.1 },
      '1,7': { 3: 1 },
      '2': { 5: 1 },
      '2,5': { [EOT]: 1 },
      '1,3': { [EOT]: 1 },
    };
    // Stops any hypothesis that writes 7, keeping what came before it.
    const noSevens: StopCheck = { check: (t) => (t[t.length - 1] === 7 ? { keep: t.length - 1, reason: 'repetition' } : undefined) };
    const fed: { rows: number[][]; parents: number[] }[] = [];
    const beam = await decodeBeam(tableStep(table, fed), { ...base, beamSize: 2, stopChecks: [noSevens] });
    const byTokens = new Map(beam.sequences.map((s) => [s.tokens.join(','), s]));
    expect(byTokens.get('1')?.stopReason).toBe('repetition');
    // The kept prefix's log-prob only: the 7 that was dropped does not count.
    expect(byTokens.get('1')?.sumLogprob).toBeCloseTo(Math.log(0.6), 5);
    expect(fed.flatMap((f) => f.rows.flat())).not.toContain(7);
    // The stopped hypothesis's slot went to the next candidate, [1, 3], fed on from its parent row.
    expect(fed[2]).toEqual({ rows: [[5], [3]], parents: [1, 0] });
    expect([...byTokens.keys()].sort()).toEqual(['1', '2,5']);
    expect(beam.tokens).toEqual([2, 5]);
  });

  it('applies logits rules with each hypothesis’s own tokens', async () => {
    const seen: number[][] = [];
    const recorder: LogitsRule = { apply: (_logits: Float32Array, state: DecodingState) => void seen.push([...state.generated]) };
    await decodeBeam(tableStep(GARDEN_PATH), { ...base, beamSize: 2, rules: [recorder] });
    expect(seen.slice(0, 3)).toEqual([[], [1], [2]]);
  });

  it('reports the probe from the prompt pass, as greedy does', async () => {
    const step: BeamDecoderStep = async (rows) => {
      const out = new Float32Array(rows.length * rows[0].length * VOCAB);
      out[6] = Math.log(9); // prompt position 0: p(6) = 9 / (9 + 9) = 0.5
      for (let r = 0; r < rows.length; r++) out[(r * rows[0].length + rows[0].length - 1) * VOCAB + EOT] = 10;
      return out;
    };
    const beam = await decodeBeam(step, { ...base, prompt: [7, 8], beamSize: 3, probe: { token: 6, atPromptIndex: 0 } });
    expect(beam.probeProbability).toBeCloseTo(0.5, 6);
  });

  it('with beam size 1 is greedy decoding, to the last bit', async () => {
    const ramble: Table = { '': { 1: 0.5, 2: 0.5 }, '1': { 2: 0.6, 1: 0.4 }, '1,2': { 1: 0.6, 2: 0.4 }, '1,2,1': { 2: 0.7, [EOT]: 0.3 }, '1,2,1,2': { 1: 1 }, '1,2,1,2,1': { 2: 1 } };
    const cases = [
      { table: GARDEN_PATH, options: base },
      { table: ramble, options: { ...base, maxNewTokens: 3 } },
      { table: ramble, options: { ...base, rules: [new SuppressBlank([1])] } },
      { table: ramble, options: { ...base, stopChecks: [new RepetitionGuard({ minRepeats: 2, minLoopTokens: 2 })] } },
      { table: ramble, options: { ...base, maxNewTokens: 0 } },
    ];
    for (const { table, options } of cases) {
      const greedy = await decodeGreedy(greedyStep(table), options);
      const { sequences, ...beam } = await decodeBeam(tableStep(table), { ...options, beamSize: 1 });
      expect(beam).toEqual(greedy);
      expect(sequences).toHaveLength(1);
    }
  });

  it('rejects a beam size that is not a positive integer', async () => {
    await expect(decodeBeam(tableStep(GARDEN_PATH), { ...base, beamSize: 0 })).rejects.toThrow(RangeError);
    await expect(decodeBeam(tableStep(GARDEN_PATH), { ...base, beamSize: 1.5 })).rejects.toThrow(RangeError);
  });
});

describe('topTokens', () => {
  it('returns the k largest, largest first, lower id first on ties, never a forbidden (−∞) token', () => {
    const logits = Float32Array.from([1, 5, 3, 5, -Infinity, 4, 0]);
    expect(topTokens(logits, 3)).toEqual([1, 3, 5]);
    expect(topTokens(logits, 1)).toEqual([1]);
    expect(topTokens(Float32Array.from([-Infinity, 2, -Infinity]), 3)).toEqual([1]);
  });
});
