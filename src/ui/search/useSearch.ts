/**
 * Owns the search worker: starts it once, reports when the index is ready, and runs the current
 * query there. Only the latest query's hits are shown: an answer to an older query that arrives
 * late (typing is faster than searching) is dropped.
 */
import { useEffect, useRef, useState } from 'react';
import type { SearchHit } from '../../worker/search-api';
import { searchWorker } from './search-client';
import { markTimeline } from '../timeline';

/** Hits shown. */
export const RESULT_LIMIT = 10;

export interface SearchState {
  index: { phase: 'loading' } | { phase: 'ready'; size: number; attribution: string } | { phase: 'error'; message: string };
  hits: SearchHit[];
  /** The query the hits are for. */
  hitsFor: string;
  searching: boolean;
}

export function useSearch(query: string, spoken: boolean): SearchState {
  const [index, setIndex] = useState<SearchState['index']>({ phase: 'loading' });
  const [hits, setHits] = useState<{ hits: SearchHit[]; for: string }>({ hits: [], for: '' });
  const latest = useRef(0);

  useEffect(() => {
    let current = true;
    searchWorker()
      .ready()
      .then((ready) => {
        markTimeline('index-ready', { places: ready.size });
        if (current) setIndex({ phase: 'ready', ...ready });
      })
      .catch((error: unknown) => current && setIndex({ phase: 'error', message: error instanceof Error ? error.message : String(error) }));
    return () => {
      current = false;
    };
  }, []);

  useEffect(() => {
    const request = ++latest.current;
    if (query.trim() === '') {
      setHits({ hits: [], for: query });
      return;
    }
    searchWorker()
      .search(query, { limit: RESULT_LIMIT, spoken })
      .then((found) => request === latest.current && setHits({ hits: found, for: query }))
      .catch(() => request === latest.current && setHits({ hits: [], for: query }));
  }, [query, spoken]);

  return { index, hits: hits.hits, hitsFor: hits.for, searching: hits.for !== query };
}
