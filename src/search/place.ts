/** The thing a search finds: a city or a country of the world. */

export type PlaceKind = 'city' | 'country';

export interface Place {
  /** Stable across catalogue builds: `geonames:<GeoNames id>` for a city, `country:<ISO 3166-1 alpha-2>` for a country. */
  readonly id: string;
  readonly kind: PlaceKind;
  /** The name as GeoNames (cities) or countries-list (countries) writes it, accents and all. */
  readonly name: string;
  /** Other names it is found by: a country's aliases and native name ("USA", "Deutschland"), a few cities' English names ("Cologne"). */
  readonly altNames: readonly string[];
  /** ISO 3166-1 alpha-2, e.g. "FR". */
  readonly countryCode: string;
  /** English name of the country, e.g. "France". */
  readonly countryName: string;
  /** English name of the country's main continent, e.g. "Europe". */
  readonly continent: string;
  /** GeoNames first-level administrative code within the country ("TX", "08", "ENG"); "" for a country. */
  readonly adminCode: string;
  /** Name of that administrative region where the catalogue knows it ("Texas", "Ontario"); otherwise "". */
  readonly region: string;
  /** GeoNames feature code: PPLC capital, PPLA seat of a first-level division, PPLX section of a city, ...; "" for a country. */
  readonly featureCode: string;
  /**
   * Inhabitants. For a country: the sum over its cities in the catalogue (cities of 1000 or more,
   * not counting sections of cities), a lower bound that serves ranking, not statistics.
   */
  readonly population: number;
  /** WGS84 degrees. A country is placed at its capital, or else at its most populous city. */
  readonly lat: number;
  readonly lon: number;
}
