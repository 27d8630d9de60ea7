/**
 * The index of place names that PlaceIndex searches, owned outright: each entry (one name of one
 * place) is tokenised once, its terms go into MiniSearch's radix tree (`minisearch/SearchableMap`,
 * the library's public export for exact, prefix and fuzzy term lookup), and the postings, the
 * entries' lengths and the BM25 scoring are here. The scoring is MiniSearch's for a one-field
 * index (minisearch 7.2.0: `add`, `executeQuerySpec`, `termResults`, `combineResults`), term
 * for term and in the same order, so the hits are what MiniSearch's own search gives, to the last
 * bit: place-index.test.ts checks them against a MiniSearch built over the same names.
 *
 * Why not MiniSearch's search itself: a spoken query that no place matches whole is searched
 * three times (PlaceIndex.run: every word within one edit, within the full allowance, then any
 * word), and MiniSearch scores every word afresh each time, with an object per matching entry:
 * on a transcript like "Show me cheap hotels near the center of Santa Cruz de la Sierra for next
 * weekend" that took 20–35 ms a step, most of it scoring the thousands of names with "de", "la"
 * or "san" again (scripts/queries/correction-latency.ts). Here a word's matches are arrays,
 * shared between the steps, and "every word" stops at the first word that matches nothing.
 */
import SearchableMap from 'minisearch/SearchableMap';
import type { StoredNames, StoredPostings, StoredTree } from './name-index-file';

/** Entry → how often the term occurs in the entry's name. */
type Postings = ReadonlyMap<number, number>;

/** How matches are weighed: MiniSearch's defaults (its `defaultSearchOptions`), which the ranking was tuned with. */
export interface NameScoring {
  /** BM25's term-frequency saturation, length normalisation and frequency floor. */
  readonly bm25: { readonly k: number; readonly b: number; readonly d: number };
  /** A fuzzy match's weight, scaled by term length over length plus edits. */
  readonly fuzzyWeight: number;
  /** A prefix match's weight, scaled by term length over length plus 0.3 per added letter. */
  readonly prefixWeight: number;
}

export const DEFAULT_NAME_SCORING: NameScoring = { bm25: { k: 1.2, b: 0.7, d: 0.5 }, fuzzyWeight: 0.45, prefixWeight: 0.375 };

/** How one query word is searched. */
export interface TermSpec {
  readonly term: string;
  /** Edits a fuzzy match may need (a whole number); 0 for exact matches only. */
  readonly maxEdits: number;
  /** Whether the index terms it begins match too (the word still being typed). */
  readonly prefix: boolean;
  /** The word's weight in the query (query.ts). */
  readonly boost: number;
}

/** The entries one query word matches, in the order they are met, and their scores for it. */
export interface TermMatches {
  readonly term: string;
  readonly entries: readonly number[];
  readonly scores: readonly number[];
  /** Entry → its position in `entries`. */
  readonly at: ReadonlyMap<number, number>;
  /** The index terms scored, in order (the word itself, then prefix, then fuzzy matches), for `explain`. */
  readonly derived: readonly (readonly [term: string, postings: Postings])[];
}

/** One search's entries: best score first, ties in the order they were met. */
export interface RankedEntries {
  readonly length: number;
  best(): Iterable<RankedEntry>;
}

export interface RankedEntry {
  readonly entry: number;
  readonly score: number;
  /** The query words that matched (once each, in query order) and the index terms that did, worked out only for the entries shown. */
  explain(): { queryTerms: string[]; match: Record<string, string[]> };
}

/** How many words' fuzzy matches are kept: those of a query or two. */
const RECENT_FUZZY_WORDS = 16;

const NO_ENTRIES: RankedEntries = { length: 0, best: () => [] };

export class NameIndex {
  /** fuzzyTerms' answers, least recent first. */
  private readonly recentFuzzy = new Map<string, ReadonlyMap<string, readonly [Postings, number]>>();

  private constructor(
    private readonly terms: SearchableMap<Map<number, number>>,
    /** Entry → distinct terms in its name (MiniSearch's field length). */
    private readonly lengths: Float64Array,
    /** MiniSearch's running average of the lengths, as it computes it. */
    private readonly averageLength: number,
    /** What `explain` calls the field the terms matched in. */
    private readonly field: string,
    private readonly scoring: NameScoring,
  ) {}

  /**
   * Indexes `names` (entry i is names[i]) as MiniSearch's `add` does: a name's length is its
   * count of distinct tokens, each token adds one to its frequency in the name, terms are added
   * to the tree in the order met (which fixes the order lookups return them in).
   */
  static build(names: readonly string[], tokenize: (text: string) => string[], field: string, scoring: NameScoring = DEFAULT_NAME_SCORING): NameIndex {
    const terms = new SearchableMap<Map<number, number>>();
    const lengths = new Float64Array(names.length);
    let averageLength = 0;
    names.forEach((name, entry) => {
      const tokens = tokenize(name);
      lengths[entry] = new Set(tokens).size;
      averageLength = (averageLength * entry + lengths[entry]!) / (entry + 1);
      for (const token of tokens) {
        if (!token) continue;
        const postings = terms.fetch(token, () => new Map());
        postings.set(entry, (postings.get(entry) ?? 0) + 1);
      }
    });
    return new NameIndex(terms, lengths, averageLength, field, scoring);
  }

  /**
   * The index as name-index-file.ts stores it. The tree is SearchableMap's own (`_tree`, marked
   * internal in minisearch 7.2.0, pinned): storing it whole is what makes reading it back fast.
   */
  stored(): StoredNames {
    return { tree: this.terms._tree as StoredTree<StoredPostings>, lengths: this.lengths };
  }

  /**
   * An index from what `stored` gave (read back by name-index-file.ts). The tree goes to
   * SearchableMap's constructor as is (its documented use is for derived views, the same
   * structure), so nothing is re-inserted; the average length is accumulated as `build` does,
   * to the same bits.
   */
  static fromStored({ tree, lengths }: StoredNames, field: string, scoring: NameScoring = DEFAULT_NAME_SCORING): NameIndex {
    const entryLengths = Float64Array.from(lengths);
    let averageLength = 0;
    for (let entry = 0; entry < entryLengths.length; entry++) averageLength = (averageLength * entry + entryLengths[entry]!) / (entry + 1);
    const terms = new SearchableMap<Map<number, number>>(tree as ConstructorParameters<typeof SearchableMap<Map<number, number>>>[0]);
    return new NameIndex(terms, entryLengths, averageLength, field, scoring);
  }

  /** Entries indexed. */
  get size(): number {
    return this.lengths.length;
  }

  /**
   * The index terms within `maxEdits` of a word, with their postings and distances, in the
   * tree's order (SearchableMap.fuzzyGet), for the last few words asked about. Within two edits
   * the tree walk takes 5–8 ms on the full catalogue (busy 2-core machine), and searches made one
   * after the other share words: the suggestion gate (suggestion-gate.ts) searches the heard
   * query and the suggestion, which differ by one name ("Whether in San Francisco", "Whether in
   * San São Francisco"). The index never changes, so neither do the answers.
   */
  private fuzzyTerms(term: string, maxEdits: number): ReadonlyMap<string, readonly [Postings, number]> {
    const key = `${maxEdits} ${term}`;
    let found = this.recentFuzzy.get(key);
    if (found) this.recentFuzzy.delete(key); // re-inserted below as the most recent
    else found = this.terms.fuzzyGet(term, maxEdits);
    this.recentFuzzy.set(key, found);
    if (this.recentFuzzy.size > RECENT_FUZZY_WORDS) this.recentFuzzy.delete(this.recentFuzzy.keys().next().value!);
    return found;
  }

  /** MiniSearch's `executeQuerySpec` for one word; `boosts[entry]` is its `boostDocument` (0 leaves the entry out). */
  termMatches({ term, maxEdits, prefix, boost }: TermSpec, boosts: Float64Array): TermMatches {
    const { bm25, fuzzyWeight, prefixWeight } = this.scoring;
    const scored: [string, Postings, number][] = [];
    const exact = this.terms.get(term);
    if (exact) scored.push([term, exact, 1]);
    const fuzzy = maxEdits > 0 ? this.fuzzyTerms(term, maxEdits) : undefined;
    const prefixed = new Set<string>();
    if (prefix) {
      for (const [found, postings] of this.terms.atPrefix(term)) {
        const distance = found.length - term.length;
        if (!distance) continue; // the word itself, scored above
        prefixed.add(found); // scored as a prefix match only
        scored.push([found, postings, (prefixWeight * found.length) / (found.length + 0.3 * distance)]);
      }
    }
    for (const [found, [postings, distance]] of fuzzy ?? []) {
      if (distance && !prefixed.has(found)) scored.push([found, postings, (fuzzyWeight * found.length) / (found.length + distance)]);
    }

    const entries: number[] = [];
    const scores: number[] = [];
    const at = new Map<number, number>();
    const count = this.lengths.length;
    for (const [, postings, weight] of scored) {
      const matching = postings.size; // the index never changes once built: no removed entries
      for (const [entry, frequency] of postings) {
        const entryBoost = boosts[entry]!;
        if (!entryBoost) continue;
        const raw = bm25Score(frequency, matching, count, this.lengths[entry]!, this.averageLength, bm25);
        // MiniSearch's product, less its field boost of 1: termWeight × termBoost × fieldBoost × docBoost × raw.
        const score = weight * boost * entryBoost * raw;
        const position = at.get(entry);
        if (position === undefined) {
          at.set(entry, entries.length);
          entries.push(entry);
          scores.push(score);
        } else scores[position] += score;
      }
    }
    return { term, entries, scores, at, derived: scored.map(([found, postings]) => [found, postings] as const) };
  }

  /**
   * MiniSearch's `search` over the words' matches (each computed when first needed), combined
   * with AND or OR, then filtered by entry. A score is the sum of the words' scores, in the
   * words' order, times the number of distinct words matched.
   */
  search(words: readonly (() => TermMatches)[], combineWith: 'AND' | 'OR', filter: ((entry: number) => boolean) | null): RankedEntries {
    const lists: TermMatches[] = [];
    for (const word of words) {
      const matches = word();
      // One word matching nothing empties an AND, whatever the others match: skip them.
      if (combineWith === 'AND' && matches.entries.length === 0) return NO_ENTRIES;
      lists.push(matches);
    }
    if (lists.length === 0) return NO_ENTRIES;
    const { entries, sums, quality } = combineWith === 'AND' ? allOf(lists) : anyOf(lists);

    const kept: number[] = [];
    const scores = new Float64Array(entries.length);
    for (let i = 0; i < entries.length; i++) {
      scores[i] = sums[i]! * quality(i);
      if (!filter || filter(entries[i]!)) kept.push(i);
    }
    const field = this.field;
    return {
      length: kept.length,
      *best() {
        // MiniSearch sorts stably by score: ties stay in the order they were met.
        kept.sort((a, b) => scores[b]! - scores[a]! || a - b);
        for (const i of kept) {
          const entry = entries[i]!;
          yield { entry, score: scores[i]!, explain: () => explainEntry(lists, entry, field) };
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
  { k, b, d }: NameScoring['bm25'],
): number {
  const invDocFreq = Math.log(1 + (totalCount - matchingCount + 0.5) / (matchingCount + 0.5));
  return invDocFreq * (d + (termFreq * (k + 1)) / (termFreq + k * (1 - b + (b * fieldLength) / avgFieldLength)));
}

interface Combined {
  /** In MiniSearch's order. */
  readonly entries: readonly number[];
  /** Sum of the words' scores, in the words' order. */
  readonly sums: ArrayLike<number>;
  /** Distinct words the i-th entry matched. */
  quality(i: number): number;
}

/** MiniSearch's AND: each word in turn keeps the entries matched so far that it matches too, in its own order, adding its score. */
function allOf(lists: readonly TermMatches[]): Combined {
  let entries = lists[0]!.entries;
  let sums = lists[0]!.scores;
  let at = lists[0]!.at;
  for (const list of lists.slice(1)) {
    const kept: number[] = [];
    const keptSums: number[] = [];
    const keptAt = new Map<number, number>();
    for (let i = 0; i < list.entries.length; i++) {
      const entry = list.entries[i]!;
      const before = at.get(entry);
      if (before === undefined) continue;
      keptAt.set(entry, kept.length);
      kept.push(entry);
      keptSums.push(sums[before]! + list.scores[i]!);
    }
    [entries, sums, at] = [kept, keptSums, keptAt];
  }
  const distinct = new Set(lists.map((l) => l.term)).size;
  return { entries, sums, quality: () => distinct };
}

/** MiniSearch's OR: the first word's entries, then each later word's new ones after them, every score added to the entry's sum. */
function anyOf(lists: readonly TermMatches[]): Combined {
  const entries = [...lists[0]!.entries];
  const sums = [...lists[0]!.scores];
  const matched = new Array<number>(entries.length).fill(1);
  const at = new Map(lists[0]!.at);
  lists.slice(1).forEach((list, index) => {
    // A word said twice counts once: only where no earlier saying of it matched.
    const sameWord = lists.slice(0, index + 1).filter((l) => l.term === list.term);
    for (let i = 0; i < list.entries.length; i++) {
      const entry = list.entries[i]!;
      const position = at.get(entry);
      if (position === undefined) {
        at.set(entry, entries.length);
        entries.push(entry);
        sums.push(list.scores[i]!);
        matched.push(1);
        continue;
      }
      sums[position] += list.scores[i]!;
      if (!sameWord.some((l) => l.at.has(entry))) matched[position]!++;
    }
  });
  return { entries, sums, quality: (i) => matched[i]! };
}

/** MiniSearch's `queryTerms` (the words that matched, in query order, once each) and `match` (the index terms that matched, in the order scored) for one entry. */
function explainEntry(lists: readonly TermMatches[], entry: number, field: string): { queryTerms: string[]; match: Record<string, string[]> } {
  const queryTerms: string[] = [];
  const match: Record<string, string[]> = {};
  for (const list of lists) {
    if (!list.at.has(entry)) continue;
    if (!queryTerms.includes(list.term)) queryTerms.push(list.term);
    const own: Record<string, string[]> = {};
    for (const [term, postings] of list.derived) if (postings.has(entry)) own[term] = [field];
    Object.assign(match, own);
  }
  return { queryTerms, match };
}
