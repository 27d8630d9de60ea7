import { describe, expect, it } from 'vitest';
import { parseEvalManifest } from './eval-manifest';
import { normalizeForWer } from './normalize';
import { spellCardinal, spellOrdinal } from './spell-number';
import { corpusWer, wordErrors } from './wer';

describe('spell-number', () => {
  it.each([
    [0, 'zero'],
    [7, 'seven'],
    [15, 'fifteen'],
    [25, 'twenty five'],
    [100, 'one hundred'],
    [101, 'one hundred one'],
    [1960, 'one thousand nine hundred sixty'],
    [3000, 'three thousand'],
    [2_000_017, 'two million seventeen'],
  ])('%i → %s', (n, words) => expect(spellCardinal(n)).toBe(words));

  it.each([
    [1, 'first'],
    [3, 'third'],
    [12, 'twelfth'],
    [21, 'twenty first'],
    [40, 'fortieth'],
    [100, 'one hundredth'],
  ])('ordinal %i → %s', (n, words) => expect(spellOrdinal(n)).toBe(words));
});

describe('normalizeForWer', () => {
  it.each([
    ['And so, my fellow Americans, ask not.', 'and so my fellow americans ask not'],
    ['Restaurants near the Eiffel Tower in Paris', 'restaurants near the eiffel tower in paris'],
    ['25% off at 3rd street', 'twenty five percent off at third street'],
    ['3,000 km', 'three thousand km'],
    ['pi is 3.14', 'pi is three point one four'],
    ["Don't stop—we'll go", "don't stop we'll go"],
    ['\u201cquoted\u201d \u2018words\u2019', 'quoted words'],
    ['fish & chips', 'fish and chips'],
    ['  spaced   out  ', 'spaced out'],
    ['São Paulo', 'são paulo'],
  ])('%j → %j', (text, normal) => expect(normalizeForWer(text)).toBe(normal));
});

describe('wordErrors', () => {
  it('counts substitutions, deletions and insertions', () => {
    expect(wordErrors('a b c d', 'a x c d')).toEqual({ substitutions: 1, deletions: 0, insertions: 0, referenceWords: 4 });
    expect(wordErrors('a b c d', 'a c d')).toEqual({ substitutions: 0, deletions: 1, insertions: 0, referenceWords: 4 });
    expect(wordErrors('a b', 'a b c')).toEqual({ substitutions: 0, deletions: 0, insertions: 1, referenceWords: 2 });
    expect(wordErrors('', 'a')).toEqual({ substitutions: 0, deletions: 0, insertions: 1, referenceWords: 0 });
    expect(wordErrors('a b', '')).toEqual({ substitutions: 0, deletions: 2, insertions: 0, referenceWords: 2 });
  });

  it('pools errors over the corpus', () => {
    const wer = corpusWer([wordErrors('a b c d', 'a x c d'), wordErrors('e f', 'e f g h')]);
    expect(wer).toBeCloseTo(3 / 6, 9);
  });
});

describe('parseEvalManifest', () => {
  it('reads path and reference, skips comments and blank lines, reports malformed lines', () => {
    const { entries, problems } = parseEvalManifest('# header\njfk.wav\tAnd so.\n\nbroken line\n/abs/x.wav\tHi\n');
    expect(entries).toEqual([
      { line: 2, path: 'jfk.wav', reference: 'And so.' },
      { line: 5, path: '/abs/x.wav', reference: 'Hi' },
    ]);
    expect(problems).toEqual([{ line: 4, message: "line 4: expected 'path<TAB>reference', found no tab" }]);
  });
});
