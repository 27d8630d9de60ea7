/**
 * What the search worker (search.worker.ts) exposes with comlink. The catalogue is parsed and
 * indexed there (a couple of seconds of CPU), never on the page's thread; hits and corrections
 * cross the boundary as plain data.
 */
import type { BiasPhrase } from '../../engine';
import type { Hypothesis, SearchHit, TranscriptCorrection } from '../../search';

export type { Hypothesis, SearchHit, TranscriptCorrection };

export interface SearchRequest {
  /** Most hits. */
  limit: number;
  /** A spoken (finished) query: its last word is not prefix-matched as if still being typed. */
  spoken: boolean;
}

/** What the sound index behind `correct` took to get ready. */
export interface CorrectionIndexInfo {
  /** Distinct spellings of place names it knows. */
  spellings: number;
  /** Milliseconds to index the catalogue's sound columns, once the catalogue was read. */
  loadMs: number;
}

export interface SearchApi {
  /** Resolves once the index is built, with the number of places; rejects if the catalogue failed. */
  ready(): Promise<{ size: number; attribution: string }>;
  /** Best places first; waits for the index. */
  search(query: string, request: SearchRequest): Promise<SearchHit[]>;
  /** Resolves once transcripts can be corrected (after the place index). */
  correctionReady(): Promise<CorrectionIndexInfo>;
  /**
   * A transcript corrected against the catalogue's place names (src/search/correction); waits for
   * the sound index. Its suggestion is kept only when what was heard finds little by itself
   * (correction/suggestion-gate.ts). Given the recogniser's n-best list (`alternatives`, best
   * first), the hypothesis that names a place is chosen first (correction/rescore-hypotheses.ts)
   * and is the one corrected: `original` is then that hypothesis.
   */
  correct(transcript: string, alternatives?: readonly Hypothesis[]): Promise<TranscriptCorrection>;
  /**
   * The catalogue's likeliest places' names, for the recogniser's beam search to lean towards
   * (correction/bias-phrases.ts; EngineApi.setPhraseBias); waits for the sound index.
   */
  biasPhrases(): Promise<BiasPhrase[]>;
}
