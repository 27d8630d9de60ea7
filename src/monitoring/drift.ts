/**
 * Whether what the device hears has drifted from a reference: the population stability index
 * (PSI) of each signal's distribution in the recent window against the reference window. PSI =
 * Σ (pᵢ − qᵢ) · ln(pᵢ / qᵢ) over bins cut at the reference's deciles, each share floored at
 * 0.5 / n so an empty bin stays finite. Thresholds are the usual ones of credit-scoring practice
 * (Siddiqi, "Credit Risk Scorecards", 2006; Yurdakul, "Statistical properties of population
 * stability index", 2018): under 0.1 stable, 0.1 to 0.25 a shift worth watching, over 0.25 drift.
 * Pure: tested against hand-computed values.
 */
import type { QueryRecord } from './query-record';

export interface DriftOptions {
  /** Bins, cut at the reference's quantiles (default 10). */
  bins: number;
  /** Below this PSI a signal is stable (default 0.1). */
  watchAt: number;
  /** At or above this PSI a signal has drifted (default 0.25). */
  driftAt: number;
  /** Fewer values than this in either window: no verdict (default 20). */
  minValues: number;
  /** The recent window, in days before `now` (default 7). */
  recentDays: number;
}

export const DEFAULT_DRIFT_OPTIONS: Readonly<DriftOptions> = Object.freeze({ bins: 10, watchAt: 0.1, driftAt: 0.25, minValues: 20, recentDays: 7 });

/** Cut points: the reference's quantiles at 1/bins, 2/bins, …, distinct. */
export function quantileEdges(reference: readonly number[], bins: number): number[] {
  const sorted = [...reference].sort((a, b) => a - b);
  const edges: number[] = [];
  for (let k = 1; k < bins; k++) {
    const edge = sorted[Math.min(sorted.length - 1, Math.floor((k * sorted.length) / bins))]!;
    if (edges.length === 0 || edge > edges.at(-1)!) edges.push(edge);
  }
  return edges;
}

/** Shares of `values` in the bins that `edges` make: (-∞, e₀), [e₀, e₁), …, [eₖ, ∞). */
export function binShares(values: readonly number[], edges: readonly number[]): number[] {
  const counts = new Array<number>(edges.length + 1).fill(0);
  for (const v of values) {
    let bin = 0;
    while (bin < edges.length && v >= edges[bin]!) bin++;
    counts[bin]!++;
  }
  return counts.map((c) => c / Math.max(1, values.length));
}

export function populationStabilityIndex(reference: readonly number[], recent: readonly number[], bins = DEFAULT_DRIFT_OPTIONS.bins): number {
  const edges = quantileEdges(reference, bins);
  const floorP = 0.5 / Math.max(1, recent.length);
  const floorQ = 0.5 / Math.max(1, reference.length);
  const p = binShares(recent, edges).map((s) => Math.max(s, floorP));
  const q = binShares(reference, edges).map((s) => Math.max(s, floorQ));
  return p.reduce((sum, pi, i) => sum + (pi - q[i]!) * Math.log(pi / q[i]!), 0);
}

/** A signal the drift check watches, and what a shift in it means in words. */
export interface DriftSignal {
  name: string;
  value(record: QueryRecord): number | undefined;
  /** What a recent median above (`higher`) or below (`lower`) the reference's means. */
  higher: string;
  lower: string;
}

export const DRIFT_SIGNALS: readonly DriftSignal[] = [
  { name: 'confidence', value: (r) => r.avgLogprob, higher: 'the recogniser is surer than it was', lower: 'the recogniser is less sure than it was (a new voice, accent or room?)' },
  { name: 'input level', value: (r) => r.level?.rmsDb, higher: 'inputs are louder than in the reference', lower: 'inputs are quieter than in the reference (a new microphone, or further from it?)' },
  { name: 'audio length', value: (r) => r.audioSeconds, higher: 'utterances are longer than in the reference', lower: 'utterances are shorter than in the reference' },
  { name: 'no-speech probability', value: (r) => r.noSpeechProb, higher: 'more of what is heard looks like silence or noise', lower: 'less of what is heard looks like silence or noise' },
  { name: 'query length', value: (r) => r.queryWords, higher: 'queries have more words than in the reference', lower: 'queries have fewer words than in the reference' },
];

export type DriftVerdict =
  | { signal: string; verdict: 'too-few'; reference: number; recent: number }
  | { signal: string; verdict: 'stable' | 'watch' | 'drift'; psi: number; meaning?: string; reference: number; recent: number };

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
}

/** Verdicts per signal: the recent window against `reference` records (by default the log's first `recentDays` days). */
export function driftReport(records: readonly QueryRecord[], now: number, options: Partial<DriftOptions> = {}, reference?: readonly QueryRecord[]): DriftVerdict[] {
  const o = { ...DEFAULT_DRIFT_OPTIONS, ...options };
  const spoken = records.filter((r) => r.kind === 'spoken');
  const windowMs = o.recentDays * 86_400_000;
  const recent = spoken.filter((r) => r.time >= now - windowMs);
  const first = spoken.length ? Math.min(...spoken.map((r) => r.time)) : 0;
  const base = reference ?? spoken.filter((r) => r.time < first + windowMs && r.time < now - windowMs);
  return DRIFT_SIGNALS.map((signal) => {
    const of = (rs: readonly QueryRecord[]) => rs.map(signal.value).filter((v): v is number => v !== undefined && Number.isFinite(v));
    const ref = of(base);
    const now_ = of(recent);
    if (ref.length < o.minValues || now_.length < o.minValues) return { signal: signal.name, verdict: 'too-few', reference: ref.length, recent: now_.length };
    const psi = populationStabilityIndex(ref, now_, o.bins);
    const verdict = psi >= o.driftAt ? 'drift' : psi >= o.watchAt ? 'watch' : 'stable';
    const meaning = verdict === 'stable' ? undefined : median(now_) >= median(ref) ? signal.higher : signal.lower;
    return { signal: signal.name, verdict, psi, ...(meaning && { meaning }), reference: ref.length, recent: now_.length };
  });
}
