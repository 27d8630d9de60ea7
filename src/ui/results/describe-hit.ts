/** How a search hit is worded on the page (pure; tested in Node). */
import type { MatchedTerm } from '../../search';

const FIELD_LABELS: Readonly<Record<string, string>> = {
  name: 'name',
  altNames: 'other name',
  region: 'region',
  country: 'country',
};

const KIND_LABELS = { exact: 'exact', prefix: 'prefix', fuzzy: 'fuzzy' } as const;

export interface MatchReason {
  /** The place's word that matched, e.g. "barcelona". */
  term: string;
  /** The query word that found it, when it differs (a prefix or a misspelling). */
  from?: string;
  field: string;
  kind: MatchedTerm['kind'];
}

/** One reason per matched word and kind, name fields first (they say most about the match). */
export function matchReasons(matched: readonly Pick<MatchedTerm, 'term' | 'queryTerm' | 'field' | 'kind'>[]): MatchReason[] {
  const order = Object.keys(FIELD_LABELS);
  const rank = (field: string) => (order.includes(field) ? order.indexOf(field) : order.length);
  const seen = new Set<string>();
  const reasons: MatchReason[] = [];
  for (const m of [...matched].sort((a, b) => rank(a.field) - rank(b.field))) {
    const key = `${m.term}\u0000${m.kind}`;
    if (seen.has(key)) continue;
    seen.add(key);
    reasons.push({
      term: m.term,
      ...(m.queryTerm && m.queryTerm !== m.term ? { from: m.queryTerm } : {}),
      field: FIELD_LABELS[m.field] ?? m.field,
      kind: KIND_LABELS[m.kind],
    });
  }
  return reasons;
}

/** "2,138,551" — or "population unknown" for a place the catalogue has none for. */
export function formatPopulation(population: number, locale = 'en'): string {
  if (!(population > 0)) return 'population unknown';
  return `population ${new Intl.NumberFormat(locale).format(population)}`;
}

/** "48.86° N, 2.35° E": WGS84 degrees to two places (about a kilometre), hemisphere by letter. */
export function formatCoordinates(lat: number, lon: number): string {
  const part = (v: number, positive: string, negative: string) => `${Math.abs(v).toFixed(2)}° ${v < 0 ? negative : positive}`;
  return `${part(lat, 'N', 'S')}, ${part(lon, 'E', 'W')}`;
}
