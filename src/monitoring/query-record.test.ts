import { describe, expect, it } from 'vitest';
import { beamMargin, changeSteps, recordsToPrune } from './query-record';

const DAY = 86_400_000;

describe('recordsToPrune', () => {
  it('prunes records past the retention age and the oldest past the count', () => {
    const now = 100 * DAY;
    const records = [
      { id: 1, time: now - 40 * DAY },
      { id: 2, time: now - 10 * DAY },
      { id: 3, time: now - 5 * DAY },
      { id: 4, time: now - 1 * DAY },
    ];
    expect(recordsToPrune(records, now)).toEqual([1]);
    expect(recordsToPrune(records, now, { maxRecords: 2 })).toEqual([1, 2]);
    expect(recordsToPrune(records, now, { retentionDays: 7, maxRecords: 3 })).toEqual([1, 2]);
    expect(recordsToPrune([], now)).toEqual([]);
  });
});

describe('beamMargin', () => {
  it('is the best hypothesis’s avg log-probability minus the runner-up’s', () => {
    expect(beamMargin([{ avgLogprob: -0.25 }, { avgLogprob: -1 }, { avgLogprob: -2 }])).toBe(0.75);
    expect(beamMargin([{ avgLogprob: -0.25 }])).toBeUndefined();
    expect(beamMargin(undefined)).toBeUndefined();
  });
});

describe('changeSteps', () => {
  const base = {
    accepted: true as const,
    heard: 'Tokio',
    chosen: 0,
    alternatives: [],
    correction: { original: 'Tokio', text: 'Tokio', suggestion: null, replacements: [], confidence: null },
    query: 'Tokio',
    hits: [],
  };

  it('names each step that changed the query, and none when nothing did', () => {
    expect(changeSteps(base)).toEqual([]);
    const replacement = { start: 0, end: 1, original: ['Tokio'], name: 'Tokyo', placeId: 'x', score: 0.8 };
    expect(changeSteps({ ...base, correction: { ...base.correction, replacements: [{ ...replacement, applied: false }] } as never })).toEqual([]);
    expect(changeSteps({ ...base, chosen: 1, correction: { ...base.correction, replacements: [{ ...replacement, applied: true }] } as never })).toEqual(['rescoring', 'correction']);
    expect(changeSteps({ ...base, verification: { candidates: 4, slots: 1, gain: 1.5, replaced: true, before: 'Tokio' } })).toEqual(['verification']);
    expect(changeSteps({ ...base, verification: { candidates: 4, slots: 1, gain: 0.1, replaced: false, before: 'Tokio' } })).toEqual([]);
    expect(changeSteps({ accepted: false, reason: 'no-words' })).toEqual([]);
  });
});
