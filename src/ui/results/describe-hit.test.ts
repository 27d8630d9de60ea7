import { describe, expect, it } from 'vitest';
import { formatCoordinates, formatPopulation, matchReasons } from './describe-hit';

describe('matchReasons', () => {
  it('says which word matched, where and how, once per word and kind', () => {
    const reasons = matchReasons([
      { term: 'paris', queryTerm: 'paris', field: 'altNames', kind: 'exact' },
      { term: 'paris', queryTerm: 'paris', field: 'name', kind: 'exact' },
      { term: 'barcelona', queryTerm: 'barcelna', field: 'name', kind: 'fuzzy' },
    ]);
    expect(reasons).toEqual([
      { term: 'paris', field: 'name', kind: 'exact' },
      { term: 'barcelona', from: 'barcelna', field: 'name', kind: 'fuzzy' },
    ]);
  });

  it('labels fields in words', () => {
    expect(matchReasons([{ term: 'francia', queryTerm: 'franc', field: 'country', kind: 'prefix' }])).toEqual([
      { term: 'francia', from: 'franc', field: 'country', kind: 'prefix' },
    ]);
    expect(matchReasons([{ term: 'x', queryTerm: 'x', field: 'altNames', kind: 'exact' }])[0]?.field).toBe('other name');
  });
});

describe('formatPopulation', () => {
  it('groups digits and handles unknown populations', () => {
    expect(formatPopulation(2138551)).toBe('population 2,138,551');
    expect(formatPopulation(0)).toBe('population unknown');
  });
});

describe('formatCoordinates', () => {
  it('writes degrees to two places with the hemisphere', () => {
    expect(formatCoordinates(48.8566, 2.3522)).toBe('48.86° N, 2.35° E');
    expect(formatCoordinates(-33.8688, -70.6693)).toBe('33.87° S, 70.67° W');
  });
});
