import { beforeAll, describe, expect, it } from 'vitest';
import { realCatalogue } from '../../scripts/catalogue/real-catalogue';
import type { Place } from './place';
import MiniSearch from 'minisearch';
import { editDistance, explainMatch, type MatchedTerm } from './match-reasons';
import { PlaceIndex, type SearchHit } from './place-index';
import { parseQuery } from './query';
import { placePriors, prior } from './ranking';
import { DEFAULT_SEARCH_OPTIONS } from './search-options';
import { spokenForms } from './spoken-forms';
import { words } from './text';

let places: readonly Place[];
let index: PlaceIndex;

beforeAll(() => {
  places = realCatalogue().catalogue.places;
  index = PlaceIndex.build(places);
});

const editDistanceAtMostOne = (a: string, b: string) => editDistance(a, b) <= 1;
const label = (hit: SearchHit) => `${hit.place.name}, ${hit.place.countryCode}`;
const top = (query: string, n = 3) => index.search(query, { limit: n }).map(label);

describe('place search on the real catalogue', () => {
  it('indexes every place', () => {
    expect(index.size).toBe(places.length);
  });

  it('puts Paris, France first for "paris", ahead of the other Parises', () => {
    const hits = index.search('paris');
    expect(label(hits[0]!)).toBe('Paris, FR');
    expect(hits[0]!.place.id).toBe('geonames:2988507');
    expect(hits.slice(1, 4).every((h) => h.place.name === 'Paris')).toBe(true);
  });

  it('finds San Francisco, US for "san francisco"', () => {
    expect(top('san francisco')).toContain('San Francisco, US');
  });

  it.each([
    ['weather in San Francisco', 'San Francisco, US'],
    ['flights to Tokyo', 'Tokyo, JP'],
    ['restaurants near the Eiffel Tower in Paris', 'Paris, FR'],
    ['hotels in Barcelona', 'Barcelona, ES'],
    ['museums in London', 'London, GB'],
    ['coffee shops in Seattle', 'Seattle, US'],
    ['um, show me hotels in Zürich please', 'Zürich, CH'],
    ['flights from London to Paris', 'Paris, FR'],
  ])('finds the place in a spoken query: "%s" → %s in the top 3', (query, expected) => {
    expect(top(query)).toContain(expected);
  });

  it.each([
    ['Barcelna', 'Barcelona, ES'],
    ['Reykj', 'Reykjavík, IS'],
    ['Zurich', 'Zürich, CH'],
    ['Sao Paulo', 'São Paulo, BR'],
    ['Reykjavik', 'Reykjavík, IS'],
    ['st. petersburg', 'Saint Petersburg, RU'],
    ['washington dc', 'Washington, D.C., US'],
    ['mexico city', 'Mexico City, MX'],
    ['new york', 'New York City, US'],
    ['Cologne', 'Köln, DE'],
    ['Kiev', 'Kyiv, UA'],
    ['Barcleona', 'Barcelona, ES'],
    ['tiruvanantapuram', 'Thiruvananthapuram, IN'],
  ])('forgives spelling, accents and typing: "%s" → %s first', (query, expected) => {
    expect(top(query, 1)).toEqual([expected]);
  });

  it.each([
    ['germany', 'country:DE'],
    ['Germany', 'country:DE'],
    ['USA', 'country:US'],
    ['hotels in the UK', 'country:GB'],
    ['bosnia and herzegovina', 'country:BA'],
  ])('puts the country first for its name or alias: "%s"', (query, id) => {
    const hits = index.search(query);
    expect(hits[0]!.place.id).toBe(id);
    expect(hits[0]!.place.kind).toBe('country');
  });

  it.each([
    ['paris texas', 'Paris, US', 'Texas'],
    ['London Ontario', 'London, CA', 'Ontario'],
    ['portland oregon', 'Portland, US', 'Oregon'],
    ['Berlin, Germany', 'Berlin, DE', ''],
    ['belfast northern ireland', 'Belfast, GB', 'Northern Ireland'],
  ])('narrows "%s" by its trailing country or region', (query, expected, region) => {
    const hits = index.search(query);
    expect(label(hits[0]!)).toBe(expected);
    expect(hits[0]!.place.region).toBe(region);
    expect(hits.every((h) => h.place.countryCode === hits[0]!.place.countryCode)).toBe(true);
  });

  it('searches the words as they are when the trailing area filters everything out', () => {
    // "jordan" names a country, but nothing called "West" lies in Jordan.
    expect(top('west jordan', 1)).toEqual(['West Jordan, US']);
  });

  it('returns distinct places, best first, at most `limit`', () => {
    const hits = index.search('san', { limit: 25 });
    expect(hits).toHaveLength(25);
    expect(new Set(hits.map((h) => h.place.id)).size).toBe(25);
    for (let i = 1; i < hits.length; i++) expect(hits[i]!.score).toBeLessThanOrEqual(hits[i - 1]!.score);
  });

  it('returns [] for an empty query', () => {
    expect(index.search('')).toEqual([]);
    expect(index.search('   ')).toEqual([]);
    expect(index.search('?!')).toEqual([]);
  });

  it('searches an all-filler query with every word required, without throwing', () => {
    expect(index.search('show me the weather')).toEqual([]);
    expect(index.search('um')).toEqual([]);
    // A filler word that is also a town is still found when said alone.
    expect(top('best', 1)).toEqual(['Best, NL']);
  });
});

describe('spoken forms (spoken-forms.ts) on the real catalogue', () => {
  it.each(['saint petersburg', 'st petersburg', 'st. petersburg', 'Sankt Petersburg'])('"%s" → Saint Petersburg, RU first', (query) => {
    expect(index.search(query, { limit: 1, prefix: false })[0]!.place.id).toBe('geonames:498817');
  });

  it.each([
    ['saint louis missouri', 'St. Louis, US'],
    ['st louis missouri', 'St. Louis, US'],
    ['mt vernon', 'Mount Vernon, US'],
    ['ft worth', 'Fort Worth, US'],
    ['fort worth', 'Fort Worth, US'],
    ['twenty nine palms', 'Twentynine Palms, US'],
    ['29 palms', 'Twentynine Palms, US'],
    ['Twentynine Palms', 'Twentynine Palms, US'],
    ['3rd lake', 'Third Lake, US'],
    ['ninety six south carolina', 'Ninety Six, US'],
    ['saint gallen', 'Sankt Gallen, CH'],
    ['bosnia & herzegovina', 'Bosnia and Herzegovina, BA'],
  ])('"%s" → %s first', (query, expected) => {
    expect(index.search(query, { limit: 1, prefix: false }).map(label)).toEqual([expected]);
  });

  it('finds St. Louis, US and Saint-Louis, Senegal, both, for "st louis" and "saint louis"', () => {
    for (const query of ['st louis', 'saint louis']) expect(top(query)).toEqual(expect.arrayContaining(['St. Louis, US', 'Saint-Louis, SN']));
  });

  it('still prefix-matches a lone word being typed that could be a number or an abbreviation', () => {
    expect(top('tenerif', 1)[0]).toMatch(/Tenerife/);
    expect(index.search('ten', { limit: 10 }).some((h) => h.place.name.startsWith('Ten') && h.place.name.length > 3)).toBe(true);
    expect(index.search('sto', { limit: 10 }).map(label)).toContain('Stockholm, SE');
  });
});

describe('why a place matched', () => {
  const reasons = (query: string) => index.search(query, { limit: 1 })[0]!.matched;

  it('exact: "paris" in the name', () => {
    expect(reasons('paris')).toEqual([{ term: 'paris', queryTerm: 'paris', field: 'name', kind: 'exact' }]);
  });

  it('exact despite accents: "zurich" in "Zürich"', () => {
    expect(reasons('Zurich')).toEqual([{ term: 'zurich', queryTerm: 'zurich', field: 'name', kind: 'exact' }]);
  });

  it('fuzzy: "barcelna" found "barcelona"', () => {
    expect(reasons('Barcelna')).toEqual([{ term: 'barcelona', queryTerm: 'barcelna', field: 'name', kind: 'fuzzy' }]);
  });

  it('prefix: "reykj" found "reykjavik"', () => {
    expect(reasons('Reykj')).toEqual([{ term: 'reykjavik', queryTerm: 'reykj', field: 'name', kind: 'prefix' }]);
  });

  it('an alternative name, and a region qualifier', () => {
    expect(reasons('Cologne')).toEqual([{ term: 'cologne', queryTerm: 'cologne', field: 'altNames', kind: 'exact' }]);
    expect(reasons('paris texas')).toEqual([
      { term: 'paris', queryTerm: 'paris', field: 'name', kind: 'exact' },
      { term: 'texas', queryTerm: 'texas', field: 'region', kind: 'exact' },
    ]);
  });

  it('fuzzy at two edits only when nothing is one edit away', () => {
    expect(reasons('Barcleona')[0]).toMatchObject({ term: 'barcelona', kind: 'fuzzy' });
    // "barcelone" is one edit from Barcelona: the two-edit neighbours never enter.
    const hits = index.search('barcelone', { limit: 50 });
    expect(hits.flatMap((h) => h.matched).every((m) => m.kind !== 'fuzzy' || editDistanceAtMostOne(m.term, 'barcelone'))).toBe(true);
  });

  it('no prefix matches when prefix matching is off', () => {
    const hits = index.search('Reykj', { prefix: false });
    expect(hits.flatMap((h) => h.matched).some((m) => m.kind === 'prefix')).toBe(false);
  });

  it('says which words were searched and which were filler', () => {
    const result = index.explain('restaurants near the Eiffel Tower in Paris');
    expect(result.query.terms).toEqual(['eiffel', 'tower', 'paris']);
    expect(result.query.ignored).toEqual(['restaurants', 'near', 'the', 'in']);
    expect(result.matchedWords).toBe('any');
    expect(index.explain('paris texas').qualifiers.map((q) => q.words)).toEqual([['texas']]);
  });
});

describe("the name index's scoring (name-index.ts) against MiniSearch's own search", () => {
  /**
   * MiniSearch built over the same names (each place's name, then its alternative names, as
   * PlaceIndex indexes them) and searched with its public API at each of PlaceIndex.run's steps,
   * with the options PlaceIndex's scoring stands for. No qualifiers here: they only filter.
   */
  let miniSearch: MiniSearch<number>;
  const entryPlace: number[] = [];
  const entryAlternative: boolean[] = [];
  let priors: ReturnType<typeof placePriors>;
  beforeAll(() => {
    const names: string[] = [];
    places.forEach((p, position) => {
      for (const [name, alternative] of [[p.name, false], ...p.altNames.map((n) => [n, true] as const)] as const) {
        names.push(name);
        entryPlace.push(position);
        entryAlternative.push(alternative);
      }
    });
    miniSearch = new MiniSearch<number>({
      idField: 'id',
      fields: ['name'],
      extractField: (entry, field) => (field === 'id' ? entry : names[entry]!),
      tokenize: (text) => spokenForms(words(text)),
      processTerm: (term) => term,
    });
    miniSearch.addAll(names.map((_, entry) => entry));
    priors = placePriors(places);
  });

  function miniSearchHits(text: string, prefix: boolean, limit: number) {
    const { terms, weights } = parseQuery(text);
    const allowance = (term: string) => (term.length >= DEFAULT_SEARCH_OPTIONS.minFuzzyLength ? Math.min(6, Math.round(term.length * DEFAULT_SEARCH_OPTIONS.fuzzy)) : 0);
    const last = terms[terms.length - 1]!;
    const prefixTerm = prefix && last.length >= DEFAULT_SEARCH_OPTIONS.minPrefixLength ? last : null;
    const search = (combineWith: 'AND' | 'OR', maxEdits: number) =>
      miniSearch.search(terms.join(' '), {
        tokenize: (t) => t.split(' '),
        processTerm: (t) => t,
        prefix: (term, position) => prefixTerm !== null && position === terms.length - 1 && term === prefixTerm,
        fuzzy: (term) => Math.min(maxEdits, allowance(term)) || false,
        boostTerm: (_term, position) => weights[position] ?? 1,
        boostDocument: (entry: number) => prior(priors, entryPlace[entry]!, DEFAULT_SEARCH_OPTIONS.populationWeight),
        combineWith,
      });
    const widest = Math.max(0, ...terms.map(allowance));
    let results = search('AND', Math.min(1, widest));
    if (results.length === 0 && widest > 1) results = search('AND', widest);
    if (results.length === 0 && terms.length > 1) results = search('OR', widest);
    const seen = new Set<number>();
    const hits: [string, number, MatchedTerm[]][] = [];
    for (const r of results) {
      const position = entryPlace[r.id as number]!;
      if (seen.has(position)) continue;
      seen.add(position);
      const field = entryAlternative[r.id as number] ? 'altNames' : 'name';
      hits.push([places[position]!.id, r.score, explainMatch(r.queryTerms, r.match, prefixTerm, field)]);
      if (hits.length === limit) break;
    }
    return hits;
  }

  it.each([
    'paris',
    'weather in San Francisco',
    'whether san francisco',
    'Show me cheap hotels near the center of Santa Cruz de la Sierra for next weekend',
    'slides to a Ecatepec de Morelos',
    'de la',
    'san san jose',
    'st louis',
    'Barcleona',
    'Reykj',
    'new yor',
    'thiruvananthapuram',
  ])('"%s": the same hits, scores and reasons, prefix or not', (text) => {
    for (const prefix of [false, true]) {
      for (const limit of [1, 10]) {
        const ours = index.explain(text, { prefix, limit });
        if (ours.qualifiers.length > 0) continue;
        expect(ours.hits.map((h): [string, number, readonly MatchedTerm[]] => [h.place.id, h.score, h.matched])).toEqual(miniSearchHits(text, prefix, limit));
      }
    }
  });
});
