/**
 * The search Web Worker: exposes the SearchApi (search-host.ts) with comlink. Create it through
 * src/ui/search/search-client.ts, never directly.
 */
import { expose, releaseProxy, type Remote } from 'comlink';
import type { Listen } from '../query';
import { NAME_INDEX_FILE } from '../search/catalogue-format';
import { createSearchHost } from './search-host';
import type { SearchApi } from './search-api';

/** Where scripts/catalogue/ stages the catalogue (public/catalogue/) and its name index. */
const CATALOGUE_URL = '/catalogue/places.json';
const NAME_INDEX_URL = `/catalogue/${NAME_INDEX_FILE}`;

/**
 * Runs `work` as a User Timing measure named `name`, so what startup costs in a real browser can
 * be read from the worker's performance timeline (scripts/catalogue/search-worker-timings.ts).
 */
function measured<T>(name: string, work: () => T): T {
  const start = performance.now();
  try {
    return work();
  } finally {
    performance.measure(name, { start, end: performance.now() });
  }
}

async function readCatalogue(): Promise<unknown> {
  const start = performance.now();
  const response = await fetch(CATALOGUE_URL);
  if (!response.ok) throw new Error(`could not load the place catalogue ${CATALOGUE_URL}: HTTP ${response.status}`);
  const json: unknown = await response.json();
  performance.measure('catalogue: fetch and parse', { start, end: performance.now() });
  return json;
}

async function readNameIndex(): Promise<ArrayBuffer> {
  const start = performance.now();
  const response = await fetch(NAME_INDEX_URL);
  if (!response.ok) throw new Error(`${NAME_INDEX_URL}: HTTP ${response.status}`);
  const bytes = await response.arrayBuffer();
  performance.measure('name index: fetch', { start, end: performance.now() });
  return bytes;
}

const host = createSearchHost({ readCatalogue, readNameIndex, measured });
// Searching still works on an index built here, only later: say so where a developer looks.
host.ready().then(
  ({ names }) => {
    if (!names.stored) console.warn(`search worker: built the place index instead of reading it (${names.problem})`);
  },
  () => undefined,
);

// `listen` arrives as a comlink proxy to the page (one MessagePort per spoken query): released once
// the answer is made, or a page open all day would keep a port for every query it ever heard.
const api: SearchApi = {
  ...host,
  async answer(utterance, steps, limit, listen) {
    try {
      return await host.answer(utterance, steps, limit, listen);
    } finally {
      (listen as Remote<Listen> | undefined)?.[releaseProxy]();
    }
  },
};

expose(api);
