import { describe, expect, it } from 'vitest';
import { foldCharacter, memoizedTokenText, PhraseBias } from './phrase-bias';

const PHRASES = [
  { letters: 'paris', weight: 1 },
  { letters: 'kinshasa', weight: 0.8 },
  { letters: 'new', weight: 0.2 },
  { letters: 'newyork', weight: 1 },
  { letters: 'york', weight: 0.5 },
];
const OPTIONS = { perLetter: 0.5, perPhrase: 3, maxWords: 4, extraCandidates: 5 };

/** The potential after `tokens`, and after the text ends when `finished`. */
function potentialOf(bias: PhraseBias, tokens: readonly string[], finished = false): number {
  let state = bias.start();
  for (const t of tokens) state = bias.advance(state, t);
  return bias.potential(finished ? bias.finish(state) : state);
}

describe('foldCharacter', () => {
  it('folds letters as the catalogue spellings are folded: lower case, accents off', () => {
    expect(foldCharacter('É')).toBe('e');
    expect(foldCharacter('ã')).toBe('a');
    expect(foldCharacter('7')).toBe('7');
  });

  it('skips apostrophes and reads other marks as a word boundary', () => {
    expect(foldCharacter("'")).toBe('');
    expect(foldCharacter('’')).toBe('');
    expect(foldCharacter('-')).toBe(' ');
    expect(foldCharacter(',')).toBe(' ');
    expect(foldCharacter(' ')).toBe(' ');
  });
});

describe('PhraseBias', () => {
  const bias = new PhraseBias(PHRASES, OPTIONS);

  it('gains per letter while a name is spelled, and loses it when the spelling stops matching', () => {
    expect(potentialOf(bias, [' Par'])).toBeCloseTo(1.5, 9);
    expect(potentialOf(bias, [' Par', 'is'])).toBeCloseTo(2.5, 9);
    expect(potentialOf(bias, [' Par', 'rot'])).toBe(0);
  });

  it('keeps the bonus of a name completed at a word boundary or at the end, not inside a longer word', () => {
    expect(potentialOf(bias, [' Paris', '.'])).toBeCloseTo(3, 9);
    expect(potentialOf(bias, [' Hotels', ' in', ' Paris'], true)).toBeCloseTo(3, 9);
    expect(potentialOf(bias, [' Parisian'], true)).toBe(0);
    expect(potentialOf(bias, [' Par'], true)).toBe(0);
  });

  it('matches any tokenisation of a name, and a name split by spaces or hyphens', () => {
    const whole = potentialOf(bias, [' Kinshasa'], true);
    expect(whole).toBeCloseTo(3 * 0.8, 9);
    expect(potentialOf(bias, [' Kin', 'sh', 'asa'], true)).toBeCloseTo(whole, 9);
    expect(potentialOf(bias, [' K', 'inshasa'], true)).toBeCloseTo(whole, 9);
    expect(potentialOf(bias, [' Kin', ' shasa'], true)).toBeCloseTo(whole, 9);
    expect(potentialOf(bias, [' Kin-shasa'], true)).toBeCloseTo(whole, 9);
  });

  it('counts the longest name from each word once: "New York" is newyork, and york from its own word', () => {
    expect(potentialOf(bias, [' New'], true)).toBeCloseTo(3 * 0.2, 9);
    expect(potentialOf(bias, [' New', ' York'], true)).toBeCloseTo(3 * 1 + 3 * 0.5, 9);
  });

  it('lets a name span at most maxWords words', () => {
    const twoWords = new PhraseBias([{ letters: 'abcd', weight: 1 }], { ...OPTIONS, maxWords: 2 });
    expect(potentialOf(twoWords, [' a', ' b', 'cd'], true)).toBeCloseTo(3, 9);
    expect(potentialOf(twoWords, [' a', ' b', ' cd'], true)).toBe(0);
  });

  it('keeps the higher weight of a spelling listed twice', () => {
    const twice = new PhraseBias([{ letters: 'york', weight: 0.5 }, { letters: 'york', weight: 0.9 }], OPTIONS);
    expect(twice.size).toBe(1);
    expect(potentialOf(twice, [' York'], true)).toBeCloseTo(3 * 0.9, 9);
  });

  it('states are immutable: a hypothesis' + "'" + 's state is unchanged by its children', () => {
    const parent = bias.advance(bias.start(), ' Par');
    bias.advance(parent, 'is');
    bias.advance(parent, 'rot');
    expect(bias.potential(parent)).toBeCloseTo(1.5, 9);
  });

  it('rejects a phrase that is not folded letters or a weight outside 0 to 1', () => {
    expect(() => new PhraseBias([{ letters: 'New York', weight: 1 }])).toThrow(/letters must be a-z/);
    expect(() => new PhraseBias([{ letters: 'york', weight: 1.5 }])).toThrow(/weight must be 0 to 1/);
  });
});

describe('memoizedTokenText', () => {
  it('decodes each token once', () => {
    let calls = 0;
    const text = memoizedTokenText((t) => (calls++, `<${t}>`));
    expect([text(3), text(3), text(4)]).toEqual(['<3>', '<3>', '<4>']);
    expect(calls).toBe(2);
  });
});
