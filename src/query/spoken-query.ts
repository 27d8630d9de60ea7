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
 *                        ─► verification: the recogniser names the place after each carrier
 *                           phrase by constrained decoding, sound-alike catalogue names are put
 *                           into the place span too, every candidate is scored by the recogniser
 *                           listening again; the best one replaces the query when it wins clearly
 *                           (answerVerified; options.verification)
 *
 * Pure: the catalogue's indexes and the recogniser's scorer are passed in.
 */
import { correctTranscript, gateSuggestion, rescoreHypotheses, type PlaceIndex, type SearchHit, type SoundIndex, type TranscriptCorrection } from '../search';
import { placeCandidates, placeSlots, verifyPlace, type HeardName, type HeardScore, type SlotNames } from '../search/verification';
import type { PipelineOptions } from './pipeline-options';
import { judgeTranscript, toQuery, type HeardUtterance, type QueryHypothesis } from './transcript-guard';

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
      /** What verification did, when it ran (answerVerified). */
      verification?: VerificationReport;
    }
  | { accepted: false; reason: 'no-speech' | 'no-words' };

export type CatalogueSteps = Pick<PipelineOptions, 'rescoring' | 'correction' | 'rescore' | 'correct' | 'verification' | 'verify'>;

/** The recogniser listening again to this utterance. */
export interface Listen {
  /** Each text's teacher-forced score against the utterance (Recognizer.scoreTranscripts). */
  score(texts: readonly string[]): Promise<HeardScore[]>;
  /**
   * For each prefix, the catalogue names the recogniser finds likeliest next in the utterance, by
   * constrained decoding (Recognizer.completeNames); absent, only sound-alikes are candidates.
   */
  complete?(prefixes: readonly string[], options: { beamSize: number; maxNames: number; continuation: number }): Promise<(readonly HeardName[])[]>;
}

export interface VerificationReport {
  /** Candidate transcripts scored, the heard one included. */
  readonly candidates: number;
  /** Slots the recogniser named a place in by constrained decoding. */
  readonly slots: number;
  /** The best candidate's gain over what was heard (nats, after the prior and bonuses). */
  readonly gain: number;
  /** The query searched is a candidate, not what was heard. */
  readonly replaced: boolean;
  /** What was searched before verification. */
  readonly before: string;
}

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

/**
 * The whole pipeline with verification: answerSpokenQuery, then, when `options.verification` is on
 * and the recogniser can listen again, catalogue names tried in the query's place span
 * (src/search/verification/place-candidates.ts), scored by `listen` and decided by
 * verify-place.ts. A failure to listen (the utterance is gone, the worker restarted) leaves the
 * answer as it was: verification can only improve on it.
 */
export async function answerVerified(catalogue: QueryCatalogue, utterance: HeardUtterance, options: CatalogueSteps, limit: number, listen?: Listen): Promise<SpokenQueryAnswer> {
  const answer = answerSpokenQuery(catalogue, utterance, options, limit);
  if (!answer.accepted || !options.verification || !listen) return answer;
  const hypotheses = [...new Set([answer.query, answer.heard, ...answer.alternatives.map((a) => a.text)])];
  const { verify } = options;
  let scores: HeardScore[];
  let candidates;
  let slots: SlotNames[] = [];
  try {
    // The recogniser names the place itself where one may stand, then scores every candidate.
    const open = verify.maxSlots > 0 && listen.complete ? placeSlots(answer.query, verify) : [];
    if (open.length > 0) {
      const named = await listen.complete!(open.map((s) => s.prefix), { beamSize: verify.slotBeam, maxNames: verify.namesPerSlot, continuation: verify.slotContinuation });
      slots = open.map((s, i) => ({ start: s.start, names: named[i] ?? [], ...(s.carrier && { carrier: s.prefix }) }));
    }
    candidates = placeCandidates(catalogue.sounds, hypotheses, verify, slots);
    scores = await listen.score(candidates.map((c) => c.text));
  } catch {
    return answer;
  }
  // The first candidate is the query as the steps before left it (placeCandidates puts the hypotheses first).
  const verdict = verifyPlace({ text: answer.query, prior: candidates[0]!.prior, score: scores[0]! }, candidates, scores, verify);
  const verification = { candidates: candidates.length, slots: slots.length, gain: verdict.gain, replaced: verdict.replaced, before: answer.query };
  if (verdict.replaced) {
    // A candidate the recogniser wrote on may end as a transcript does ("Hotel in Kinshasa."): made a query as what was heard is.
    const query = toQuery(verdict.text);
    const correction = { original: answer.heard, text: query, suggestion: null, replacements: [], confidence: null };
    return { ...answer, correction, query, hits: searchSpoken(catalogue.places, query, limit), verification };
  }
  const suggestion = answer.correction.suggestion ?? (verdict.suggestion && toQuery(verdict.suggestion));
  return { ...answer, correction: { ...answer.correction, suggestion }, verification };
}
