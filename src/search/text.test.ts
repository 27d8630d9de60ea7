import { describe, expect, it } from 'vitest';
import { foldText, words } from './text';

describe('foldText', () => {
  it.each([
    ['Zürich', 'zurich'],
    ['São Paulo', 'sao paulo'],
    ['Reykjavík', 'reykjavik'],
    ['Łódź', 'lodz'],
    ['Straße', 'strasse'],
    ['Ærøskøbing', 'aeroskobing'],
    ['Hawaiʻi', 'hawaii'],
    ["Xi'an", 'xian'],
    ['Kuril’sk', 'kurilsk'],
    ['İstanbul', 'istanbul'],
  ])('%s → %s', (text, folded) => {
    expect(foldText(text)).toBe(folded);
  });
});

describe('words', () => {
  it('splits on anything that is not a letter or digit', () => {
    expect(words('Saint-Étienne (Loire)')).toEqual(['saint', 'etienne', 'loire']);
    expect(words('Zürich (Kreis 7) / Witikon')).toEqual(['zurich', 'kreis', '7', 'witikon']);
  });

  it('keeps dotted initials as one word', () => {
    expect(words('Washington, D.C.')).toEqual(['washington', 'dc']);
    expect(words('U.S. Virgin Islands')).toEqual(['us', 'virgin', 'islands']);
    expect(words('St. Louis')).toEqual(['st', 'louis']);
  });

  it('returns nothing for punctuation or an empty text', () => {
    expect(words('')).toEqual([]);
    expect(words(' ,.!? ')).toEqual([]);
  });
});
