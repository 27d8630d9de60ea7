import { describe, expect, it } from 'vitest';
import { binShares, driftReport, populationStabilityIndex, quantileEdges } from './drift';
import type { QueryRecord } from './query-record';

const DAY = 86_400_000;

describe('population stability index', () => {
  it('cuts bins at the reference’s quantiles', () => {
    const reference = Array.from({ length: 10 }, (_, i) => i); // 0..9
    expect(quantileEdges(reference, 2)).toEqual([5]);
    expect(quantileEdges(reference, 5)).toEqual([2, 4, 6, 8]);
    expect(binShares([0, 1, 5, 9], [5])).toEqual([0.5, 0.5]);
  });

  it('is 0 for the same distribution and matches a hand computation for a shifted one', () => {
    const reference = Array.from({ length: 100 }, (_, i) => i);
    expect(populationStabilityIndex(reference, reference, 2)).toBe(0);
    // Two bins at 50: the reference splits 50/50; recent puts 80 of 100 in the upper bin.
    const recent = [...Array.from({ length: 20 }, (_, i) => i), ...Array.from({ length: 80 }, (_, i) => 50 + (i % 50))];
    const byHand = (0.2 - 0.5) * Math.log(0.2 / 0.5) + (0.8 - 0.5) * Math.log(0.8 / 0.5);
    expect(populationStabilityIndex(reference, recent, 2)).toBeCloseTo(byHand, 12);
    expect(byHand).toBeCloseTo(0.4159, 4);
  });

  it('stays finite when a bin is empty in one window (shares floored at 0.5 / n)', () => {
    const reference = Array.from({ length: 100 }, (_, i) => i);
    const recent = Array.from({ length: 100 }, () => 99);
    const psi = populationStabilityIndex(reference, recent, 2);
    const byHand = (0.005 - 0.5) * Math.log(0.005 / 0.5) + (1 - 0.5) * Math.log(1 / 0.5);
    expect(psi).toBeCloseTo(byHand, 12);
  });
});

describe('driftReport', () => {
  const spoken = (time: number, rmsDb: number, avgLogprob = -0.3): QueryRecord => ({ time, kind: 'spoken', level: { rmsDb, peakDb: rmsDb + 12, clippedShare: 0 }, avgLogprob, audioSeconds: 2, noSpeechProb: 0.01, queryWords: 1 });
  const now = 30 * DAY;

  it('says inputs are quieter when the last week is 15 dB under the first, and calls steady signals stable', () => {
    const firstWeek = Array.from({ length: 40 }, (_, i) => spoken(i * 3_600_000, -30 + (i % 10), -0.3 - (i % 7) / 50));
    const lastWeek = Array.from({ length: 40 }, (_, i) => spoken(now - i * 3_600_000, -45 + (i % 10), -0.3 - (i % 7) / 50));
    const report = driftReport([...firstWeek, ...lastWeek], now);
    const level = report.find((v) => v.signal === 'input level')!;
    expect(level).toMatchObject({ verdict: 'drift', meaning: expect.stringMatching(/^inputs are quieter/) });
    expect(report.find((v) => v.signal === 'confidence')).toMatchObject({ verdict: 'stable' });
  });

  it('gives no verdict on too few queries', () => {
    const report = driftReport([spoken(0, -30), spoken(now, -50)], now);
    expect(report.every((v) => v.verdict === 'too-few')).toBe(true);
  });

  it('compares with a reference profile when one is given (the measured sets)', () => {
    const profile = Array.from({ length: 30 }, (_, i) => spoken(0, -30 + (i % 10)));
    const lastWeek = Array.from({ length: 30 }, (_, i) => spoken(now - i * 60_000, -30 + (i % 10)));
    const level = driftReport(lastWeek, now, {}, profile).find((v) => v.signal === 'input level')!;
    expect(level).toMatchObject({ verdict: 'stable', reference: 30, recent: 30 });
  });
});
