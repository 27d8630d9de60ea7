import { describe, expect, it } from 'vitest';
import { abbreviationSpellings, ordinalSuffix, readNumber, spokenForms } from './spoken-forms';
import { words } from './text';

const forms = (text: string) => spokenForms(words(text)).join(' ');

describe('spokenForms: abbreviations before a name', () => {
  it.each([
    ['saint petersburg', 'saint petersburg'],
    ['st petersburg', 'saint petersburg'],
    ['St. Petersburg', 'saint petersburg'],
    ['st louis', 'saint louis'],
    ['Sault Ste. Marie', 'sault sainte marie'],
    ['mount vernon', 'mount vernon'],
    ['mt vernon', 'mount vernon'],
    ['Mt. Vernon', 'mount vernon'],
    ['fort worth', 'fort worth'],
    ['ft worth', 'fort worth'],
    ['Sankt Gallen', 'saint gallen'],
  ])('%s → %s', (text, expected) => {
    expect(forms(text)).toBe(expected);
  });

  it('leaves an abbreviation with nothing after it: it may be a word being typed', () => {
    expect(forms('st')).toBe('st');
    expect(forms('ste')).toBe('ste');
    expect(forms('rocky mount')).toBe('rocky mount');
  });
});

describe('spokenForms: numbers', () => {
  it.each([
    ['twenty nine palms', '29 palms'],
    ['twenty-nine palms', '29 palms'],
    ['Twentynine Palms', '29 palms'],
    ['29 Palms', '29 palms'],
    ['third lake', '3rd lake'],
    ['3rd lake', '3rd lake'],
    ['Ninety Six', '96'],
    ['seven hills', '7 hills'],
    ['One Tree Hill', '1 tree hill'],
    ['Chak Five Hundred Seventy-five', 'chak 575'],
    ['Chak One Hundred Twenty Nine Left', 'chak 129 left'],
    ['Chak Thirty-one -Eleven Left', 'chak 31 11 left'],
    ['twenty first street', '21st street'],
    ['two thousand twenty four', '2024'],
    ['twelve hundred', '12 hundred'],
  ])('%s → %s', (text, expected) => {
    expect(forms(text)).toBe(expected);
  });

  it('starts a new number where the words cannot continue one', () => {
    expect(forms('one two three go')).toBe('1 2 3 go');
    expect(forms('twenty thirty x')).toBe('20 30 x');
    expect(forms('first second x')).toBe('1st 2nd x');
  });

  it('leaves a lone number word at the end: "ten" may be the start of Tenerife', () => {
    expect(forms('ten')).toBe('ten');
    expect(forms('highway seven')).toBe('highway seven');
    expect(forms('Sinilian First')).toBe('sinilian first');
    // A number of more than one word is a number, wherever it is.
    expect(forms('delmas seventy three')).toBe('delmas 73');
  });

  it('reads one number and says where it ends', () => {
    expect(readNumber(['five', 'hundred', 'palms'], 0)).toEqual({ text: '500', end: 2 });
    expect(readNumber(['palms'], 0)).toBeNull();
  });

  it.each([
    [1, 'st'],
    [2, 'nd'],
    [3, 'rd'],
    [4, 'th'],
    [11, 'th'],
    [12, 'th'],
    [13, 'th'],
    [21, 'st'],
    [102, 'nd'],
    [111, 'th'],
  ])('ordinal suffix of %i is %s', (value, suffix) => {
    expect(ordinalSuffix(value)).toBe(suffix);
  });
});

describe('spokenForms: "and" and "&"', () => {
  it('treats "&" as a word break, so "a & b" is "a b"; query parsing drops "and" as filler', () => {
    expect(forms('Bosnia & Herzegovina')).toBe('bosnia herzegovina');
    expect(forms('Bosnia and Herzegovina')).toBe('bosnia and herzegovina');
  });
});

describe('abbreviationSpellings (sound index)', () => {
  it('adds the other spelling of a name abbreviation, both ways', () => {
    expect(abbreviationSpellings('st')).toEqual(['st', 'saint']);
    expect(abbreviationSpellings('saint')).toEqual(['saint', 'st']);
    expect(abbreviationSpellings('mt')).toEqual(['mt', 'mount']);
    expect(abbreviationSpellings('paris')).toEqual(['paris']);
  });
});
