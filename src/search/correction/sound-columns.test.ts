import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../catalogue';
import { encodeCatalogue } from '../catalogue-format';
import type { Place } from '../place';
import { correctTranscript } from './correct-transcript';
import { plainLetters, soundColumns } from './sound-columns';
import { SoundIndex } from './sound-index';

function place(id: string, name: string, population: number, extra: Partial<Place> = {}): Place {
  const kind = id.startsWith('country:') ? 'country' : 'city';
  return {
    id, kind, name, altNames: [], countryCode: 'XA', countryName: 'Xanadu', continent: 'Europe',
    adminCode: kind === 'city' ? '00' : '', region: '', featureCode: kind === 'city' ? 'PPL' : '', population, lat: 0, lon: 0, ...extra,
  };
}

const xanadu = place('country:XA', 'Xanadu', 3_000_000);
const places: Place[] = [
  xanadu,
  place('geonames:1', 'Paris', 20_000),
  place('geonames:2', 'Paris', 2_000_000, { featureCode: 'PPLC' }),
  place('geonames:3', 'Köln', 1_000_000, { altNames: ['Cologne'] }),
  place('geonames:4', 'St. Louis', 300_000),
  place('geonames:5', 'Jabalpur', 1_000_000),
  place('geonames:6', 'Toronto', 2_600_000),
];

describe('soundColumns', () => {
  const columns = soundColumns(places);
  // Every entry's spelling, as SoundIndex.fromColumns reads it back.
  const spelled = columns.place.map((row, i) => {
    const place = places[row]!;
    const alt = columns.altName[i];
    return columns.letters[i] ?? plainLetters(alt === undefined ? place.name : place.altNames[alt - 1]!);
  });
  const entry = (letters: string) => spelled.indexOf(letters);

  it('lists each spelling once, for its likeliest place, likeliest places first', () => {
    expect(spelled.filter((l) => l === 'paris')).toHaveLength(1);
    expect(places[columns.place[entry('paris')]!]!.population).toBe(2_000_000);
    // The capital's feature weight (ranking.ts) puts Paris before bigger Xanadu and Toronto.
    expect(spelled.slice(0, 3)).toEqual(['paris', 'xanadu', 'toronto']);
  });

  it('stores only the spellings that are not a plain ASCII name in lower case', () => {
    expect(Object.values(columns.letters).sort()).toEqual(['koln', 'saintlouis']);
    expect(plainLetters('St. Louis')).toBe('stlouis');
    expect(plainLetters('Köln')).toBeNull();
  });

  it('spells a name with and without its abbreviation, and marks alternative names', () => {
    expect(spelled).toEqual(expect.arrayContaining(['stlouis', 'saintlouis']));
    expect(columns.altName).toEqual({ [String(entry('cologne'))]: 1 });
    expect(columns.altName[entry('koln')]).toBeUndefined();
  });

  it('numbers the codes in code-unit order, with the alternative code where Double Metaphone gives one', () => {
    expect([...columns.codes].sort()).toEqual(columns.codes);
    expect(new Set(columns.codes).size).toBe(columns.codes.length);
    expect(columns.codes[columns.code[entry('jabalpur')]!]).toBe('JPLPR');
    expect(columns.codes[columns.altCode[entry('jabalpur')]!]).toBe('APLPR');
    expect(columns.altCode[entry('toronto')]).toBeUndefined();
  });
});

describe('SoundIndex.fromColumns', () => {
  it('corrects from the catalogue file exactly as from the places themselves', () => {
    const catalogue = loadCatalogue(JSON.parse(JSON.stringify(encodeCatalogue(places, { attribution: '', sources: [], continents: { EU: 'Europe' } }))));
    const shipped = SoundIndex.fromColumns(catalogue.places, catalogue.sounds);
    const built = SoundIndex.build(places);
    expect(shipped.size).toBe(built.size);
    for (const transcript of ['Whether in Jebel Pour', 'flights to Toronta', 'hotels in Saint Louis', 'Cologne', 'turn on the', 'Harris']) {
      const fromFile = correctTranscript(shipped, transcript);
      const fromPlaces = correctTranscript(built, transcript);
      expect({ ...fromFile, replacements: fromFile.replacements.map(({ placeId, ...r }) => r) }, transcript).toEqual({
        ...fromPlaces,
        replacements: fromPlaces.replacements.map(({ placeId, ...r }) => r),
      });
      expect(fromFile.replacements.map((r) => catalogue.places.find((p) => p.id === r.placeId)?.name)).toEqual(fromPlaces.replacements.map((r) => r.name));
    }
    // Not vacuous: some of those are corrected.
    expect(correctTranscript(shipped, 'flights to Toronta').text).toBe('flights to Toronto');
  });

  it('refuses codes out of order, which the trie would renumber', () => {
    const columns = soundColumns(places);
    expect(() => SoundIndex.fromColumns(places, { ...columns, codes: [...columns.codes].reverse() })).toThrow(RangeError);
  });

  it('refuses an entry whose name needs a stored spelling and has none', () => {
    const columns = soundColumns(places);
    const koln = Object.keys(columns.letters).find((entry) => columns.letters[entry] === 'koln')!;
    const { [koln]: _, ...rest } = columns.letters;
    expect(() => SoundIndex.fromColumns(places, { ...columns, letters: rest })).toThrow(/\("Köln"\) has no stored spelling/);
  });
});
