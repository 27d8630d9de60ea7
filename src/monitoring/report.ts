/**
 * The query log summarised as text, for the terminal (`npm run -s monitor`): the totals, the
 * per-day figures and the drift verdicts the Monitoring view shows. Pure.
 */
import { driftReport, type DriftOptions } from './drift';
import type { QueryRecord } from './query-record';
import { logTotals, perDay, totalsText } from './summary';

const fixed = (v: number, digits = 0) => (Number.isFinite(v) ? v.toFixed(digits) : '—');

/**
 * `now`: the end of the recent window; by default the latest record's time, so an old export is
 * read as of when it was made. `reference`: records to compare with instead of the log's first week.
 */
export function monitorReport(records: readonly QueryRecord[], options: { now?: number; reference?: readonly QueryRecord[]; drift?: Partial<DriftOptions> } = {}): string {
  const now = options.now ?? Math.max(0, ...records.map((r) => r.time));
  const lines = [totalsText(logTotals(records)), '', 'day         queries  results p50 ms  p95 ms  flagged  changed  level dBFS'];
  for (const d of perDay(records)) {
    lines.push(
      [
        new Date(d.day).toISOString().slice(0, 10).padEnd(10),
        String(d.queries).padStart(9),
        fixed(d.resultsMsP50).padStart(15),
        fixed(d.resultsMsP95).padStart(7),
        `${fixed(100 * d.flaggedShare)}%`.padStart(8),
        `${fixed(100 * d.changedShare)}%`.padStart(8),
        fixed(d.rmsDbMedian, 1).padStart(11),
      ].join(' '),
    );
  }
  lines.push('', `drift (${options.reference ? 'against the reference file' : 'last 7 days against the first 7'}):`);
  for (const v of driftReport(records, now, options.drift, options.reference)) {
    lines.push(
      v.verdict === 'too-few'
        ? `  ${v.signal}: too few queries (${v.reference} reference, ${v.recent} recent)`
        : `  ${v.signal}: ${v.verdict}, PSI ${v.psi.toFixed(3)}${v.meaning ? ` — ${v.meaning}` : ''}`,
    );
  }
  return lines.join('\n');
}
