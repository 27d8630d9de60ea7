/**
 * Why a place matched: for each document term MiniSearch reports, which query word found it,
 * in which field, and how (exactly, as a prefix of the word being typed, or within an edit
 * distance). MiniSearch returns the matched document terms with their fields and, separately,
 * the query words that matched; the pairing between them is recovered here by comparing the
 * words, in the order MiniSearch itself tries them (exact, then prefix, then fuzzy).
 */

export type MatchKind = 'exact' | 'prefix' | 'fuzzy';

/**
 * Where a term matched, named after the Place property it belongs to: the name, an alternative
 * name, or the region or country a trailing qualifier named ("paris *texas*").
 */
export type MatchField = 'name' | 'altNames' | 'region' | 'country';

export interface MatchedTerm {
  /** The term in the place's index entry, folded ("zurich"). */
  readonly term: string;
  /** The query word that found it, folded. */
  readonly queryTerm: string;
  readonly field: MatchField;
  readonly kind: MatchKind;
}

/**
 * @param queryTerms the query words that matched this place (MiniSearch's `queryTerms`)
 * @param match document term → index fields (MiniSearch's `match`); the index has one field
 * @param prefixTerm the query word that was prefix-matched, or null
 * @param field what the matched index entry is: the place's name or an alternative name
 */
export function explainMatch(
  queryTerms: readonly string[],
  match: Readonly<Record<string, readonly string[]>>,
  prefixTerm: string | null,
  field: MatchField = 'name',
): MatchedTerm[] {
  const reasons: MatchedTerm[] = [];
  for (const term of Object.keys(match)) {
    const { queryTerm, kind } = pairWithQuery(term, queryTerms, prefixTerm);
    reasons.push({ term, queryTerm, field, kind });
  }
  return reasons;
}

function pairWithQuery(
  term: string,
  queryTerms: readonly string[],
  prefixTerm: string | null,
): { queryTerm: string; kind: MatchKind } {
  if (queryTerms.includes(term)) return { queryTerm: term, kind: 'exact' };
  if (prefixTerm !== null && term.startsWith(prefixTerm)) return { queryTerm: prefixTerm, kind: 'prefix' };
  let closest = queryTerms[0] ?? '';
  let closestDistance = Infinity;
  for (const queryTerm of queryTerms) {
    const distance = editDistance(term, queryTerm);
    if (distance < closestDistance) [closest, closestDistance] = [queryTerm, distance];
  }
  return { queryTerm: closest, kind: 'fuzzy' };
}

/** Levenshtein distance (insertions, deletions, substitutions), one row at a time. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length]!;
}
