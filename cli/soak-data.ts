/**
 * The soak's figures (`npm run -s soak`, cli/soak.ts; issue #20): memory sampled every N queries
 * over hours of use, the growth per 100 queries, and the section docs/BENCHMARKS.md shows. Pure,
 * so the arithmetic is tested in Node (soak-data.test.ts).
 */

/** One memory sample, taken after `queries` queries were answered. */
export interface MemorySample {
  queries: number;
  /** The page's renderer process (its workers run in it): resident set now and its peak, from /proc. */
  rendererRssMiB: number;
  rendererHwmMiB: number;
  /** performance.measureUserAgentSpecificMemory(): the page's JavaScript and WebAssembly memory, workers included, where the browser gives it. */
  measuredMiB?: number;
  /** Its share attributed to the workers. */
  workersMiB?: number;
}

export interface SoakResult {
  command: string;
  chromium: string;
  machine: string;
  modelId: string;
  queries: number;
  /** Queries whose transcript reached the box and whose results appeared. */
  answered: number;
  /** Queries that did not, each with what happened. */
  lost: string[];
  /** End of the file's handing over → its results on screen, per query: median and 95th percentile. */
  latencyMs: { median: number; p95: number };
  /** Main-thread time the query log took per spoken query ('query-logged' marks): median, 95th percentile, most. */
  loggingCostMs?: { median: number; p95: number; max: number };
  samples: MemorySample[];
}

/** Memory that grows by less than this per 100 queries is flat (issue #20's target). */
export const GROWTH_TARGET_MIB_PER_100 = 5;

/**
 * Least-squares slope of `value` over the samples taken after `after` queries (the first ones
 * include the model's arena and the JIT settling), as MiB per 100 queries; undefined with fewer
 * than two such samples.
 */
export function growthPer100(samples: readonly MemorySample[], value: (s: MemorySample) => number | undefined, after = 100): number | undefined {
  const points = samples.flatMap((s) => {
    const v = value(s);
    return s.queries >= after && v !== undefined ? [[s.queries, v] as const] : [];
  });
  if (points.length < 2) return undefined;
  const meanX = points.reduce((sum, [x]) => sum + x, 0) / points.length;
  const meanY = points.reduce((sum, [, y]) => sum + y, 0) / points.length;
  let covariance = 0;
  let variance = 0;
  for (const [x, y] of points) {
    covariance += (x - meanX) * (y - meanY);
    variance += (x - meanX) ** 2;
  }
  return variance === 0 ? undefined : (covariance / variance) * 100;
}

/** The q-quantile (0..1) of `values` by linear interpolation; NaN when empty (the Monitoring view's). */
export { quantile } from '../src/monitoring/summary';

const mib = (v: number | undefined) => (v === undefined ? '—' : v.toFixed(1));
const signed = (v: number | undefined) => (v === undefined ? '—' : `${v >= 0 ? '+' : ''}${v.toFixed(2)}`);

/** The growth figures the soak prints and the report shows. */
export function growthSummary(result: SoakResult): { renderer?: number; measured?: number; workers?: number } {
  return {
    renderer: growthPer100(result.samples, (s) => s.rendererRssMiB),
    measured: growthPer100(result.samples, (s) => s.measuredMiB),
    workers: growthPer100(result.samples, (s) => s.workersMiB),
  };
}

/** docs/BENCHMARKS.md's soak section: the command, the verdict, the curve as a table. */
export function soakSection(result: SoakResult): string {
  const growth = growthSummary(result);
  const verdict =
    growth.renderer === undefined
      ? 'too few samples after the first 100 queries for a growth figure'
      : `renderer resident memory grows ${signed(growth.renderer)} MiB per 100 queries after the first 100 (target: under ${GROWTH_TARGET_MIB_PER_100}): ${Math.abs(growth.renderer) < GROWTH_TARGET_MIB_PER_100 ? 'flat' : 'GROWING'}`;
  const lines = [
    '## Soak: memory over many queries',
    '',
    `From \`${result.command}\`, headless Chromium ${result.chromium}, ${result.machine}, model ${result.modelId}: the production page answers ${result.queries} recorded queries through its file input, one after another, and its memory is sampled every ${result.samples.length > 1 ? result.samples[1]!.queries - result.samples[0]!.queries : result.queries} queries (the renderer's VmRSS and VmHWM from /proc; its workers run inside it; and \`performance.measureUserAgentSpecificMemory()\`).`,
    '',
    `${result.answered} of ${result.queries} answered${result.lost.length > 0 ? `; lost: ${result.lost.join('; ')}` : ', none lost'}. Recording handed over → results on screen: median ${Math.round(result.latencyMs.median)} ms, p95 ${Math.round(result.latencyMs.p95)} ms. Growth: ${verdict}; measured JavaScript and WebAssembly memory ${signed(growth.measured)} MiB, of it the workers' ${signed(growth.workers)} MiB per 100 queries.`,
    '',
    '| queries | renderer RSS MiB | renderer peak (VmHWM) MiB | measured JS + Wasm MiB | of it workers MiB |',
    '| --- | --- | --- | --- | --- |',
    ...result.samples.map((s) => `| ${s.queries} | ${mib(s.rendererRssMiB)} | ${mib(s.rendererHwmMiB)} | ${mib(s.measuredMiB)} | ${mib(s.workersMiB)} |`),
  ];
  return lines.join('\n');
}
