/**
 * The one place timings and scores are summarised (pure): every benchmark, sweep and report
 * reads its medians and percentiles from here, so two figures called "median" are computed alike.
 */

/** Median, min and max of repeated timings, as every benchmark here reports them. */
export interface StageStats {
  median: number;
  min: number;
  max: number;
}

/** The median: the middle value, or the mean of the two middle ones; NaN for no values. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * The q-quantile by nearest rank (the value at ⌊q·n⌋ of the sorted values, the last for q = 1),
 * as the reports' p95 columns have always been computed; NaN for no values.
 */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

export function stats(values: readonly number[]): StageStats {
  if (!values.length) throw new Error('stats of no values');
  return { median: median(values), min: Math.min(...values), max: Math.max(...values) };
}
