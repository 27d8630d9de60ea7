/**
 * The full-text index over the places (MiniSearch, BM25 scoring) and the search that uses it.
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
import MiniSearch, { type AsPlainObject } from 'minisearch';
import { explainMatch, type MatchedTerm } from './match-reasons';
import type { Place } from './place';
import { AreaNames, inArea, type Qualifier, satisfies } from './qualifiers';
import { parseQuery, type ParsedQuery } from './query';
import { placePriors, prior, type Priors } from './ranking';
import { DEFAULT_SEARCH_OPTIONS, type SearchOptions } from './search-options';
import { spokenForms } from './spoken-forms';
import { words } from './text';

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

/** A saved index: MiniSearch's own JSON, tagged with the catalogue it indexes. */
export interface SerializedPlaceIndex {
  readonly catalogue: string;
  readonly index: AsPlainObject;
}

/** One name of one place: what MiniSearch indexes. */
interface Entries {
  readonly names: readonly string[];
  /** Entry → position of its place. */
  readonly place: Int32Array;
  /** Entry → whether it is an alternative name. */
  readonly alternative: Uint8Array;
}

const NAME_FIELD = 'name';

export class PlaceIndex {
  private readonly scorer: IndexScorer;
  /** Each entry's prior by MiniSearch's document id, for the last population weight searched with. */
  private priorsFor: { readonly populationWeight: number; readonly priors: Float64Array } | null = null;

  private constructor(
    private readonly places: readonly Place[],
    private readonly entries: Entries,
    private readonly miniSearch: MiniSearch<number>,
    private readonly priors: Priors,
    private readonly areas: AreaNames,
  ) {
    this.scorer = new IndexScorer(miniSearch);
    this.entryPriors(DEFAULT_SEARCH_OPTIONS.populationWeight); // now rather than in the first search
  }

  /** Indexes the places. The full catalogue takes seconds of CPU: call it in a worker. */
  static build(places: readonly Place[]): PlaceIndex {
    const entries = nameEntries(places);
    const miniSearch = new MiniSearch<number>(miniSearchOptions(entries));
    miniSearch.addAll(Array.from(entries.names, (_, entry) => entry));
    return PlaceIndex.assemble(places, entries, miniSearch);
  }

  /**
   * Like build, but yields to the event loop (setTimeout 0) after every `chunkSize` entries, so
   * a worker that also does other work (recognition) keeps answering messages meanwhile.
   */
  static async buildAsync(places: readonly Place[], { chunkSize = 5000 }: { chunkSize?: number } = {}): Promise<PlaceIndex> {
    const entries = nameEntries(places);
    const miniSearch = new MiniSearch<number>(miniSearchOptions(entries));
    for (let start = 0; start < entries.names.length; start += chunkSize) {
      const end = Math.min(start + chunkSize, entries.names.length);
      miniSearch.addAll(Array.from({ length: end - start }, (_, i) => start + i));
      await yieldToEventLoop();
    }
    return PlaceIndex.assemble(places, entries, miniSearch);
  }

  /** Restores an index saved with toJSON, for exactly these places (checked by count and ids). */
  static loadJSON(places: readonly Place[], saved: SerializedPlaceIndex): PlaceIndex {
    if (saved.catalogue !== catalogueFingerprint(places)) {
      throw new Error(`place index: saved for catalogue ${saved.catalogue}, these places are ${catalogueFingerprint(places)}`);
    }
    const entries = nameEntries(places);
    const miniSearch = MiniSearch.loadJS<number>(saved.index, miniSearchOptions(entries));
    return PlaceIndex.assemble(places, entries, miniSearch);
  }

  private static assemble(places: readonly Place[], entries: Entries, miniSearch: MiniSearch<number>): PlaceIndex {
    return new PlaceIndex(places, entries, miniSearch, placePriors(places), AreaNames.fromPlaces(places));
  }

  toJSON(): SerializedPlaceIndex {
    return { catalogue: catalogueFingerprint(this.places), index: this.miniSearch.toJSON() };
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
        if (!matches) scored.set(key, (matches = this.scorer.termMatches(spec, priors)));
        return matches;
      });
    const search = (combineWith: 'AND' | 'OR', maxEdits: number) => this.scorer.search(wordMatches(maxEdits), combineWith, filter);

    // Widen step by step and stop at the first step that finds something (see SearchOptions.fuzzy).
    const widest = Math.max(0, ...terms.map((term) => editAllowance(term, settings)));
    let results = search('AND', Math.min(1, widest));
    if (results.length === 0 && widest > 1) results = search('AND', widest);
    if (results.length > 0 || terms.length === 1 || !anyWordFallback) {
      return { hits: this.hits(results, qualifiers, prefixTerm, settings.limit), matchedWords: 'all' };
    }
    return { hits: this.hits(search('OR', widest), qualifiers, prefixTerm, settings.limit), matchedWords: 'any' };
  }

  /** Each index entry's prior (ranking.ts), MiniSearch's `boostDocument`, by MiniSearch's id for it. */
  private entryPriors(populationWeight: number): Float64Array {
    if (this.priorsFor?.populationWeight !== populationWeight) {
      const priors = this.scorer.byDocument((entry) => prior(this.priors, this.entries.place[entry]!, populationWeight));
      this.priorsFor = { populationWeight, priors };
    }
    return this.priorsFor.priors;
  }

  /** Best entry per place, in score order, up to the limit. */
  private hits(results: RankedEntries, qualifiers: readonly Qualifier[], prefixTerm: string | null, limit: number): SearchHit[] {
    const seen = new Set<number>();
    const hits: SearchHit[] = [];
    for (const result of results.best()) {
      const entry = result.id;
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

/**
 * A macrotask break, so queued messages run. setTimeout exists in windows, workers and Node but
 * is typed by the DOM or Node library; this module is typed against plain ES only.
 */
function yieldToEventLoop(): Promise<void> {
  const timers = globalThis as unknown as { setTimeout(callback: () => void, ms: number): unknown };
  return new Promise((resolve) => timers.setTimeout(resolve, 0));
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

function miniSearchOptions(entries: Entries) {
  return {
    idField: 'id',
    fields: [NAME_FIELD],
    extractField: (entry: number, field: string): string | number => (field === 'id' ? entry : entries.names[entry]!),
    // Index side: fold and split (text.ts), then one spoken form per word (spoken-forms.ts:
    // "St. Louis" → "saint louis"), as parseQuery does to the query.
    tokenize: (text: string) => spokenForms(words(text)),
    processTerm: (term: string) => term, // already folded: MiniSearch's default would lower-case again
  };
}

/** The qualifier words a place satisfied, as exact matches in its country or region. */
function qualifierReasons(place: Place, qualifiers: readonly Qualifier[]): MatchedTerm[] {
  return qualifiers.flatMap((q) => {
    const area = q.areas.find((a) => inArea(place, a));
    return area ? q.words.map((word) => ({ term: word, queryTerm: word, field: area.field, kind: 'exact' as const })) : [];
  });
}

/** Enough to tell catalogues apart: how many places, and the first and last ids. */
function catalogueFingerprint(places: readonly Place[]): string {
  return `${places.length}:${places[0]?.id ?? ''}:${places[places.length - 1]?.id ?? ''}`;
}

/** How one query word is searched: MiniSearch's query spec for it. */
interface TermSpec {
  readonly term: string;
  /** Edits a fuzzy match may need (MiniSearch's whole-number `fuzzy`); 0 for exact matches only. */
  readonly maxEdits: number;
  /** Whether the index terms it begins match too (the word still being typed). */
  readonly prefix: boolean;
  /** MiniSearch's `boostTerm`: the word's weight in the query (query.ts). */
  readonly boost: number;
}

/** Index term → field id → MiniSearch's document id → the term's frequency in that field. */
type FieldPostings = ReadonlyMap<number, ReadonlyMap<number, number>>;

/** The entries one query word matches, in the order MiniSearch meets them, and their scores for it. */
interface TermMatches {
  readonly term: string;
  /** MiniSearch's document ids, in order of first match. */
  readonly documents: readonly number[];
  readonly scores: readonly number[];
  /** Document id → its position in `documents`. */
  readonly at: ReadonlyMap<number, number>;
  /** The index terms scored, in order (the word itself, then prefix, then fuzzy matches), for `match`. */
  readonly derived: readonly (readonly [term: string, postings: FieldPostings])[];
}

/** One search's entries, in MiniSearch's order: best score first, ties in the order it met them. */
interface RankedEntries {
  readonly length: number;
  best(): Iterable<RankedEntry>;
}

interface RankedEntry {
  /** The index entry (MiniSearch's id). */
  readonly id: number;
  readonly score: number;
  /** MiniSearch's `queryTerms` and `match` for the entry, worked out only for the entries shown. */
  explain(): { queryTerms: string[]; match: Record<string, string[]> };
}

/** How many words' fuzzy matches IndexScorer keeps: those of a query or two. */
const RECENT_FUZZY_WORDS = 16;

const NO_ENTRIES: RankedEntries = { length: 0, best: () => [] };

/**
 * What of MiniSearch's state the scoring reads. These members are `protected` in minisearch
 * 7.2.0 (pinned in package.json), there for extensions; a new version must be checked against
 * IndexScorer, which place-index.test.ts compares with MiniSearch's own search.
 */
interface MiniSearchState {
  readonly _index: {
    get(term: string): FieldPostings | undefined;
    atPrefix(prefix: string): Iterable<[string, FieldPostings]>;
    fuzzyGet(term: string, maxEdits: number): Map<string, [FieldPostings, number]>;
  };
  readonly _documentCount: number;
  readonly _nextId: number;
  readonly _documentIds: ReadonlyMap<number, number>;
  readonly _fieldIds: Readonly<Record<string, number>>;
  readonly _fieldLength: ReadonlyMap<number, readonly number[]>;
  readonly _avgFieldLength: readonly number[];
  readonly _options: {
    readonly searchOptions: {
      readonly weights: { readonly fuzzy: number; readonly prefix: number };
      readonly bm25: { readonly k: number; readonly b: number; readonly d: number };
    };
  };
}

/**
 * MiniSearch's search (minisearch 7.2.0: `executeQuerySpec`, `termResults`, `combineResults`,
 * `search`), redone over its index so that one PlaceIndex search scores each word once. A spoken
 * query that no place matches whole is searched three times (`run`: every word within one edit,
 * within the full allowance, then any word), and MiniSearch scores every word afresh each time,
 * with an object per matching entry: on a transcript like "Show me cheap hotels near the center
 * of Santa Cruz de la Sierra for next weekend" that took 20–35 ms a step, most of it scoring
 * the thousands of names with "de", "la" or "san" again (scripts/queries/correction-latency.ts).
 * Here a word's matches are arrays, shared between the steps, and "every word" stops at the
 * first word that matches nothing. The arithmetic, in the same order, and the order of the
 * results, ties included, are MiniSearch's: the hits are the same to the last bit.
 */
class IndexScorer {
  private readonly state: MiniSearchState;
  private readonly field: number;
  /** Document id → index entry (MiniSearch's id), and → terms in the entry's name. */
  private readonly entryOf: Int32Array;
  private readonly fieldLength: Float64Array;
  /** fuzzyTerms' answers, least recent first. */
  private readonly recentFuzzy = new Map<string, ReadonlyMap<string, readonly [FieldPostings, number]>>();

  constructor(miniSearch: MiniSearch<number>) {
    this.state = miniSearch as unknown as MiniSearchState;
    this.field = this.state._fieldIds[NAME_FIELD]!;
    this.entryOf = new Int32Array(this.state._nextId).fill(-1);
    this.fieldLength = new Float64Array(this.state._nextId);
    for (const [document, entry] of this.state._documentIds) {
      this.entryOf[document] = entry;
      this.fieldLength[document] = this.state._fieldLength.get(document)![this.field]!;
    }
  }

  /**
   * The index terms within `maxEdits` of a word, with their postings and distances, in
   * MiniSearch's order (its `fuzzyGet`), for the last few words asked about. Within two edits
   * the radix tree walk takes 5–8 ms on the full catalogue (busy 2-core machine), and searches
   * made one after the other share words: the suggestion gate (suggestion-gate.ts) searches
   * the heard query and the suggestion, which differ by one name ("Whether in San Francisco",
   * "Whether in San São Francisco"). The index never changes, so neither do the answers.
   */
  private fuzzyTerms(term: string, maxEdits: number): ReadonlyMap<string, readonly [FieldPostings, number]> {
    const key = `${maxEdits} ${term}`;
    let terms = this.recentFuzzy.get(key);
    if (terms) this.recentFuzzy.delete(key); // re-inserted below as the most recent
    else terms = this.state._index.fuzzyGet(term, maxEdits);
    this.recentFuzzy.set(key, terms);
    if (this.recentFuzzy.size > RECENT_FUZZY_WORDS) this.recentFuzzy.delete(this.recentFuzzy.keys().next().value!);
    return terms;
  }

  /** `value(entry)` for each document id, as MiniSearch's `boostDocument` would give it. */
  byDocument(value: (entry: number) => number): Float64Array {
    return Float64Array.from(this.entryOf, (entry) => (entry >= 0 ? value(entry) : 0));
  }

  /** MiniSearch's `executeQuerySpec` for one word, `boosts[document]` being `boostDocument`. */
  termMatches({ term, maxEdits, prefix, boost }: TermSpec, boosts: Float64Array): TermMatches {
    const { _index: index, _documentCount: documentCount, _options: options } = this.state;
    const { weights, bm25 } = options.searchOptions;
    const scored: [string, FieldPostings, number][] = [];
    const exact = index.get(term);
    if (exact) scored.push([term, exact, 1]);
    const fuzzy = maxEdits > 0 ? this.fuzzyTerms(term, maxEdits) : undefined;
    const prefixed = new Set<string>();
    if (prefix) {
      for (const [found, postings] of index.atPrefix(term)) {
        const distance = found.length - term.length;
        if (!distance) continue; // the word itself, scored above
        prefixed.add(found); // scored as a prefix match only
        scored.push([found, postings, (weights.prefix * found.length) / (found.length + 0.3 * distance)]);
      }
    }
    for (const [found, [postings, distance]] of fuzzy ?? []) {
      if (distance && !prefixed.has(found)) scored.push([found, postings, (weights.fuzzy * found.length) / (found.length + distance)]);
    }

    const documents: number[] = [];
    const scores: number[] = [];
    const at = new Map<number, number>();
    const averageLength = this.state._avgFieldLength[this.field]!;
    for (const [, postings, weight] of scored) {
      const frequencies = postings.get(this.field);
      if (!frequencies) continue;
      const matching = frequencies.size; // the index is never changed once built: no removed documents
      for (const [document, frequency] of frequencies) {
        const documentBoost = boosts[document]!;
        if (!documentBoost) continue;
        const raw = bm25Score(frequency, matching, documentCount, this.fieldLength[document]!, averageLength, bm25);
        // MiniSearch's product, less its field boost of 1: termWeight × termBoost × fieldBoost × docBoost × raw.
        const score = weight * boost * documentBoost * raw;
        const position = at.get(document);
        if (position === undefined) {
          at.set(document, documents.length);
          documents.push(document);
          scores.push(score);
        } else scores[position] += score;
      }
    }
    return { term, documents, scores, at, derived: scored.map(([found, postings]) => [found, postings] as const) };
  }

  /**
   * MiniSearch's `search` for the words' matches (each computed when first needed), combined
   * with AND or OR, then filtered by entry. A score is the sum of the words' scores, in the
   * words' order, times the number of distinct words matched.
   */
  search(words: readonly (() => TermMatches)[], combineWith: 'AND' | 'OR', filter: ((entry: number) => boolean) | null): RankedEntries {
    const lists: TermMatches[] = [];
    for (const word of words) {
      const matches = word();
      // One word matching nothing empties an AND, whatever the others match: skip them.
      if (combineWith === 'AND' && matches.documents.length === 0) return NO_ENTRIES;
      lists.push(matches);
    }
    if (lists.length === 0) return NO_ENTRIES;
    const { documents, sums, quality } = combineWith === 'AND' ? allOf(lists) : anyOf(lists);

    const kept: number[] = [];
    const scores = new Float64Array(documents.length);
    for (let i = 0; i < documents.length; i++) {
      scores[i] = sums[i]! * quality(i);
      if (!filter || filter(this.entryOf[documents[i]!]!)) kept.push(i);
    }
    const field = this.field;
    const entryOf = this.entryOf;
    return {
      length: kept.length,
      *best() {
        // MiniSearch sorts stably by score: ties stay in the order they were met.
        kept.sort((a, b) => scores[b]! - scores[a]! || a - b);
        for (const i of kept) {
          const document = documents[i]!;
          yield { id: entryOf[document]!, score: scores[i]!, explain: () => explainEntry(lists, document, field) };
        }
      },
    };
  }
}

/** MiniSearch's BM25 (its `calcBM25Score`), term for term. */
function bm25Score(
  termFreq: number,
  matchingCount: number,
  totalCount: number,
  fieldLength: number,
  avgFieldLength: number,
  { k, b, d }: { readonly k: number; readonly b: number; readonly d: number },
): number {
  const invDocFreq = Math.log(1 + (totalCount - matchingCount + 0.5) / (matchingCount + 0.5));
  return invDocFreq * (d + (termFreq * (k + 1)) / (termFreq + k * (1 - b + (b * fieldLength) / avgFieldLength)));
}

interface Combined {
  /** In MiniSearch's order. */
  readonly documents: readonly number[];
  /** Sum of the words' scores, in the words' order. */
  readonly sums: ArrayLike<number>;
  /** Distinct words the i-th document matched. */
  quality(i: number): number;
}

/**
 * MiniSearch's AND: each word in turn keeps the documents matched so far that it matches too,
 * in its own order, adding its score.
 */
function allOf(lists: readonly TermMatches[]): Combined {
  let documents = lists[0]!.documents;
  let sums = lists[0]!.scores;
  let at = lists[0]!.at;
  for (const list of lists.slice(1)) {
    const kept: number[] = [];
    const keptSums: number[] = [];
    const keptAt = new Map<number, number>();
    for (let i = 0; i < list.documents.length; i++) {
      const document = list.documents[i]!;
      const before = at.get(document);
      if (before === undefined) continue;
      keptAt.set(document, kept.length);
      kept.push(document);
      keptSums.push(sums[before]! + list.scores[i]!);
    }
    [documents, sums, at] = [kept, keptSums, keptAt];
  }
  const distinct = new Set(lists.map((l) => l.term)).size;
  return { documents, sums, quality: () => distinct };
}

/**
 * MiniSearch's OR: the first word's documents, then each later word's new ones after them,
 * every score added to the document's sum.
 */
function anyOf(lists: readonly TermMatches[]): Combined {
  const documents = [...lists[0]!.documents];
  const sums = [...lists[0]!.scores];
  const matched = new Array<number>(documents.length).fill(1);
  const at = new Map(lists[0]!.at);
  lists.slice(1).forEach((list, index) => {
    // A word said twice counts once: only where no earlier saying of it matched.
    const sameWord = lists.slice(0, index + 1).filter((l) => l.term === list.term);
    for (let i = 0; i < list.documents.length; i++) {
      const document = list.documents[i]!;
      const position = at.get(document);
      if (position === undefined) {
        at.set(document, documents.length);
        documents.push(document);
        sums.push(list.scores[i]!);
        matched.push(1);
        continue;
      }
      sums[position] += list.scores[i]!;
      if (!sameWord.some((l) => l.at.has(document))) matched[position]!++;
    }
  });
  return { documents, sums, quality: (i) => matched[i]! };
}

/**
 * MiniSearch's `queryTerms` (the words that matched, in query order, once each) and `match`
 * (the index terms that matched, in the order they were scored) for one document.
 */
function explainEntry(lists: readonly TermMatches[], document: number, field: number): { queryTerms: string[]; match: Record<string, string[]> } {
  const queryTerms: string[] = [];
  const match: Record<string, string[]> = {};
  for (const list of lists) {
    if (!list.at.has(document)) continue;
    if (!queryTerms.includes(list.term)) queryTerms.push(list.term);
    const own: Record<string, string[]> = {};
    for (const [term, postings] of list.derived) if (postings.get(field)?.has(document)) own[term] = [NAME_FIELD];
    Object.assign(match, own);
  }
  return { queryTerms, match };
}
