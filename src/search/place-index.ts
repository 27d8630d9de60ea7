/**
 * The full-text index over the places (name-index.ts: BM25 over MiniSearch's radix tree, scored
 * as MiniSearch scores) and the search that uses it.
 *
 * What is indexed: names, folded by text.ts so accents and case do not matter. Each place is
 * one entry under its name, plus one entry per alternative name (a country's aliases and native
 * name, a city's English name): "USA" or "Cologne" is then a whole name, scored like one,
 * rather than a word lost in a long list. Hits are per place, never two for the same place.
 *
 * A search (see SearchOptions for the knobs):
 * 1. query.ts keeps the place-like words: "restaurants near the Eiffel Tower in Paris" →
 *    "eiffel tower paris", with "paris" as the focus;
 * 2. qualifiers.ts takes trailing country and region names as a filter: "paris texas" →
 *    "paris" in Texas (if nothing passes the filter, the words are searched as they are);
 * 3. every word must match (AND): exactly, within one edit (then, if that finds nothing,
 *    within the full edit allowance), or as a prefix if it is the last word, still being typed;
 * 4. if no place matches every word, any word may (OR); MiniSearch multiplies each place's
 *    score by the number of query words it matched, so fuller matches still come first;
 * 5. every score is multiplied by the place's prior (ranking.ts: population, capital or not),
 *    so among equal matches the bigger place wins: Paris, France before Paris, Texas.
 */
import { explainMatch, type MatchedTerm } from './match-reasons';
import type { Place } from './place';
import { AreaNames, inArea, type Qualifier, satisfies } from './qualifiers';
import { parseQuery, type ParsedQuery } from './query';
import { placePriors, prior, type Priors } from './ranking';
import { NameIndex, type RankedEntries, type TermMatches, type TermSpec } from './name-index';
import { decodeNameIndexFile, encodeNameIndexFile } from './name-index-file';
import { DEFAULT_SEARCH_OPTIONS, type SearchOptions } from './search-options';
import { spokenForms } from './spoken-forms';
import { words } from './text';

/** What match reasons call the field the name index holds. */
const NAME_FIELD = 'name';

export interface SearchHit {
  readonly place: Place;
  /** Text relevance × words matched × prior; comparable within one search only. */
  readonly score: number;
  /** Which terms matched, where (name, altNames, region, country) and how. */
  readonly matched: readonly MatchedTerm[];
}

export interface SearchResults {
  readonly hits: readonly SearchHit[];
  /** The query's words and the filler set aside. */
  readonly query: ParsedQuery;
  /** Trailing country or region names used as a filter (empty when none applied). */
  readonly qualifiers: readonly Qualifier[];
  /** 'all' when every searched word had to match; 'any' when none matched them all. */
  readonly matchedWords: 'all' | 'any';
}

/** One name of one place: what the name index holds. */
interface Entries {
  readonly names: readonly string[];
  /** Entry → position of its place. */
  readonly place: Int32Array;
  /** Entry → whether it is an alternative name. */
  readonly alternative: Uint8Array;
}

export class PlaceIndex {
  /** Each entry's prior (the name index's boost), for the last population weight searched with. */
  private priorsFor: { readonly populationWeight: number; readonly priors: Float64Array } | null = null;

  private constructor(
    private readonly places: readonly Place[],
    private readonly entries: Entries,
    private readonly names: NameIndex,
    private readonly priors: Priors,
    private readonly areas: AreaNames,
  ) {
    this.entryPriors(DEFAULT_SEARCH_OPTIONS.populationWeight); // now rather than in the first search
  }

  /** Indexes the places. The full catalogue takes seconds of CPU: call it in a worker. */
  static build(places: readonly Place[]): PlaceIndex {
    const entries = nameEntries(places);
    // Index side: fold and split (text.ts), then one spoken form per word (spoken-forms.ts:
    // "St. Louis" → "saint louis"), as parseQuery does to the query.
    const names = NameIndex.build(entries.names, (text) => spokenForms(words(text)), NAME_FIELD);
    return new PlaceIndex(places, entries, names, placePriors(places), AreaNames.fromPlaces(places));
  }

  /**
   * An index from a name index file (name-index-file.ts) written by `storedNames` for the same
   * places in the same order: about a fifth of `build`'s time, since no name is tokenised and
   * no term inserted. Throws NameIndexFileError if the file does not fit the places.
   */
  static fromStoredNames(places: readonly Place[], file: ArrayBuffer | Uint8Array): PlaceIndex {
    const entries = nameEntries(places);
    const names = NameIndex.fromStored(decodeNameIndexFile(file, entries.names.length), NAME_FIELD);
    return new PlaceIndex(places, entries, names, placePriors(places), AreaNames.fromPlaces(places));
  }

  /** The name index as a file for `fromStoredNames` (the catalogue script writes it at staging). */
  storedNames(): Uint8Array {
    return encodeNameIndexFile(this.names.stored());
  }

  /** Number of places indexed. */
  get size(): number {
    return this.places.length;
  }

  /** The best places for a query, best first; [] for a query without words. */
  search(query: string, options: Partial<SearchOptions> = {}): SearchHit[] {
    return [...this.explain(query, options).hits];
  }

  /** Like search, and also says which words were searched, which filtered, and how they matched. */
  explain(text: string, options: Partial<SearchOptions> = {}): SearchResults {
    const settings: SearchOptions = { ...DEFAULT_SEARCH_OPTIONS, ...options };
    const query = parseQuery(text);
    if (query.terms.length === 0 || settings.limit <= 0) return { hits: [], query, qualifiers: [], matchedWords: 'all' };

    // When every word was filler the raw words are searched, but only all together: "show me
    // the weather" should find nothing rather than the town of Show Low.
    const anyWordFallback = !query.allFiller;
    if (!query.allFiller) {
      const { keep, qualifiers } = this.areas.split(query.terms);
      if (qualifiers.length > 0) {
        const narrowed = this.run(query.terms.slice(0, keep), query.weights.slice(0, keep), qualifiers, false, anyWordFallback, settings);
        if (narrowed.hits.length > 0) return { ...narrowed, query, qualifiers };
      }
    }
    const plain = this.run(query.terms, query.weights, [], settings.prefix, anyWordFallback, settings);
    return { ...plain, query, qualifiers: [] };
  }

  private run(
    terms: readonly string[],
    weights: readonly number[],
    qualifiers: readonly Qualifier[],
    prefix: boolean,
    anyWordFallback: boolean,
    settings: SearchOptions,
  ): Pick<SearchResults, 'hits' | 'matchedWords'> {
    const last = terms[terms.length - 1]!;
    const prefixTerm = prefix && last.length >= settings.minPrefixLength ? last : null;
    const lastPosition = terms.length - 1;
    const priors = this.entryPriors(settings.populationWeight);
    const filter = qualifiers.length > 0 ? (entry: number) => satisfies(this.places[this.entries.place[entry]!]!, qualifiers) : null;
    // The steps below search the same words up to three times; each word's matches are scored
    // once (a word within one edit is the same search at every step when its allowance is one).
    const scored = new Map<string, TermMatches>();
    const wordMatches = (maxEdits: number) =>
      terms.map((term, position) => () => {
        const spec: TermSpec = {
          term,
          // As MiniSearch's `fuzzy` option: a whole number of edits, or none.
          maxEdits: Math.min(maxEdits, editAllowance(term, settings)),
          prefix: prefixTerm !== null && position === lastPosition && term === prefixTerm,
          boost: weights[position] ?? 1,
        };
        const key = `${spec.term} ${spec.maxEdits} ${spec.prefix} ${spec.boost}`;
        let matches = scored.get(key);
        if (!matches) scored.set(key, (matches = this.names.termMatches(spec, priors)));
        return matches;
      });
    const search = (combineWith: 'AND' | 'OR', maxEdits: number) => this.names.search(wordMatches(maxEdits), combineWith, filter);

    // Widen step by step and stop at the first step that finds something (see SearchOptions.fuzzy).
    const widest = Math.max(0, ...terms.map((term) => editAllowance(term, settings)));
    let results = search('AND', Math.min(1, widest));
    if (results.length === 0 && widest > 1) results = search('AND', widest);
    if (results.length > 0 || terms.length === 1 || !anyWordFallback) {
      return { hits: this.hits(results, qualifiers, prefixTerm, settings.limit), matchedWords: 'all' };
    }
    return { hits: this.hits(search('OR', widest), qualifiers, prefixTerm, settings.limit), matchedWords: 'any' };
  }

  /** Each index entry's prior (ranking.ts), the name index's boost for it. */
  private entryPriors(populationWeight: number): Float64Array {
    if (this.priorsFor?.populationWeight !== populationWeight) {
      const priors = Float64Array.from(this.entries.place, (position) => prior(this.priors, position, populationWeight));
      this.priorsFor = { populationWeight, priors };
    }
    return this.priorsFor.priors;
  }

  /** Best entry per place, in score order, up to the limit. */
  private hits(results: RankedEntries, qualifiers: readonly Qualifier[], prefixTerm: string | null, limit: number): SearchHit[] {
    const seen = new Set<number>();
    const hits: SearchHit[] = [];
    for (const result of results.best()) {
      const { entry } = result;
      const position = this.entries.place[entry]!;
      if (seen.has(position)) continue;
      seen.add(position);
      const place = this.places[position]!;
      const field = this.entries.alternative[entry] ? 'altNames' : 'name';
      const { queryTerms, match } = result.explain();
      const matched = explainMatch(queryTerms, match, prefixTerm, field);
      hits.push({ place, score: result.score, matched: [...matched, ...qualifierReasons(place, qualifiers)] });
      if (hits.length === limit) break;
    }
    return hits;
  }
}

/** Most edits a fuzzy match of this query word may need: MiniSearch's rule for a fractional `fuzzy`, at most 6. */
function editAllowance(term: string, settings: SearchOptions): number {
  return term.length >= settings.minFuzzyLength ? Math.min(6, Math.round(term.length * settings.fuzzy)) : 0;
}

function nameEntries(places: readonly Place[]): Entries {
  const names: string[] = [];
  const place: number[] = [];
  const alternative: number[] = [];
  places.forEach((p, position) => {
    names.push(p.name);
    place.push(position);
    alternative.push(0);
    for (const altName of p.altNames) {
      names.push(altName);
      place.push(position);
      alternative.push(1);
    }
  });
  return { names, place: Int32Array.from(place), alternative: Uint8Array.from(alternative) };
}

/** The qualifier words a place satisfied, as exact matches in its country or region. */
function qualifierReasons(place: Place, qualifiers: readonly Qualifier[]): MatchedTerm[] {
  return qualifiers.flatMap((q) => {
    const area = q.areas.find((a) => inArea(place, a));
    return area ? q.words.map((word) => ({ term: word, queryTerm: word, field: area.field, kind: 'exact' as const })) : [];
  });
}
