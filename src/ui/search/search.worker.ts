/**
 * The search Web Worker: fetches the catalogue, builds the place index and answers queries.
 * Create it through useSearch, never directly.
 */
import { expose } from 'comlink';
import { loadCatalogue, PlaceIndex } from '../../search';
import type { SearchApi } from './search-api';

/** Where scripts/catalogue/ stages the catalogue (public/catalogue/). */
const CATALOGUE_URL = '/catalogue/places.json';

async function buildIndex(): Promise<{ index: PlaceIndex; attribution: string }> {
  const response = await fetch(CATALOGUE_URL);
  if (!response.ok) throw new Error(`could not load the place catalogue ${CATALOGUE_URL}: HTTP ${response.status}`);
  const catalogue = loadCatalogue(await response.json());
  return { index: PlaceIndex.build(catalogue.places), attribution: catalogue.attribution };
}

const built = buildIndex();
// Failures reach the page through ready() and search(); this only keeps them from being unhandled.
built.catch(() => undefined);

const api: SearchApi = {
  async ready() {
    const { index, attribution } = await built;
    return { size: index.size, attribution };
  },
  async search(query, { limit, spoken }) {
    const { index } = await built;
    return index.search(query, { limit, prefix: !spoken });
  },
};

expose(api);
