/**
 * What the page says about a correction of the query (pure; tested in Node). A spoken query is
 * searched as corrected (src/search/correction applies only confident corrections), and the page
 * says so, so the user can see what was heard and search for it instead; a correction that was
 * not confident is only offered: "Did you mean …?". A typed query is never changed, only offered
 * a correction when it finds nothing.
 */
import type { TranscriptCorrection } from '../../worker/search-api';

export interface CorrectionNotice {
  /** A correction was applied to what was heard: the search ran on `searchedFor` instead. */
  readonly corrected: { readonly heard: string; readonly searchedFor: string } | null;
  /** "Did you mean …?": a likelier query to search for, or null. */
  readonly suggestion: string | null;
}

/** A spoken query after correction: what to search for, and what to tell the user. */
export function spokenQuery(correction: TranscriptCorrection): { query: string; notice: CorrectionNotice | null } {
  const corrected = correction.text !== correction.original ? { heard: correction.original, searchedFor: correction.text } : null;
  const suggestion = correction.suggestion !== null && correction.suggestion !== correction.text ? correction.suggestion : null;
  return { query: correction.text, notice: corrected || suggestion ? { corrected, suggestion } : null };
}

/** "Did you mean …?" for a typed query that found nothing: any correction at all, offered, never applied. */
export function typedSuggestion(correction: TranscriptCorrection): CorrectionNotice | null {
  const suggestion = correction.suggestion ?? (correction.text !== correction.original ? correction.text : null);
  return suggestion === null || suggestion === correction.original ? null : { corrected: null, suggestion };
}
