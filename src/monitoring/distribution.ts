/**
 * A signal's distribution as shares per bin over a fixed range, for the Monitoring view's
 * histograms (the last 7 days beside the measured sets): fixed edges, so two distributions share
 * their bins and read side by side. Values outside the range count in the end bins. Pure.
 */
export interface Distribution {
  /** Each bin's centre. */
  centres: number[];
  /** Share of the values in each bin (0 everywhere when there are none). */
  shares: number[];
  count: number;
}

export function distribution(values: readonly number[], lo: number, hi: number, bins: number): Distribution {
  const width = (hi - lo) / bins;
  const counts = new Array<number>(bins).fill(0);
  let count = 0;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    counts[Math.min(bins - 1, Math.max(0, Math.floor((v - lo) / width)))]!++;
    count++;
  }
  return { centres: counts.map((_, i) => lo + (i + 0.5) * width), shares: counts.map((c) => (count ? c / count : 0)), count };
}
