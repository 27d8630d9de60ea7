import { describe, expect, it } from 'vitest';
import type { Place } from '../place';
import { DEFAULT_RESCORING_OPTIONS, nameEvidence, rescoreHypotheses } from './rescore-hypotheses';
import { SoundIndex } from './sound-index';

function place(id: number, name: string, population: number): Place {
  return {
    id: `geonames:${id}`, kind: 'city', name, altNames: [], countryCode: 'XX', countryName: 'XX', continent: 'Earth',
    adminCode: '00', region: '', featureCode: 'PPL', population, lat: 0, lon: 0,
  };
}

const index = SoundIndex.build([place(1, 'Kinshasa', 7_785_965), place(2, 'Bucharest', 1_877_155), place(3, 'Rest', 150), place(4, 'Milan', 1_236_837)]);

describe('nameEvidence', () => {
  it('is 0 for text that names no place, and filler never counts as a name', () => {
    expect(nameEvidence(index, 'Hotel Minkin Sharser')).toBe(0);
    expect(nameEvidence(index, 'hotels in the')).toBe(0);
  });

  it('grows with the named place\u2019s prior: a big city is strong evidence, a hamlet weak', () => {
    const city = nameEvidence(index, 'hotel in Kinshasa');
    const hamlet = nameEvidence(index, 'Rest runs');
    expect(city).toBe(1);
    expect(hamlet).toBeGreaterThanOrEqual(DEFAULT_RESCORING_OPTIONS.minNameEvidence);
    expect(hamlet).toBeLessThan(city);
  });
});

describe('rescoreHypotheses', () => {
  it('prefers a slightly less probable hypothesis that names a place', () => {
    const r = rescoreHypotheses(index, [
      { text: 'Hotel Minkin Sharser', sumLogprob: -4.1 },
      { text: 'Hotel in Kinshasa', sumLogprob: -5.0 },
    ]);
    expect(r.chosen).toBe(1);
    expect(r.evidence).toEqual([0, 1]);
  });

  it('keeps the recogniser\u2019s choice when the named one is less probable by more than the bonus, or when none names a place', () => {
    const farLess = -2 - DEFAULT_RESCORING_OPTIONS.nameBonus - 1;
    expect(rescoreHypotheses(index, [{ text: 'Hotel Minkin Sharser', sumLogprob: -2 }, { text: 'Hotel in Kinshasa', sumLogprob: farLess }]).chosen).toBe(0);
    // The recogniser ranks by log-probability per token: a shorter, likelier-in-total hypothesis does not win.
    expect(rescoreHypotheses(index, [{ text: 'yeah yeah yeah', sumLogprob: -2 }, { text: 'Thank you', sumLogprob: -1.5 }]).chosen).toBe(0);
  });

  it('breaks ties in the recogniser\u2019s order and reads its bonus from the options', () => {
    expect(rescoreHypotheses(index, [{ text: 'in Milan', sumLogprob: -3 }, { text: 'in Kinshasa', sumLogprob: -3 }]).chosen).toBe(1);
    const none = rescoreHypotheses(index, [{ text: 'Booker Rest', sumLogprob: -3 }, { text: 'Bucharest', sumLogprob: -3.5 }], { nameBonus: 0 });
    expect(none.chosen).toBe(0);
  });

  it('refuses an empty list', () => {
    expect(() => rescoreHypotheses(index, [])).toThrow(/no hypotheses/);
  });
});
