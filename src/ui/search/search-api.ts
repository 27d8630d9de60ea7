/**
 * What the search worker (search.worker.ts) exposes with comlink. The catalogue is parsed and
 * indexed there (a couple of seconds of CPU), never on the page's thread; hits cross the
 * boundary as plain data.
 */
import type { SearchHit } from '../../search';

export type { SearchHit };

export interface SearchRequest {
  /** Most hits. */
  limit: number;
  /** A spoken (finished) query: its last word is not prefix-matched as if still being typed. */
  spoken: boolean;
}

export interface SearchApi {
  /** Resolves once the index is built, with the number of places; rejects if the catalogue failed. */
  ready(): Promise<{ size: number; attribution: string }>;
  /** Best places first; waits for the index. */
  search(query: string, request: SearchRequest): Promise<SearchHit[]>;
}
