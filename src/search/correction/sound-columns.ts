/**
 * The sound index's entries (sound-index.ts) as columns of the catalogue file (catalogue-format.ts
 * `sounds`), computed when the catalogue is built rather than in the search worker: folding
 * 120,000 names and running Double Metaphone on them took 1.2 s of the index's 1.6–3 s of CPU
 * (measured with scripts/queries/correction-hit-rate.ts). The worker only reads them back.
 *
 * An entry is one distinct folded spelling of a place's name or alternative name ("São Paulo"
 * → "saopaulo"; "St. Louis" → "stlouis" and "saintlouis"), claimed by the likeliest place that
 * has it (ranking.ts, as the search would rank equals). Entries are stored likeliest place
 * first, so that every phonetic code's list of entries comes out in that order too.
 */
import type { Place } from '../place';
import { placePriors, prior } from '../ranking';
import { DEFAULT_SEARCH_OPTIONS } from '../search-options';
import { abbreviationSpellings } from '../spoken-forms';
import { words } from '../text';
import { keyOfLetters } from './phonetic-key';

export interface SoundColumns {
  /** Row of each entry's place among the catalogue's places (countries first, then cities): one per entry. */
  readonly place: readonly number[];
  /**
   * Folded spelling, without spaces, of the entries not spelled as their name's plain letters
   * (plainLetters): {"7": "saopaulo", "12": "saintlouis"}. Nine entries in ten are plain, which
   * leaves 0.5 MB of the 1.5 MB a full column would take.
   */
  readonly letters: Readonly<Record<string, string>>;
  /**
   * Entries spelled after one of their place's alternative names, by entry: 1 + the index in
   * `altNames` ({"812": 1}). Every other entry is spelled after the place's name.
   */
  readonly altName: Readonly<Record<string, number>>;
  /**
   * Every distinct Double Metaphone code, sorted by code unit: the phonetic trie's input
   * (code-trie.ts) as it is, so the worker neither collects nor sorts them.
   */
  readonly codes: readonly string[];
  /** Each entry's code, as an index into `codes`. */
  readonly code: readonly number[];
  /** Entries with a second code (Double Metaphone's alternative), by entry: its index into `codes`. */
  readonly altCode: Readonly<Record<string, number>>;
}

/** Every place's prior (ranking.ts), scaled so the least likely place is 0 and the likeliest 1. */
export function scaledPriors(places: readonly Place[]): Float64Array {
  const priors = placePriors(places);
  const raw = Float64Array.from(places, (_, position) => prior(priors, position, DEFAULT_SEARCH_OPTIONS.populationWeight));
  let low = Infinity;
  let high = -Infinity;
  for (const value of raw) [low, high] = [Math.min(low, value), Math.max(high, value)];
  return raw.map((value) => (high > low ? (value - low) / (high - low) : 1));
}

/** The sound entries of `places`, in the order the places will be read back. */
export function soundColumns(places: readonly Place[]): SoundColumns {
  const priors = scaledPriors(places);
  // Likeliest place first, so that the first place to claim a spelling keeps it; ties by row, so
  // the same places always give the same columns.
  const order = Array.from(places, (_, position) => position).sort((a, b) => priors[b]! - priors[a]! || a - b);
  const claimed = new Set<string>();
  const letters: Record<string, string> = {};
  const place: number[] = [];
  const altName: Record<string, number> = {};
  const entryCodes: (readonly string[])[] = [];
  for (const position of order) {
    const { name, altNames } = places[position]!;
    [name, ...altNames].forEach((spelledName, nameIndex) => {
      for (const spelling of spellings(spelledName)) {
        if (claimed.has(spelling)) continue;
        const key = keyOfLetters(spelling);
        if (!key) continue;
        claimed.add(spelling);
        const entry = String(place.length);
        if (nameIndex > 0) altName[entry] = nameIndex;
        if (plainLetters(spelledName) !== spelling) letters[entry] = spelling;
        place.push(position);
        entryCodes.push(key.codes);
      }
    });
  }
  const codes = [...new Set(entryCodes.flat())].sort(byCodeUnit);
  const codeIndex = new Map(codes.map((code, i) => [code, i]));
  const altCode: Record<string, number> = {};
  entryCodes.forEach((list, entry) => {
    if (list.length > 1) altCode[String(entry)] = codeIndex.get(list[1]!)!;
  });
  return { place, letters, altName, codes, code: entryCodes.map((list) => codeIndex.get(list[0]!)!), altCode };
}

const ASCII = /^[\x00-\x7f]*$/;

/**
 * How most names are spelled in the sound index, cheaply: an ASCII name's letters and digits,
 * lower case ("St. Louis" → "stlouis"). Null for other names, whose folding (text.ts) depends on
 * Unicode tables that could differ between the engine that built the catalogue and the one
 * reading it; their spelling is always stored.
 */
export function plainLetters(name: string): string | null {
  return ASCII.test(name) ? name.toLowerCase().replace(/[^a-z0-9]+/g, '') : null;
}

/** Plain code-unit order, as CodeTrie wants it, whatever the machine's locale. */
export function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The folded spellings of a name: its words joined, and the same with abbreviations written
 * out or shortened (spoken-forms.ts: "St. Louis" is also "saintlouis"), since a recogniser writes
 * either. At most one variant per abbreviating word, which is all real names need.
 */
function spellings(name: string): string[] {
  const parts = words(name);
  const variants = parts.map((word) => abbreviationSpellings(word));
  if (variants.every((v) => v.length === 1)) return [parts.join('')];
  let joined = [''];
  for (const options of variants) joined = joined.flatMap((prefix) => options.map((word) => prefix + word));
  return joined;
}
