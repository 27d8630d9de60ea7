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
  it('opens a slot after each carrier word, as the recogniser wrote the words before it, and the start only when nothing else does', () => {
    expect(placeSlots('Restaurant\u2019s near quills', o)).toEqual([{ prefix: 'Restaurant\u2019s near', start: 2 }]);
    expect(placeSlots('Look in the window', o)).toEqual([{ prefix: 'Look in', start: 2 }]);
    expect(placeSlots('Lucknow India', o)).toEqual([{ prefix: '', start: 0 }]);
  });

  it('gives the decoder a carrier phrase whose first word sounds like the heard one, when its own last word was lost', () => {
    expect(placeSlots('Flight stormed it', o)).toEqual([{ prefix: 'Flights to', start: 0, carrier: true }]);
    // Heard as said: the carrier word's own slot is enough.
    expect(placeSlots('Flights to Irbid', o)).toEqual([{ prefix: 'Flights to', start: 2 }]);
    // Of the phrases opening with that word, the one spelled most like the heard words.
    expect(placeSlots('Restaurant syndicute', o)[0]).toMatchObject({ prefix: 'Restaurants near', carrier: true });
    expect(placeSlots('Restaurant sin Beppu', o)[0]).toMatchObject({ prefix: 'Restaurants in', carrier: true });
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
  // One span per name, and the continuation on, whatever the fitted defaults are.
  const o = { ...DEFAULT_VERIFICATION_OPTIONS, spansPerName: 1, slotContinuation: 8 };

  it('puts each slot name in for the words after the slot it is spelled most like, ahead of the sound-alikes', () => {
    const slots = [{ start: 2, names: [{ name: 'Seattle', sumLogprob: -4 }, { name: 'Lucknow', sumLogprob: -2 }] }];
    const candidates = placeCandidates(sounds, ['Restaurants near snissy atle'], o, slots);
    expect(candidates.slice(0, 3).map((c) => c.text)).toEqual(['Restaurants near snissy atle', 'Restaurants near Lucknow atle', 'Restaurants near Seattle']);
    expect(candidates[2]).toMatchObject({ name: 'Seattle' });
    expect(candidates[2]!.prior).toBeGreaterThan(0);
  });

  it('puts a carrier slot’s phrase and name in place of the words from the start they sound like', () => {
    const slots = [{ start: 0, carrier: 'Flights to', names: [{ name: 'Seattle', sumLogprob: -3 }] }];
    expect(placeCandidates(sounds, ['Flight stow seat all'], o, slots).map((c) => c.text)).toContain('Flights to Seattle');
  });

  it('puts the name with what the recogniser wrote on after it first, the misheard words after it gone', () => {
    const slots = [{ start: 0, names: [{ name: 'Lucknow', sumLogprob: -3, continuation: ' India.' }] }];
    expect(placeCandidates(sounds, ['Look in the window India'], o, slots)[1]).toMatchObject({ text: 'Lucknow India.', name: 'Lucknow' });
    const carried = [{ start: 0, carrier: 'Flights to', names: [{ name: 'Seattle', sumLogprob: -3, continuation: '' }] }];
    expect(placeCandidates(sounds, ['Flight stow seat all'], o, carried)[1]).toMatchObject({ text: 'Flights to Seattle' });
  });

  it('tries a name in place of its likeliest runs of words, as many as spansPerName', () => {
    // A name the sound index does not hold, so only the slot brings it in.
    const slots = [{ start: 0, names: [{ name: 'Seaton', sumLogprob: -3 }] }];
    const texts = (n: number) => placeCandidates(sounds, ['Sea tall town'], { ...o, spansPerName: n }, slots).filter((c) => c.name === 'Seaton').map((c) => c.text);
    expect(texts(1)).toHaveLength(1);
    expect(texts(2)).toHaveLength(2);
  });

  it('never puts a name in for filler alone, nor a carrier phrase and name for words heard right', () => {
    const slots = [{ start: 0, names: [{ name: 'Seaton', sumLogprob: -1 }] }];
    expect(placeCandidates(sounds, ['Where can I eat'], { ...o, slotContinuation: 0 }, slots).map((c) => c.name)).not.toContain('Seaton');
    const carried = [{ start: 0, carrier: 'Hotels in', names: [{ name: 'Seaton', sumLogprob: -1 }] }];
    expect(placeCandidates(sounds, ['hotel nearby'], { ...o, slotContinuation: 0 }, carried).map((c) => c.name)).not.toContain('Seaton');
  });

  it('leaves the continuation out when slotContinuation is 0', () => {
    const slots = [{ start: 0, names: [{ name: 'Lucknow', sumLogprob: -3, continuation: ' India.' }] }];
    expect(placeCandidates(sounds, ['Look in the window India'], { ...o, slotContinuation: 0 }, slots).map((c) => c.text)).not.toContain('Lucknow India.');
  });

  it('adds a name after a slot at the end of the words (the name was lost)', () => {
    const candidates = placeCandidates(sounds, ['Weather in.'], o, [{ start: 2, names: [{ name: 'Seattle', sumLogprob: -1 }] }]);
    expect(candidates.map((c) => c.text)).toContain('Weather in Seattle');
  });

  it('still lets the sound-alikes fill up to maxCandidates besides the slot names', () => {
    const slots = [{ start: 0, names: [{ name: 'Seaton', sumLogprob: -9 }] }];
    const withSlots = placeCandidates(sounds, ['Sea tall India'], o, slots);
    const without = placeCandidates(sounds, ['Sea tall India'], o);
    expect(withSlots.length).toBe(without.length + 1);
  });
});
