/**
 * The SearchApi the search worker exposes, over pure code: reads the catalogue through the
 * `readCatalogue` it is given (a fetch in the worker, a file in Node's tests), builds the place
 * index, then the sound index, and answers through the spoken-query pipeline (src/query).
 */
import { answerVerified, correctQuery, DEFAULT_PIPELINE_OPTIONS, searchSpoken } from '../query';
import { loadCatalogue, PlaceIndex, SoundIndex } from '../search';
import { slotNames } from '../search/verification';
import type { SearchApi } from './search-api';

export interface SearchHostOptions {
  /** The catalogue's JSON (public/catalogue/places.json), parsed; a rejection is the API's error. */
  readCatalogue: () => Promise<unknown>;
  /**
   * Runs `work` and records how long it took under `name` (the worker: a User Timing measure, read
   * by scripts/catalogue/search-worker-timings.ts). Default: just runs it.
   */
  measured?: <T>(name: string, work: () => T) => T;
}

const unmeasured = <T>(_name: string, work: () => T): T => work();

export function createSearchHost({ readCatalogue, measured = unmeasured }: SearchHostOptions): SearchApi {
  const catalogue = readCatalogue().then((json) => measured('catalogue: check and decode', () => loadCatalogue(json)));
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
  // Failures reach the caller through the API's calls; this only keeps them from being unhandled.
  built.catch(() => undefined);
  sounds.catch(() => undefined);
  const indexes = async () => {
    const [{ index: places }, { index: soundIndex }] = await Promise.all([built, sounds]);
    return { places, sounds: soundIndex };
  };

  return {
    ping: async () => true,
    async ready() {
      const { index, attribution } = await built;
      return { size: index.size, attribution };
    },
    async search(query, { limit, spoken }) {
      const { index } = await built;
      return spoken ? searchSpoken(index, query, limit) : index.search(query, { limit, prefix: true });
    },
    async correctionReady() {
      return (await sounds).info;
    },
    async answer(utterance, steps, limit, listen) {
      return answerVerified(await indexes(), utterance, { ...DEFAULT_PIPELINE_OPTIONS, ...steps }, limit, listen);
    },
    async suggest(text) {
      const catalogueIndexes = await indexes();
      return measured('correction', () => correctQuery(catalogueIndexes, text, DEFAULT_PIPELINE_OPTIONS));
    },
    async slotNames() {
      return slotNames((await sounds).index, DEFAULT_PIPELINE_OPTIONS.verify);
    },
  };
}
