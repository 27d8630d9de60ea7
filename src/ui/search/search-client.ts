/** The page's one search worker, started on first use; the hooks that search or correct share it. */
import { wrap } from 'comlink';
import type { SearchApi } from '../../worker/search-api';

let worker: SearchApi | undefined;

export function searchWorker(): SearchApi {
  worker ??= wrap<SearchApi>(new Worker(new URL('../../worker/search.worker.ts', import.meta.url), { type: 'module', name: 'search' }));
  return worker;
}
