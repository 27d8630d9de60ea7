/**
 * The x range of a chart of times: the data's span with 5% either side, and at least
 * `minSpanSeconds` centred on it, so a single day (or query) sits in the middle of a readable axis
 * instead of alone on a span uPlot stretches around one point.
 */
export function timeRange(xs: readonly number[], minSpanSeconds: number): [number, number] | undefined {
  if (xs.length === 0) return undefined;
  const lo = Math.min(...xs);
  const hi = Math.max(...xs);
  const span = hi - lo;
  if (span < minSpanSeconds) {
    const middle = (lo + hi) / 2;
    return [middle - minSpanSeconds / 2, middle + minSpanSeconds / 2];
  }
  return [lo - 0.05 * span, hi + 0.05 * span];
}
