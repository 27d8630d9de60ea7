/**
 * The SearchApi the search worker exposes, over pure code: reads the catalogue through the
 * `readCatalogue` it is given (a fetch in the worker, a file in Node's tests), makes the place
 * index (from the stored name index when the catalogue names one and it checks out, else by
 * building it), then the sound index, and answers through the spoken-query pipeline (src/query).
 */
import { answerVerified, correctQuery, DEFAULT_PIPELINE_OPTIONS, searchSpoken } from '../query';
import { type Catalogue, loadCatalogue, PlaceIndex, SoundIndex } from '../search';
import { slotNames } from '../search/verification';
import { sha256Hex } from './model-files';
import type { NameIndexSource, SearchApi } from './search-api';

export interface SearchHostOptions {
  /** The catalogue's JSON (public/catalogue/places.json), parsed; a rejection is the API's error. */
  readCatalogue: () => Promise<unknown>;
  /**
   * The stored name index's bytes (public/catalogue/places.names.bin), asked for at once,
   * alongside the catalogue. A rejection, or bytes that do not match the catalogue's hash, only
   * means building the index instead (`ready()` says why). Default: none, always build.
   */
  readNameIndex?: () => Promise<ArrayBuffer>;
  /**
   * Runs `work` and records how long it took under `name` (the worker: a User Timing measure, read
   * by scripts/catalogue/search-worker-timings.ts). Default: just runs it.
   */
  measured?: <T>(name: string, work: () => T) => T;
}

const unmeasured = <T>(_name: string, work: () => T): T => work();

export function createSearchHost({ readCatalogue, readNameIndex, measured = unmeasured }: SearchHostOptions): SearchApi {
  const storedNames = readNameIndex?.();
  storedNames?.catch(() => undefined); // its failure is reported through ready(), once the catalogue is read
  const catalogue = readCatalogue().then((json) => measured('catalogue: check and decode', () => loadCatalogue(json)));
  const built = catalogue.then(async (c) => {
    const stored = await checkedNameIndex(c, storedNames);
    let problem: string;
    if (typeof stored === 'string') problem = stored;
    else {
      try {
        const index = measured('place index: from the stored name index', () => PlaceIndex.fromStoredNames(c.places, stored));
        return { index, attribution: c.attribution, names: { stored: true } satisfies NameIndexSource };
      } catch (error) {
        problem = error instanceof Error ? error.message : String(error);
      }
    }
    const index = measured('place index: build', () => PlaceIndex.build(c.places));
    return { index, attribution: c.attribution, names: { stored: false, problem } satisfies NameIndexSource };
  });
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
      const { index, attribution, names } = await built;
      return { size: index.size, attribution, names };
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

/**
 * The stored name index's bytes if the catalogue names it and they are what it names (size and
 * SHA-256: a stale, truncated or damaged copy is refused here), else why not.
 */
async function checkedNameIndex(catalogue: Catalogue, read: Promise<ArrayBuffer> | undefined): Promise<ArrayBuffer | string> {
  if (!read) return 'no stored name index was asked for';
  const named = catalogue.nameIndex;
  if (!named) return 'the catalogue names no stored name index';
  let bytes: ArrayBuffer;
  try {
    bytes = await read;
  } catch (error) {
    return `could not read the stored name index: ${error instanceof Error ? error.message : String(error)}`;
  }
  if (bytes.byteLength !== named.bytes) return `the stored name index has ${bytes.byteLength} bytes, the catalogue names ${named.bytes}`;
  const sha256 = await sha256Hex(new Uint8Array(bytes));
  if (sha256 !== named.sha256) return `the stored name index's SHA-256 is ${sha256}, the catalogue names ${named.sha256}`;
  return bytes;
}
