/**
 * What the search worker (search.worker.ts, over search-host.ts) exposes with comlink. The
 * catalogue is parsed and indexed there (a couple of seconds of CPU), never on the page's thread;
 * answers cross the boundary as plain data.
 */
import type { CatalogueSteps, HeardUtterance, Listen, SpokenQueryAnswer } from '../query';
import type { Hypothesis, SearchHit, TranscriptCorrection } from '../search';

export type { CatalogueSteps, HeardUtterance, Hypothesis, Listen, SearchHit, SpokenQueryAnswer, TranscriptCorrection };

export interface SearchRequest {
  /** Most hits. */
  limit: number;
  /** A spoken (finished) query: its last word is not prefix-matched as if still being typed. */
  spoken: boolean;
}

/** What the sound index behind the catalogue steps took to get ready. */
export interface CorrectionIndexInfo {
  /** Distinct spellings of place names it knows. */
  spellings: number;
  /** Milliseconds to index the catalogue's sound columns, once the catalogue was read. */
  loadMs: number;
}

/** Where the place index's names came from: the stored name index, or built because it could not be used. */
export type NameIndexSource = { readonly stored: true } | { readonly stored: false; readonly problem: string };

export interface SearchApi {
  /**
   * Resolves once the index is ready, with the number of places and where its names came from;
   * rejects if the catalogue failed.
   */
  ready(): Promise<{ size: number; attribution: string; names: NameIndexSource }>;
  /** Best places first; waits for the index. */
  search(query: string, request: SearchRequest): Promise<SearchHit[]>;
  /** Resolves once spoken queries can be answered (the sound index, after the place index). */
  correctionReady(): Promise<CorrectionIndexInfo>;
  /**
   * The spoken-query pipeline (src/query/spoken-query.ts answerVerified) for one utterance: the
   * transcript guard, the catalogue steps switched on in `steps` (the rest from
   * DEFAULT_PIPELINE_OPTIONS) and the search, at most `limit` hits. `listen` (a comlink proxy
   * to the recognition worker's scoreTranscripts and completeNames for this utterance) lets
   * verification run.
   */
  answer(utterance: HeardUtterance, steps: Partial<CatalogueSteps>, limit: number, listen?: Listen): Promise<SpokenQueryAnswer>;
  /** A typed text corrected against the catalogue, "Did you mean" gated (src/query correctQuery). */
  suggest(text: string): Promise<TranscriptCorrection>;
  /**
   * The names the recogniser may write into a place slot by constrained decoding
   * (search/verification/place-slots.ts slotNames; EngineApi.useNames); waits for the sound index.
   */
  slotNames(): Promise<string[]>;
  /** Answers at once, not after the work in progress: the page's supervisor tells a busy worker from a hung one. */
  ping(): Promise<true>;
}
