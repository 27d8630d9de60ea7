import { describe, expect, it } from 'vitest';
import type { Place } from '../place';
import { SoundIndex } from '../correction/sound-index';
import { placeCandidates } from './place-candidates';
import { DEFAULT_VERIFICATION_OPTIONS } from './verification-options';
import { verifyPlace } from './verify-place';

function place(id: number, name: string, population: number, kind: Place['kind'] = 'city'): Place {
  return {
    id: `geonames:${id}`, kind, name, altNames: [], countryCode: 'XX', countryName: 'Somewhere', continent: 'Earth',
    adminCode: '00', region: '', featureCode: 'PPL', population, lat: 0, lon: 0,
  };
}

const sounds = SoundIndex.build([place(1, 'Lucknow', 2_472_011), place(2, 'Seattle', 737_015), place(3, 'Minneapolis', 425_336), place(4, 'Lakhnau', 300), place(5, 'India', 1_300_000_000, 'country')]);
const options = { ...DEFAULT_VERIFICATION_OPTIONS, tokenBonus: 0, priorWeight: 0, nameBonus: 0, replaceMargin: 1, suggestMargin: 0 };
const score = (sumLogprob: number, scoredTokens = 5) => ({ sumLogprob, scoredTokens });

describe('placeCandidates', () => {
  it('puts catalogue names in place of the words that sound like them, after the hypotheses themselves', () => {
    const candidates = placeCandidates(sounds, ['Look now India', 'Look in India'], DEFAULT_VERIFICATION_OPTIONS);
    expect(candidates.slice(0, 2).map((c) => [c.text, c.name])).toEqual([['Look now India', null], ['Look in India', null]]);
    expect(candidates.map((c) => c.text)).toContain('Lucknow India');
    expect(candidates.find((c) => c.text === 'Lucknow India')!.prior).toBeGreaterThan(0);
    expect(new Set(candidates.map((c) => c.text.toLowerCase())).size).toBe(candidates.length);
  });

  it('lets a name elsewhere in the words only bring in a likelier place than one already named (a country is context)', () => {
    // Seattle is less likely than the Lucknow already named: not tried in place of "snissy atle".
    expect(placeCandidates(sounds, ['Lucknow snissy atle'], DEFAULT_VERIFICATION_OPTIONS).map((c) => c.name)).not.toContain('Seattle');
  });

  it('keeps to maxCandidates, and finds nothing to put into filler alone', () => {
    expect(placeCandidates(sounds, ['Look now India'], { ...DEFAULT_VERIFICATION_OPTIONS, maxCandidates: 2 })).toHaveLength(2);
    expect(placeCandidates(sounds, ['near'], DEFAULT_VERIFICATION_OPTIONS).map((c) => c.text)).toEqual(['near']);
  });
});

describe('verifyPlace', () => {
  const heard = { text: 'Look now India', prior: 0.9, score: score(-9) };
  const candidates = [
    { text: 'Look now India', name: null, prior: 0.9, likeness: 1 },
    { text: 'Lucknow India', name: 'Lucknow', prior: 0.95, likeness: 0.8 },
    { text: 'Lakhnau India', name: 'Lakhnau', prior: 0.9, likeness: 0.7 },
  ];

  it('replaces what was heard with the candidate the recogniser finds clearly likelier', () => {
    expect(verifyPlace(heard, candidates, [score(-9), score(-6), score(-8)], options)).toEqual({ text: 'Lucknow India', suggestion: null, replaced: true, gain: 3 });
  });

  it('only offers a candidate that wins by less than the margin, and keeps what was heard when none wins', () => {
    expect(verifyPlace(heard, candidates, [score(-9), score(-8.5), score(-12)], options)).toEqual({ text: 'Look now India', suggestion: 'Lucknow India', replaced: false, gain: 0.5 });
    expect(verifyPlace(heard, candidates, [score(-9), score(-11), score(-12)], options)).toMatchObject({ text: 'Look now India', suggestion: null, replaced: false });
  });

  it('weighs in the prior, the length and the naming of a place as told', () => {
    const close = [score(-9), score(-9.5), score(-9.5)];
    expect(verifyPlace(heard, candidates, close, { ...options, priorWeight: 40 }).replaced).toBe(true);
    expect(verifyPlace(heard, candidates, [score(-9, 5), score(-9.5, 7), score(-20)], { ...options, tokenBonus: 1 }).replaced).toBe(true);
    const placeless = { text: 'weather', prior: 0, score: score(-3) };
    expect(verifyPlace(placeless, [{ text: 'Wetter', name: 'Wetter', prior: 0.3, likeness: 0.8 }], [score(-3.5)], { ...options, nameBonus: 2 }).replaced).toBe(true);
    expect(verifyPlace(placeless, [{ text: 'Wetter', name: 'Wetter', prior: 0.3, likeness: 0.8 }], [score(-3.5)], options).replaced).toBe(false);
  });
});
