import { describe, expect, it } from 'vitest';
import { CodeTrie } from './code-trie';
import { levenshteinTable } from './edit-distance';

const codes = ['TRNT', 'TRN', 'PRS', 'HRS', 'PRSLN', 'JPLPR', 'APLPR', 'AMSK', 'MSK', 'MSKF', 'T', 'TRNTS', 'XNK', 'XN', 'SNNK'];

function bruteForce(query: string, maxEdits: number): [string, number][] {
  return codes.map((c): [string, number] => [c, levenshteinTable(query, c)]).filter(([, d]) => d <= maxEdits).sort();
}

function found(trie: CodeTrie, query: string, maxEdits: number): [string, number][] {
  const out: [string, number][] = [];
  trie.within(query, maxEdits, (code, distance) => out.push([code, distance]));
  return out.sort();
}

describe('CodeTrie.within', () => {
  const trie = new CodeTrie([...codes, 'TRNT']);

  it('keeps each distinct code once', () => {
    expect(trie.size).toBe(codes.length);
  });

  it('finds exactly the codes within the allowance, with their distances', () => {
    expect(found(trie, 'TRNN', 1)).toEqual([['TRN', 1], ['TRNT', 1]]);
    for (const query of ['TRNN', 'HRS', 'JPLPR', 'MSK', 'X', '', 'ANTRSLNR']) {
      for (const maxEdits of [0, 1, 2, 3]) expect(found(trie, query, maxEdits), `${query} ≤ ${maxEdits}`).toEqual(bruteForce(query, maxEdits));
    }
  });

  it('agrees with the brute force on random codes of many lengths (the band and length cuts drop nothing)', () => {
    let seed = 12345;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const code = () => Array.from({ length: 1 + Math.floor(random() * 12) }, () => 'PTKSNRL0'[Math.floor(random() * 8)]).join('');
    const many = Array.from({ length: 3000 }, code);
    const randomTrie = new CodeTrie(many);
    const distinct = [...new Set(many)];
    for (let q = 0; q < 60; q++) {
      const query = code();
      for (const maxEdits of [0, 1, 2, 3]) {
        const expected = distinct.map((c): [string, number] => [c, levenshteinTable(query, c)]).filter(([, d]) => d <= maxEdits).sort();
        expect(found(randomTrie, query, maxEdits), `${query} ≤ ${maxEdits}`).toEqual(expected);
      }
    }
  });

  it('reports the codes in their sorted order, by the walk and by the one-edit search alike', () => {
    for (const query of ['TRNN', 'PRS', 'MSK', 'T', '', 'XNKK']) {
      for (const maxEdits of [0, 1, 2, 3]) {
        const indices: number[] = [];
        trie.within(query, maxEdits, (_code, _distance, index) => indices.push(index));
        expect(indices, `${query} ≤ ${maxEdits}`).toEqual([...indices].sort((a, b) => a - b));
      }
    }
  });

  it('reports each code with its position among the sorted codes', () => {
    const sorted = [...new Set(codes)].sort();
    for (const maxEdits of [1, 2]) trie.within('TRNT', maxEdits, (code, _distance, index) => expect(sorted[index]).toBe(code));
  });
});
