/**
 * The page's one search worker, started on first use; the hooks that search or correct share it.
 * It runs under supervision (src/worker/supervisor.ts): a worker that errors, dies or stops
 * answering is replaced, the fresh one builds the catalogue's indexes again, and each call in
 * flight runs there once more (every SearchApi call can be asked again).
 */
import { wrap, type Remote } from 'comlink';
import type { SearchApi, SpokenQueryAnswer } from '../../worker/search-api';
import { listenForWorkerFailure, Supervisor, type SupervisedWorker } from '../../worker/supervisor';

function startSearchWorker(): SupervisedWorker<Remote<SearchApi>> {
  const worker = new Worker(new URL('../../worker/search.worker.ts', import.meta.url), { type: 'module', name: 'search' });
  return {
    api: wrap<SearchApi>(worker),
    terminate: () => worker.terminate(),
    onFailure: (listener) => listenForWorkerFailure(worker, listener),
  };
}

let client: SearchApi | undefined;

export function searchWorker(): SearchApi {
  if (client) return client;
  const supervisor = new Supervisor<Remote<SearchApi>>('the search', startSearchWorker);
  const retried = <T>(what: string, call: (api: Remote<SearchApi>) => Promise<T>) => supervisor.call(what, call, 'retry');
  client = {
    ready: () => retried('loading the catalogue', (api) => api.ready()),
    search: (query, request) => retried('a search', (api) => api.search(query, request)),
    correctionReady: () => retried('loading the sound index', (api) => api.correctionReady()),
    answer: (utterance, steps, limit, listen) => retried('answering a spoken query', (api) => api.answer(utterance, steps, limit, listen) as Promise<SpokenQueryAnswer>),
    suggest: (text) => retried('a suggestion', (api) => api.suggest(text)),
    slotNames: () => retried('the place names', (api) => api.slotNames()),
    ping: () => supervisor.api.ping(),
  };
  return client;
}
