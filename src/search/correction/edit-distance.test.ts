import { describe, expect, it } from 'vitest';
import { levenshtein, levenshteinTable, similarity } from './edit-distance';

/** A small deterministic generator, so a failure can be replayed. */
function randomWords(count: number, seed: number, alphabet = 'abcde'): string[] {
  let state = seed;
  const next = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  return Array.from({ length: count }, () => Array.from({ length: Math.floor(next() * 40) }, () => alphabet[Math.floor(next() * alphabet.length)]).join(''));
}

describe('levenshtein', () => {
  it.each([
    ['kitten', 'sitting', 3],
    ['jabalpur', 'jebelpour', 3],
    ['', 'omsk', 4],
    ['paris', 'paris', 0],
    ['flaw', 'lawn', 2],
  ])('%s ~ %s = %i', (a, b, distance) => {
    expect(levenshtein(a, b)).toBe(distance);
    expect(levenshtein(b, a)).toBe(distance);
  });

  it("matches the dynamic programme on random strings, bit-parallel (≤ 32 letters) and not", () => {
    const list = randomWords(300, 7);
    for (let i = 0; i + 1 < list.length; i++) {
      expect(levenshtein(list[i]!, list[i + 1]!), `${list[i]} ~ ${list[i + 1]}`).toBe(levenshteinTable(list[i]!, list[i + 1]!));
    }
  });

  it('turns into a similarity from 0 to 1', () => {
    expect(similarity('toronto', 'toronto')).toBe(1);
    expect(similarity('abc', 'xyz')).toBe(0);
    expect(similarity('toronta', 'toronto')).toBeCloseTo(6 / 7);
  });
});
