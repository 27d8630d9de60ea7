/** Median, min and max of repeated timings, as every benchmark here reports them (pure). */
export interface StageStats {
  median: number;
  min: number;
  max: number;
}

export function stats(values: readonly number[]): StageStats {
  if (!values.length) throw new Error('stats of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1] };
}
