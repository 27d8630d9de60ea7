import { describe, expect, it } from 'vitest';
import type { Place } from '../place';
import { correctTranscript } from './correct-transcript';
import { collapseRepeatedHalves } from './repeated-words';
import { SoundIndex } from './sound-index';

function place(id: number, name: string, population: number): Place {
  return {
    id: `geonames:${id}`, kind: 'city', name, altNames: [], countryCode: 'XX', countryName: 'XX', continent: 'Earth',
    adminCode: '00', region: '', featureCode: 'PPL', population, lat: 0, lon: 0,
  };
}

const index = SoundIndex.build([place(1, 'London', 8_000_000), place(2, 'Mexico City', 12_000_000), place(3, 'Bora Bora', 10_000), place(4, 'Walla Walla', 30_000)]);

describe('collapseRepeatedHalves', () => {
  it('says a transcript that repeats itself once', () => {
    expect(collapseRepeatedHalves(index, 'London London')).toBe('London');
    expect(collapseRepeatedHalves(index, 'Mexico City Mexico City.')).toBe('Mexico City');
    expect(collapseRepeatedHalves(index, 'hotels in Paris, hotels in Paris')).toBe('hotels in Paris');
  });

  it('keeps a place that is named so, and anything that is not two equal halves', () => {
    expect(collapseRepeatedHalves(index, 'Bora Bora')).toBeNull();
    expect(collapseRepeatedHalves(index, 'Walla Walla')).toBeNull();
    expect(collapseRepeatedHalves(index, 'London')).toBeNull();
    expect(collapseRepeatedHalves(index, 'London London London')).toBeNull();
    expect(collapseRepeatedHalves(index, 'New York, New Jersey')).toBeNull();
  });

  it('is part of the correction: the text searched is one copy, the original is what was heard', () => {
    const result = correctTranscript(index, 'London London');
    expect(result.text).toBe('London');
    expect(result.original).toBe('London London');
    expect(result.replacements).toEqual([]);
  });
});
