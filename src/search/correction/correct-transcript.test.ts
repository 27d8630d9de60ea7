import { beforeAll, describe, expect, it } from 'vitest';
import { realCatalogue } from '../../../scripts/catalogue/real-catalogue';
import type { Place } from '../place';
import { correctTranscript } from './correct-transcript';
import { SoundIndex } from './sound-index';

function place(id: number, name: string, countryCode: string, population: number, extra: Partial<Place> = {}): Place {
  return {
    id: `geonames:${id}`, kind: 'city', name, altNames: [], countryCode, countryName: countryCode, continent: 'Earth',
    adminCode: '00', region: '', featureCode: 'PPL', population, lat: 0, lon: 0, ...extra,
  };
}

// A hand-made catalogue: the names of the examples, and small places spelled like
// what a recogniser writes instead of them.
const small = [
  place(6167865, 'Toronto', 'CA', 2_600_000, { featureCode: 'PPLA' }),
  place(2988507, 'Paris', 'FR', 2_138_551, { featureCode: 'PPLC' }),
  place(965528, 'Parys', 'ZA', 48_000),
  place(1269633, 'Jabalpur', 'IN', 1_055_525),
  place(3128760, 'Barcelona', 'ES', 1_620_343, { featureCode: 'PPLA' }),
  place(1496153, 'Omsk', 'RU', 1_129_281, { featureCode: 'PPLA' }),
  place(1526384, 'Almaty', 'KZ', 2_000_900),
  place(100001, 'Jebel', 'RO', 1_200),
  place(2810710, 'Wetter', 'DE', 27_000),
  place(100002, 'Hotels', 'XX', 1_000),
];

describe('correctTranscript on a hand-made catalogue', () => {
  const index = SoundIndex.build(small);

  it('replaces words that sound like a place, span for span, keeping the rest as written', () => {
    const result = correctTranscript(index, 'Whether in Jebel Pour.');
    expect(result.text).toBe('Whether in Jabalpur.');
    expect(result.suggestion).toBeNull();
    expect(result.replacements).toEqual([
      { start: 2, end: 4, original: ['Jebel', 'Pour'], name: 'Jabalpur', placeId: 'geonames:1269633', score: expect.any(Number), applied: true },
    ]);
    expect(result.confidence).toBe(result.replacements[0]!.score);
  });

  it('corrects a near spelling of one word', () => {
    expect(correctTranscript(index, 'Whether in Almighty.').text).toBe('Whether in Almaty.');
    expect(correctTranscript(index, 'flights to Toronta').text).toBe('flights to Toronto');
  });

  it.each(['Paris', 'Parys', 'weather in Paris', 'hotels near me', 'flights to Toronto', 'hotels in Barcelona', 'Whether in Toronto', 'weather in Jabalpur'])(
    'leaves "%s" as it is',
    (transcript) => {
      const result = correctTranscript(index, transcript);
      expect(result.text).toBe(transcript);
      expect(result.replacements).toEqual([]);
      expect(result.suggestion).toBeNull();
      expect(result.confidence).toBeNull();
    },
  );

  it('offers a replacement below applyAt as a suggestion, without changing the text', () => {
    const result = correctTranscript(index, 'flights to Toronta', { applyAt: 0.99 });
    expect(result.text).toBe('flights to Toronta');
    expect(result.suggestion).toBe('flights to Toronto');
    expect(result.replacements.map((r) => [r.name, r.applied])).toEqual([['Toronto', false]]);
  });

  it('offers nothing below suggestAt', () => {
    const result = correctTranscript(index, 'flights to Toronta', { suggestAt: 0.99, applyAt: 0.99 });
    expect(result.replacements).toEqual([]);
  });

  it('makes at most maxReplacements replacements, the best first', () => {
    expect(correctTranscript(index, 'Almighty or Toronta').replacements).toHaveLength(1);
    expect(correctTranscript(index, 'Almighty or Toronta', { maxReplacements: 2 }).text).toBe('Almaty or Toronto');
  });

  it('rejects settings that cannot work', () => {
    expect(() => correctTranscript(index, 'Paris', { suggestAt: 0.9, applyAt: 0.5 })).toThrow(RangeError);
    expect(() => correctTranscript(index, 'Paris', { maxSpanWords: 0 })).toThrow(/maxSpanWords/);
  });
});

describe('correctTranscript on the real catalogue', () => {
  let index: SoundIndex;
  beforeAll(() => {
    index = SoundIndex.build(realCatalogue().catalogue.places);
  });

  // Transcripts of the spoken query set (whisper-tiny and moonshine-tiny, scripts/queries).
  it.each([
    ['Whether in Jebel Pour', 'Whether in Jabalpur'],
    ['Hotel in Paranquilla.', 'Hotel in Barranquilla.'],
    ['Whether in Almighty.', 'Whether in Almaty.'],
    ['Things to do in Gorkpur.', 'Things to do in Gorakhpur.'],
    ['How far is Brasoville from here?', 'How far is Brazzaville from here?'],
    ['Whether in Chong-chun', 'Whether in Changchun'],
  ])('"%s" → "%s"', (transcript, corrected) => {
    expect(correctTranscript(index, transcript).text).toBe(corrected);
  });

  it.each(['Paris', 'weather in Paris', 'hotels near me', 'flights to Toronto', 'hotels in Barcelona', 'Restaurants in Milan.', 'flights from London to Paris'])(
    'changes nothing in "%s"',
    (transcript) => {
      expect(correctTranscript(index, transcript).replacements).toEqual([]);
    },
  );

  it('does not apply a replacement far from the place a query already names', () => {
    // "Brest ranch" ~ Pristina is offered (a capital outranks Milan), but not applied.
    const result = correctTranscript(index, 'Brest ranch in Milan.');
    expect(result.text).toBe('Brest ranch in Milan.');
    expect(result.replacements.every((r) => !r.applied && r.name !== 'Ranchi')).toBe(true);
  });
});
