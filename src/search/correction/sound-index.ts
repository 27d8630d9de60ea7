/**
 * The catalogue's names by how they sound: every distinct name and alternative name of the
 * places, folded and joined ("São Paulo" → "saopaulo"), under its Double Metaphone codes
 * (phonetic-key.ts). A name shared by many places ("San Jose") is one entry that stands for
 * its likeliest place, the one the search would rank first among equals (ranking.ts).
 *
 * The entries are computed when the catalogue is built (sound-columns.ts) and shipped in it, so
 * the search worker only reads them back and builds the lookups (`fromColumns`); `build` does
 * both, for catalogues made in memory (tests, scripts). Measured on a busy 2-core machine:
 * building took 1.6–3 s of CPU; from the columns it takes 0.3–0.45 s in Node
 * (scripts/queries/correction-bench.ts) and 0.75–1.2 s in Chromium's worker
 * (scripts/catalogue/search-worker-timings.ts), after the place index, so typing never waits for it.
 */
import type { Place } from '../place';
import { CodeTrie, sortedAndDistinct } from './code-trie';
import { levenshtein } from './edit-distance';
import type { PhoneticKey } from './phonetic-key';
import { plainLetters, scaledPriors, type SoundColumns, soundColumns } from './sound-columns';

export interface SoundEntry {
  /** Folded letters without spaces, the entry's identity. */
  readonly letters: string;
  /** How the catalogue writes the name, for the corrected transcript: "São Paulo". */
  readonly name: string;
  /** Position of its likeliest place in the places the index was built from. */
  readonly place: number;
  /** That place's prior (ranking.ts), scaled so the catalogue's least likely place is 0 and its likeliest 1. */
  readonly prior: number;
  readonly codes: readonly string[];
}

/** An entry that sounds like a query, and how far its code is from the query's. */
export interface SoundMatch {
  readonly entry: SoundEntry;
  /** Edits between the closest of the query's codes and the closest of the entry's. */
  readonly codeDistance: number;
  /** Length of the longer of those two codes, to turn the distance into a similarity. */
  readonly codeLength: number;
  /** Length of the query's code that matched: a short code is weak evidence. */
  readonly queryCodeLength: number;
}

export class SoundIndex {
  /** Entry → the soundsLike search that last met it, and where in its matches. */
  private readonly seenIn: Uint32Array;
  private readonly seenAt: Int32Array;
  private mark = 0;

  private constructor(
    readonly places: readonly Place[],
    private readonly entries: readonly SoundEntry[],
    private readonly byLetters: ReadonlyMap<string, SoundEntry>,
    /** The entries of code i are codeEntries[codeStart[i]] to codeEntries[codeStart[i + 1] - 1], likeliest first. */
    private readonly codeStart: Int32Array,
    private readonly codeEntries: Int32Array,
    private readonly codes: CodeTrie,
  ) {
    this.seenIn = new Uint32Array(entries.length);
    this.seenAt = new Int32Array(entries.length);
  }

  /** Computes the entries (about 1.5 s of CPU on the full catalogue) and indexes them. */
  static build(places: readonly Place[]): SoundIndex {
    return SoundIndex.fromColumns(places, soundColumns(places));
  }

  /**
   * Indexes entries computed beforehand (the catalogue's `sounds`, checked by catalogue.ts) for
   * the same places in the same order.
   */
  static fromColumns(places: readonly Place[], columns: SoundColumns): SoundIndex {
    // Matches come back by position in the trie's sorted codes, which must be the columns' own.
    if (!sortedAndDistinct(columns.codes)) throw new RangeError('sound columns: codes must ascend strictly by code unit');
    const priors = scaledPriors(places);
    const n = columns.place.length;
    const byLetters = new Map<string, SoundEntry>();
    const entries: SoundEntry[] = new Array(n);
    const alternative = (entry: number) => columns.altCode[entry];
    for (let i = 0; i < n; i++) {
      const position = columns.place[i]!;
      const place = places[position]!;
      const alt = columns.altName[i];
      const name = alt === undefined ? place.name : place.altNames[alt - 1]!;
      const letters = columns.letters[i] ?? plainLetters(name);
      if (letters === null) throw new RangeError(`sound columns: entry ${i} ("${name}") has no stored spelling and is not plain ASCII`);
      const second = alternative(i);
      const codes = second === undefined ? [columns.codes[columns.code[i]!]!] : [columns.codes[columns.code[i]!]!, columns.codes[second]!];
      const entry: SoundEntry = { letters, name, place: position, prior: priors[position]!, codes };
      entries[i] = entry;
      byLetters.set(letters, entry);
    }
    // Each code's entries, grouped by a counting sort that keeps the columns' order: likeliest first.
    const codeStart = new Int32Array(columns.codes.length + 1);
    const each = (visit: (code: number, entry: number) => void) => {
      for (let i = 0; i < n; i++) {
        visit(columns.code[i]!, i);
        const second = alternative(i);
        if (second !== undefined) visit(second, i);
      }
    };
    each((code) => codeStart[code + 1]!++);
    for (let c = 0; c < columns.codes.length; c++) codeStart[c + 1]! += codeStart[c]!;
    const codeEntries = new Int32Array(codeStart[columns.codes.length]!);
    const filled = codeStart.slice(0, -1);
    each((code, entry) => (codeEntries[filled[code]!++] = entry));
    return new SoundIndex(places, entries, byLetters, codeStart, codeEntries, new CodeTrie(columns.codes));
  }

  /** Number of distinct spellings indexed. */
  get size(): number {
    return this.entries.length;
  }

  /** Every spelling indexed, in the columns' order. */
  spellings(): readonly SoundEntry[] {
    return this.entries;
  }

  /** The entry spelled exactly so (folded letters without spaces), if the catalogue has one. */
  exact(letters: string): SoundEntry | undefined {
    return this.byLetters.get(letters);
  }

  /**
   * Entries whose code is within `maxEdits(codeLength)` edits of one of the key's codes, at most
   * `perCode` (the likeliest) for each matching code. Each entry is reported once, at its
   * smallest distance.
   */
  soundsLike(key: PhoneticKey, maxEdits: (codeLength: number) => number, perCode: number): SoundMatch[] {
    // A short code matches a few dozen codes of ten entries each: the entries met so far are
    // marked in typed arrays (this search's mark in `seenIn`) rather than a map of objects.
    const mark = this.nextMark();
    const { seenIn, seenAt } = this;
    const found: SoundMatch[] = [];
    for (const query of key.codes) {
      this.codes.within(query, maxEdits(query.length), (code, codeDistance, codeIndex) => {
        const codeLength = Math.max(code.length, query.length);
        const first = this.codeStart[codeIndex]!;
        const end = Math.min(this.codeStart[codeIndex + 1]!, first + perCode);
        for (let i = first; i < end; i++) {
          const entryIndex = this.codeEntries[i]!;
          // Each entry once, where first met, at its closest: a later match replaces it only when strictly closer.
          let at = found.length;
          if (seenIn[entryIndex] !== mark) {
            seenIn[entryIndex] = mark;
            seenAt[entryIndex] = at;
          } else {
            at = seenAt[entryIndex]!;
            if (!(codeDistance / codeLength < found[at]!.codeDistance / found[at]!.codeLength)) continue;
          }
          found[at] = { entry: this.entries[entryIndex]!, codeDistance, codeLength, queryCodeLength: query.length };
        }
      });
    }
    return found;
  }

  /** A mark no entry carries yet: a new search. */
  private nextMark(): number {
    if (this.mark === 0xffffffff) {
      this.seenIn.fill(0);
      this.mark = 0;
    }
    return ++this.mark;
  }
}

/** How a key sounds against one entry: the closest pair of their codes. */
export function soundDistance(key: PhoneticKey, entry: SoundEntry): SoundMatch {
  let closest: SoundMatch | null = null;
  for (const query of key.codes) {
    for (const code of entry.codes) {
      const codeDistance = levenshtein(query, code);
      const codeLength = Math.max(query.length, code.length);
      if (!closest || codeDistance / codeLength < closest.codeDistance / closest.codeLength) {
        closest = { entry, codeDistance, codeLength, queryCodeLength: query.length };
      }
    }
  }
  return closest!;
}
