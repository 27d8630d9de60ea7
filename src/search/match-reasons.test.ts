import { describe, expect, it } from 'vitest';
import { editDistance, explainMatch } from './match-reasons';

describe('editDistance', () => {
  it.each([
    ['barcelna', 'barcelona', 1],
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
    ['paris', 'paris', 0],
  ])('%s ↔ %s = %i', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
    expect(editDistance(b, a)).toBe(distance);
  });
});

describe('explainMatch', () => {
  it('pairs each matched term with its query word and says how it matched', () => {
    const reasons = explainMatch(['san', 'fransisco'], { san: ['name'], francisco: ['name'] }, null);
    expect(reasons).toEqual([
      { term: 'san', queryTerm: 'san', field: 'name', kind: 'exact' },
      { term: 'francisco', queryTerm: 'fransisco', field: 'name', kind: 'fuzzy' },
    ]);
  });

  it('calls a match on the typed word a prefix match, one on another word fuzzy', () => {
    const reasons = explainMatch(['reykj'], { reykjavik: ['name'] }, 'reykj');
    expect(reasons).toEqual([{ term: 'reykjavik', queryTerm: 'reykj', field: 'name', kind: 'prefix' }]);
    expect(explainMatch(['reykj'], { reykjavik: ['name'] }, null)[0]!.kind).toBe('fuzzy');
  });

  it('names the field it is told the entry is', () => {
    expect(explainMatch(['cologne'], { cologne: ['name'] }, null, 'altNames')[0]!.field).toBe('altNames');
  });
});
