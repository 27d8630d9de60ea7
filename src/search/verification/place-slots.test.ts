import { describe, expect, it } from 'vitest';
import type { Place } from '../place';
import { SoundIndex } from '../correction/sound-index';
import { placeCandidates } from './place-candidates';
import { placeSlots, slotNames } from './place-slots';
import { DEFAULT_VERIFICATION_OPTIONS } from './verification-options';

function place(id: number, name: string, population: number, kind: Place['kind'] = 'city', altNames: string[] = []): Place {
  return {
    id: `geonames:${id}`, kind, name, altNames, countryCode: 'XX', countryName: 'Somewhere', continent: 'Earth',
    adminCode: '00', region: '', featureCode: 'PPL', population, lat: 0, lon: 0,
  };
}

const sounds = SoundIndex.build([place(1, 'Lucknow', 2_472_011, 'city', ['Lakhnau']), place(2, 'Seattle', 737_015), place(3, 'Minkin', 300), place(5, 'India', 0, 'country')]);
const o = DEFAULT_VERIFICATION_OPTIONS;

describe('placeSlots', () => {
  it('opens a slot after each carrier word, then at the start, as the recogniser wrote the words before it', () => {
    expect(placeSlots('Restaurant\u2019s near quills', o)).toEqual([
      { prefix: 'Restaurant\u2019s near', start: 2 },
      { prefix: '', start: 0 },
    ]);
    expect(placeSlots('Look in the window', o)).toEqual([
      { prefix: 'Look in', start: 2 },
      { prefix: '', start: 0 },
    ]);
    expect(placeSlots('Lucknow India', o)).toEqual([{ prefix: '', start: 0 }]);
  });

  it('keeps to maxSlots, and opens none when it is 0', () => {
    expect(placeSlots('Show me hotels near the centre of town', { ...o, maxSlots: 1 })).toEqual([{ prefix: 'Show me hotels near', start: 4 }]);
    expect(placeSlots('Weather in', { ...o, maxSlots: 0 })).toEqual([]);
  });
});

describe('slotNames', () => {
  it('lists every spelling of the countries and of the cities big enough, once', () => {
    const names = slotNames(sounds, { slotMinPopulation: 15_000 });
    expect(names).toEqual(expect.arrayContaining(['Lucknow', 'Lakhnau', 'Seattle', 'India']));
    expect(names).not.toContain('Minkin');
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('placeCandidates with slots', () => {
  it('puts each slot name in for the words after the slot it is spelled most like, ahead of the sound-alikes', () => {
    const slots = [{ start: 2, names: [{ name: 'Seattle', sumLogprob: -4 }, { name: 'Lucknow', sumLogprob: -2 }] }];
    const candidates = placeCandidates(sounds, ['Restaurants near snissy atle'], o, slots);
    expect(candidates.slice(0, 3).map((c) => c.text)).toEqual(['Restaurants near snissy atle', 'Restaurants near Lucknow atle', 'Restaurants near Seattle']);
    expect(candidates[2]).toMatchObject({ name: 'Seattle' });
    expect(candidates[2]!.prior).toBeGreaterThan(0);
  });

  it('adds a name after a slot at the end of the words (the name was lost)', () => {
    const candidates = placeCandidates(sounds, ['Weather in.'], o, [{ start: 2, names: [{ name: 'Seattle', sumLogprob: -1 }] }]);
    expect(candidates.map((c) => c.text)).toContain('Weather in Seattle');
  });

  it('still lets the sound-alikes fill up to maxCandidates besides the slot names', () => {
    const slots = [{ start: 0, names: [{ name: 'Seattle', sumLogprob: -9 }] }];
    const withSlots = placeCandidates(sounds, ['Look now India'], o, slots);
    const without = placeCandidates(sounds, ['Look now India'], o);
    expect(withSlots.length).toBe(without.length + 1);
  });
});
