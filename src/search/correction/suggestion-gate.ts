/**
 * Whether a "Did you mean …?" is worth showing. correctTranscript offers a suggestion for any
 * replacement scoring suggestAt or more, whatever the transcript already finds; on the spoken
 * query sets most of those suggestions brought nothing (a place that was already first, or a
 * wrong place). So a suggestion is kept only when the query as heard (correction.text, what the
 * page searches) finds little, judged from the place index's own answer to both texts:
 *
 * - the suggested place is not already the heard query's first hit ("Jaiper" → "Jaipur": the
 *   search forgave the spelling and shows Jaipur first; asking about it again is noise);
 * - the heard query finds nothing, or its best score is below weakHeardScoreRatio × the
 *   suggestion's best score. Scores are MiniSearch's (text relevance × words matched × prior),
 *   so a heard query that matches every word of a name exactly scores as well as the suggestion
 *   ("Breast runs in Toronto" finds Toronto whatever "Breast" becomes), while a garbled one
 *   matches a few words, or fuzzily, and scores far lower ("Hotel in Turblin" finds nothing,
 *   "Whether in birth" finds Barth at 0.3 × what "Whether in Perth" finds).
 *
 * A suggestion whose text finds nothing is never weak-heard: it is dropped too.
 */
import type { SearchResults } from '../place-index';
import type { CorrectionOptions } from './correction-options';
import type { TranscriptCorrection } from './correct-transcript';

/** The little the rule needs from one search. */
export interface SearchOutcome {
  /** Place.id of the first hit, or null when nothing was found. */
  readonly topPlaceId: string | null;
  /** Score of the first hit (0 when nothing was found). */
  readonly topScore: number;
}

export function searchOutcome(results: Pick<SearchResults, 'hits'>): SearchOutcome {
  const top = results.hits[0];
  return { topPlaceId: top?.place.id ?? null, topScore: top?.score ?? 0 };
}

/**
 * The rule (see the module comment): true when the heard query's results are weak next to the
 * suggestion's and the suggestion names a place the heard query does not already put first.
 */
export function suggestionWorthOffering(
  heard: SearchOutcome,
  suggested: SearchOutcome,
  suggestedPlaceIds: readonly string[],
  { weakHeardScoreRatio }: Pick<CorrectionOptions, 'weakHeardScoreRatio'>,
): boolean {
  if (heard.topPlaceId !== null && suggestedPlaceIds.includes(heard.topPlaceId)) return false;
  if (suggested.topPlaceId === null) return false;
  return heard.topPlaceId === null || heard.topScore < weakHeardScoreRatio * suggested.topScore;
}

/**
 * The correction with its suggestion withdrawn unless suggestionWorthOffering says otherwise.
 * `search` is the place search as the page runs it for a spoken query (no prefix matching);
 * called twice, only when there is a suggestion.
 */
export function gateSuggestion(
  correction: TranscriptCorrection,
  search: (text: string) => Pick<SearchResults, 'hits'>,
  options: Pick<CorrectionOptions, 'weakHeardScoreRatio'>,
): TranscriptCorrection {
  if (correction.suggestion === null) return correction;
  const suggestedPlaceIds = correction.replacements.filter((r) => !r.applied).map((r) => r.placeId);
  const heard = searchOutcome(search(correction.text));
  const suggested = searchOutcome(search(correction.suggestion));
  return suggestionWorthOffering(heard, suggested, suggestedPlaceIds, options) ? correction : withoutSuggestion(correction);
}

/** Only the applied replacements, and no suggestion. */
export function withoutSuggestion(correction: TranscriptCorrection): TranscriptCorrection {
  const replacements = correction.replacements.filter((r) => r.applied);
  return {
    ...correction,
    suggestion: null,
    replacements,
    confidence: replacements.length > 0 ? Math.min(...replacements.map((r) => r.score)) : null,
  };
}
