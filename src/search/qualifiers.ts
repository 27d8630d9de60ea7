/**
 * Trailing country and region names that narrow a query: "Paris Texas", "London Ontario",
 * "Berlin Germany", "Portland Oregon USA". People add them to tell same-named towns apart.
 *
 * Rather than index every city's country and region words (which made the index several times
 * slower to build and "united states" a 0.5 s query), the words at the end of a query are
 * looked up in a small dictionary of country names, country aliases and region names. When
 * they name one, they become a filter and the words before them are the place searched. A
 * query that is only a country or region name ("Georgia", "New York") is not split: it is
 * searched as a name. Spans are taken longest first ("Northern Ireland" before "Ireland").
 *
 * A name can stand for more than one area ("Georgia": the country and the US state;
 * "Washington": a state); a place in any of them passes the filter.
 */
import type { Place } from './place';
import { FILLER_WORDS } from './query';
import { spokenForms } from './spoken-forms';
import { words } from './text';

/** An area a place can be in: a country, or a region within one. */
export interface Area {
  readonly countryCode: string;
  /** Set for a region: the GeoNames admin code within the country. */
  readonly adminCode?: string;
  /** How it is named, for "why matched": "Texas", "Germany". */
  readonly name: string;
  readonly field: 'country' | 'region';
}

/** Folded words of a qualifier as the query said them, and the areas they may mean. */
export interface Qualifier {
  readonly words: readonly string[];
  readonly areas: readonly Area[];
}

/** Longest area name looked for, in words: "South Georgia and the South Sandwich Islands" has 7. */
const MAX_SPAN = 7;

export class AreaNames {
  private constructor(private readonly byPhrase: ReadonlyMap<string, readonly Area[]>) {}

  /** Collects the names of every country (name and aliases) and every region among the places. */
  static fromPlaces(places: readonly Place[]): AreaNames {
    const byPhrase = new Map<string, Area[]>();
    const add = (name: string, area: Area) => {
      // Keyed as a query would arrive: in spoken forms, without filler ("Bosnia and Herzegovina" → "bosnia herzegovina").
      const phrase = spokenForms(words(name)).filter((word) => !FILLER_WORDS.has(word)).join(' ');
      if (!phrase) return;
      const list = byPhrase.get(phrase) ?? [];
      if (!list.some((a) => a.countryCode === area.countryCode && a.adminCode === area.adminCode)) list.push(area);
      byPhrase.set(phrase, list);
    };
    for (const place of places) {
      if (place.kind === 'country') {
        const area: Area = { countryCode: place.countryCode, name: place.name, field: 'country' };
        for (const name of [place.name, ...place.altNames]) add(name, area);
      } else if (place.region) {
        add(place.region, { countryCode: place.countryCode, adminCode: place.adminCode, name: place.region, field: 'region' });
      }
    }
    return new AreaNames(byPhrase);
  }

  /**
   * Splits trailing area names off the terms, keeping at least one term to search. Works on
   * positions, so the caller can keep the terms' weights aligned: returns how many leading
   * terms remain, and the qualifiers found (last one first).
   */
  split(terms: readonly string[]): { keep: number; qualifiers: Qualifier[] } {
    const qualifiers: Qualifier[] = [];
    let end = terms.length;
    while (end > 1) {
      const found = this.longestEndingAt(terms, end);
      if (!found) break;
      qualifiers.push(found.qualifier);
      end = found.start;
    }
    return { keep: end, qualifiers };
  }

  private longestEndingAt(terms: readonly string[], end: number): { start: number; qualifier: Qualifier } | null {
    // start ≥ 1: a qualifier never takes the first term, something must be left to search.
    for (let start = Math.max(1, end - MAX_SPAN); start < end; start++) {
      const span = terms.slice(start, end);
      const areas = this.byPhrase.get(span.join(' '));
      if (areas) return { start, qualifier: { words: span, areas } };
    }
    return null;
  }
}

/** Whether a place lies in one of the areas of every qualifier. */
export function satisfies(place: Place, qualifiers: readonly Qualifier[]): boolean {
  return qualifiers.every((q) => q.areas.some((area) => inArea(place, area)));
}

export function inArea(place: Place, area: Area): boolean {
  return place.countryCode === area.countryCode && (area.adminCode === undefined || place.adminCode === area.adminCode);
}
