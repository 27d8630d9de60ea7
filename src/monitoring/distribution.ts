/**
 * A signal's distribution as shares per bin over a fixed range, for the Monitoring view's
 * histograms (the last 7 days beside the measured sets): fixed edges, so two distributions share
 * their bins and read side by side. Values outside the range count in the end bins. Pure.
 */
import { binShares } from './drift';

export interface Distribution {
  /** Each bin's centre. */
  centres: number[];
  /** Share of the values in each bin (0 everywhere when there are none). */
  shares: number[];
  count: number;
}

export function distribution(values: readonly number[], lo: number, hi: number, bins: number): Distribution {
  const width = (hi - lo) / bins;
  const finite = values.filter(Number.isFinite);
  // Fixed edges through drift.ts's binning: lo + width, …, lo + (bins − 1)·width.
  const edges = Array.from({ length: bins - 1 }, (_, i) => lo + (i + 1) * width);
  return { centres: Array.from({ length: bins }, (_, i) => lo + (i + 0.5) * width), shares: binShares(finite, edges), count: finite.length };
}
