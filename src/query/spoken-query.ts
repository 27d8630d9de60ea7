/**
 * The spoken-query pipeline: what happens between the recogniser's answer and the results. One
 * function, called by the search worker (src/worker/search-host.ts) for the page, by
 * `npm run -s accuracy` for docs/ACCURACY.md and by the sweep scripts, so what the reports
 * measure is what the page does.
 *
 *   transcript + n-best ─► transcript guard (no words: no query)
 *                        ─► n-best rescoring (the hypothesis that names a place)   options.rescoring
 *                        ─► correction by sound and spelling, "Did you mean" gated options.correction
 *                        ─► the place search, as for a finished query (no prefix matching)
 *
 * Pure: the catalogue's indexes are passed in.
 */
import { correctTranscript, gateSuggestion, rescoreHypotheses, type PlaceIndex, type SearchHit, type SoundIndex, type TranscriptCorrection } from '../search';
import type { PipelineOptions } from './pipeline-options';
import { judgeTranscript, type HeardUtterance, type QueryHypothesis } from './transcript-guard';

export type { HeardUtterance };

/** The catalogue as the pipeline reads it. */
export interface QueryCatalogue {
  readonly places: PlaceIndex;
  readonly sounds: SoundIndex;
}

export type SpokenQueryAnswer =
  | {
      accepted: true;
      /** The hypothesis the catalogue chose, as a query (the recogniser's first unless rescoring chose another). */
      heard: string;
      /** Position of `heard` in the n-best list (0 without one). */
      chosen: number;
      /** The n-best list as queries, best first (empty after greedy decoding). */
      alternatives: readonly QueryHypothesis[];
      /** The correction of `heard`: `text` is what was searched, `suggestion` the gated "Did you mean". */
      correction: TranscriptCorrection;
      /** What was searched. */
      query: string;
      /** Best places first, at most `limit`. */
      hits: readonly SearchHit[];
    }
  | { accepted: false; reason: 'no-speech' | 'no-words' };

export type CatalogueSteps = Pick<PipelineOptions, 'rescoring' | 'correction' | 'rescore' | 'correct'>;

/** The place search for a finished query: the last word is whole, not a prefix still being typed. */
export function searchSpoken(places: PlaceIndex, query: string, limit: number): SearchHit[] {
  return places.search(query, { prefix: false, limit });
}

/**
 * A text corrected against the catalogue, its "Did you mean" kept only when what was heard
 * finds little (src/search/correction/suggestion-gate.ts). Also what a typed query that found
 * nothing is offered.
 */
export function correctQuery(catalogue: QueryCatalogue, text: string, options: Pick<PipelineOptions, 'correct'>): TranscriptCorrection {
  const correction = correctTranscript(catalogue.sounds, text, options.correct);
  return gateSuggestion(correction, (q) => catalogue.places.explain(q, { prefix: false, limit: 1 }), options.correct);
}

/** Unchanged text, as a correction that changed nothing (the correction step switched off). */
function unchanged(text: string): TranscriptCorrection {
  return { original: text, text, suggestion: null, replacements: [], confidence: null };
}

/** The whole pipeline for one utterance; `limit` is how many results to return. */
export function answerSpokenQuery(catalogue: QueryCatalogue, utterance: HeardUtterance, options: CatalogueSteps, limit: number): SpokenQueryAnswer {
  const verdict = judgeTranscript(utterance);
  if (!verdict.accepted) return verdict;
  const { alternatives } = verdict;
  // Only a list gives the catalogue something to choose from; without one the transcript stands.
  const chosen = options.rescoring && alternatives.length > 1 ? rescoreHypotheses(catalogue.sounds, alternatives, options.rescore).chosen : 0;
  const heard = alternatives.length > 1 && options.rescoring ? alternatives[chosen]!.text : verdict.query;
  const correction = options.correction ? correctQuery(catalogue, heard, options) : unchanged(heard);
  const query = correction.text;
  return { accepted: true, heard, chosen, alternatives, correction, query, hits: searchSpoken(catalogue.places, query, limit) };
}
