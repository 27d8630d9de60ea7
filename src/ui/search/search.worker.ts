/**
 * The search Web Worker: fetches the catalogue, builds the place index and answers queries, then
 * indexes the catalogue's sound columns for transcript correction. Create it through
 * search-client.ts, never directly.
 */
import { expose } from 'comlink';
import { biasPhrases, correctTranscript, DEFAULT_CORRECTION_OPTIONS, gateSuggestion, loadCatalogue, PlaceIndex, rescoreHypotheses, SoundIndex } from '../../search';
import type { SearchApi } from './search-api';

/** Where scripts/catalogue/ stages the catalogue (public/catalogue/). */
const CATALOGUE_URL = '/catalogue/places.json';

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

async function readCatalogue() {
  const start = performance.now();
  const response = await fetch(CATALOGUE_URL);
  if (!response.ok) throw new Error(`could not load the place catalogue ${CATALOGUE_URL}: HTTP ${response.status}`);
  const json: unknown = await response.json();
  performance.measure('catalogue: fetch and parse', { start, end: performance.now() });
  return measured('catalogue: check and decode', () => loadCatalogue(json));
}

const catalogue = readCatalogue();
const built = catalogue.then((c) => ({ index: measured('place index: build', () => PlaceIndex.build(c.places)), attribution: c.attribution }));
// The sound index comes second: typing needs the place index first, and a spoken query takes
// longer than this to arrive. Its codes come with the catalogue (sound-columns.ts), so this
// only builds lookups.
const sounds = built.then(async () => {
  const { places, sounds: columns } = await catalogue;
  const started = performance.now();
  const index = measured('sound index: from the catalogue columns', () => SoundIndex.fromColumns(places, columns));
  return { index, info: { spellings: index.size, loadMs: performance.now() - started } };
});
// Failures reach the page through the API's calls; this only keeps them from being unhandled.
built.catch(() => undefined);
sounds.catch(() => undefined);

const api: SearchApi = {
  async ready() {
    const { index, attribution } = await built;
    return { size: index.size, attribution };
  },
  async search(query, { limit, spoken }) {
    const { index } = await built;
    return index.search(query, { limit, prefix: !spoken });
  },
  async correctionReady() {
    return (await sounds).info;
  },
  async correct(transcript, alternatives) {
    const [{ index: soundIndex }, { index: placeIndex }] = await Promise.all([sounds, built]);
    return measured('correction', () => {
      // The n-best hypothesis that names a place, if the recogniser gave a list (rescore-hypotheses.ts).
      const heard = alternatives && alternatives.length > 1 ? alternatives[rescoreHypotheses(soundIndex, alternatives).chosen]!.text : transcript;
      // "Did you mean" only when what was heard finds little by itself (suggestion-gate.ts);
      // searched as the page searches a spoken query, without prefix matching.
      return gateSuggestion(correctTranscript(soundIndex, heard), (text) => placeIndex.explain(text, { prefix: false, limit: 1 }), DEFAULT_CORRECTION_OPTIONS);
    });
  },
  async biasPhrases() {
    return biasPhrases((await sounds).index);
  },
};

expose(api);
