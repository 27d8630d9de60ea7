import { beforeAll, describe, expect, it } from 'vitest';
import { realCatalogue } from '../../scripts/catalogue/real-catalogue';
import { decodeNameIndexFile, encodeNameIndexFile, NameIndexFileError } from './name-index-file';
import type { Place } from './place';
import { PlaceIndex } from './place-index';

let places: readonly Place[];
let built: PlaceIndex;
let file: Uint8Array;
let read: PlaceIndex;

beforeAll(() => {
  places = realCatalogue().catalogue.places;
  built = PlaceIndex.build(places);
  file = built.storedNames();
  read = PlaceIndex.fromStoredNames(places, file);
});

const names = (places: readonly Place[]) => places.reduce((n, p) => n + 1 + p.altNames.length, 0);

/** Everything a search gives, to the last bit of the score. */
const outcome = (index: PlaceIndex, query: string, options = {}) =>
  index.explain(query, options).hits.map((h) => ({ id: h.place.id, score: h.score, matched: h.matched }));

describe('the name index file on the real catalogue', () => {
  it('reads back to an index that answers exactly as the built one', () => {
    const queries = [
      'paris',
      'san francisco',
      'weather in san fransisco',
      'restaurants near the eiffel tower in paris',
      'paris texas',
      'st louis',
      'kopenhagen',
      'show me cheap hotels near the center of santa cruz de la sierra for next weekend',
      'new yo',
      'saint petersburg russia',
      'xyzzy plugh',
    ];
    for (const query of queries) {
      expect(outcome(read, query), query).toEqual(outcome(built, query));
      expect(outcome(read, query, { prefix: false, limit: 50 }), query).toEqual(outcome(built, query, { prefix: false, limit: 50 }));
    }
    expect(read.size).toBe(built.size);
  });

  it('keeps the tree in its order, so lookups meet terms as the built tree does', () => {
    const again = decodeNameIndexFile(file, names(places));
    // Written again from what was read, it is the same file byte for byte (compared as one
    // buffer: vitest's deep equality takes seconds over megabytes).
    expect(Buffer.from(encodeNameIndexFile(again)).equals(Buffer.from(file))).toBe(true);
  });

  it('is a few megabytes', () => {
    expect(file.byteLength).toBeGreaterThan(1_000_000);
    expect(file.byteLength).toBeLessThan(4_000_000);
  });
});

describe('a name index file that does not fit', () => {
  const small = (): { places: Place[]; bytes: Uint8Array } => {
    const some = realCatalogue().catalogue.places.slice(0, 300);
    return { places: some, bytes: PlaceIndex.build(some).storedNames() };
  };

  it('is refused when truncated, naming the sizes', () => {
    const { places, bytes } = small();
    expect(() => PlaceIndex.fromStoredNames(places, bytes.slice(0, bytes.length - 7))).toThrow(/bytes, its header says/);
    expect(() => PlaceIndex.fromStoredNames(places, bytes.slice(0, 12))).toThrow(NameIndexFileError);
  });

  it('is refused when it is not a name index at all', () => {
    const { places } = small();
    expect(() => PlaceIndex.fromStoredNames(places, new TextEncoder().encode('{"format":"voice-search/places","version":2}'))).toThrow(/wrong magic number/);
  });

  it('is refused when written for another catalogue', () => {
    const { places, bytes } = small();
    expect(() => PlaceIndex.fromStoredNames(places.slice(1), bytes)).toThrow(/entries, the catalogue has/);
  });

  it('is refused when its version is not this code’s', () => {
    const { places, bytes } = small();
    const other = bytes.slice();
    new Uint32Array(other.buffer, 4, 1)[0] = 99;
    expect(() => PlaceIndex.fromStoredNames(places, other)).toThrow(/version 99/);
  });

  it('is refused when its tree points past its sections', () => {
    const { places, bytes } = small();
    const other = bytes.slice();
    // The root's child count, made larger than the tree it has.
    new Int32Array(other.buffer, 32, 1)[0]! += 5;
    expect(() => PlaceIndex.fromStoredNames(places, other)).toThrow(NameIndexFileError);
  });

  it('reads from a view that does not start on a word boundary', () => {
    const { places, bytes } = small();
    const shifted = new Uint8Array(bytes.length + 1);
    shifted.set(bytes, 1);
    const index = PlaceIndex.fromStoredNames(places, shifted.subarray(1));
    expect(outcome(index, places[0]!.name)).toEqual(outcome(PlaceIndex.build(places), places[0]!.name));
  });
});
