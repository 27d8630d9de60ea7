import { describe, expect, it } from 'vitest';
import { alignWords, topConfusions } from './align';
import { wordErrors } from './wer';

describe('alignWords', () => {
  it('pairs each reference word with what the recogniser wrote', () => {
    expect(alignWords('hotels in barcelona', 'hotel in barcelona')).toEqual([
      { op: 'substitute', ref: 'hotels', hyp: 'hotel' },
      { op: 'equal', ref: 'in', hyp: 'in' },
      { op: 'equal', ref: 'barcelona', hyp: 'barcelona' },
    ]);
    expect(alignWords('weather in paris', 'weather paris today')).toEqual([
      { op: 'equal', ref: 'weather', hyp: 'weather' },
      { op: 'delete', ref: 'in' },
      { op: 'equal', ref: 'paris', hyp: 'paris' },
      { op: 'insert', hyp: 'today' },
    ]);
  });

  it('has as many errors as the WER count', () => {
    const cases: [string, string][] = [
      ['toronto', 'turn on the'],
      ['show me cheap hotels near the centre of lagos', 'show me the hotels near the center of lagos for next week'],
      ['', 'thank you'],
      ['paris', ''],
    ];
    for (const [ref, hyp] of cases) {
      const errors = alignWords(ref, hyp).filter((a) => a.op !== 'equal').length;
      const e = wordErrors(ref, hyp);
      expect(errors).toBe(e.substitutions + e.deletions + e.insertions);
    }
  });
});

describe('topConfusions', () => {
  it('counts substitutions, deletions and insertions, most frequent first', () => {
    const alignments = [alignWords('hotels in paris', 'hotel in harris'), alignWords('hotels in rome', 'hotel in rome now')];
    expect(topConfusions(alignments, 1)).toEqual([{ confusion: 'hotels → hotel', count: 2 }]);
    const all = topConfusions(alignments, 10);
    expect(all).toHaveLength(3);
    expect(all).toContainEqual({ confusion: 'paris → harris', count: 1 });
    expect(all).toContainEqual({ confusion: '∅ → now', count: 1 });
  });
});
