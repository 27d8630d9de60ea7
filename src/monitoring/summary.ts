/** What the Monitoring view and `npm run -s monitor` say about a query log: totals and per-day figures. Pure. */
import type { QueryRecord } from './query-record';

export interface LogTotals {
  queries: number;
  spoken: number;
  typed: number;
  flagged: number;
  nothingHeard: number;
  changedByPipeline: number;
}

export function logTotals(records: readonly QueryRecord[]): LogTotals {
  const spoken = records.filter((r) => r.kind === 'spoken');
  return {
    queries: records.length,
    spoken: spoken.length,
    typed: records.length - spoken.length,
    flagged: records.filter((r) => r.feedback !== undefined).length,
    nothingHeard: spoken.filter((r) => r.nothingHeard).length,
    changedByPipeline: spoken.filter((r) => r.changedByPipeline).length,
  };
}

/** "3 queries, 1 flagged" and the rest, for the view's heading text and the terminal. */
export function totalsText(t: LogTotals): string {
  const n = (count: number, one: string, many = `${one}s`) => `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
  return `${n(t.queries, 'query', 'queries')}, ${t.flagged.toLocaleString('en')} flagged (${t.spoken.toLocaleString('en')} spoken, ${t.typed.toLocaleString('en')} typed; nothing heard ${t.nothingHeard.toLocaleString('en')}, changed by the catalogue ${t.changedByPipeline.toLocaleString('en')})`;
}

/** The q-quantile by linear interpolation (q in [0, 1]); NaN for no values. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const at = q * (s.length - 1);
  const lo = Math.floor(at);
  return s[lo]! + (s[Math.min(lo + 1, s.length - 1)]! - s[lo]!) * (at - lo);
}

export interface DayFigures {
  /** Midnight UTC of the day, ms. */
  day: number;
  queries: number;
  resultsMsP50: number;
  resultsMsP95: number;
  /** Share of the day's spoken queries that were flagged or changed by the catalogue. */
  flaggedShare: number;
  changedShare: number;
  rmsDbMedian: number;
}

const DAY_MS = 86_400_000;

export function perDay(records: readonly QueryRecord[]): DayFigures[] {
  const days = new Map<number, QueryRecord[]>();
  for (const r of records) {
    const day = Math.floor(r.time / DAY_MS) * DAY_MS;
    days.set(day, [...(days.get(day) ?? []), r]);
  }
  return [...days.entries()]
    .sort(([a], [b]) => a - b)
    .map(([day, rs]) => {
      const spoken = rs.filter((r) => r.kind === 'spoken');
      const latencies = spoken.map((r) => r.resultsMs).filter((v): v is number => v !== undefined);
      const levels = spoken.map((r) => r.level?.rmsDb).filter((v): v is number => v !== undefined);
      return {
        day,
        queries: rs.length,
        resultsMsP50: quantile(latencies, 0.5),
        resultsMsP95: quantile(latencies, 0.95),
        flaggedShare: spoken.length ? spoken.filter((r) => r.feedback).length / spoken.length : 0,
        changedShare: spoken.length ? spoken.filter((r) => r.changedByPipeline).length / spoken.length : 0,
        rmsDbMedian: quantile(levels, 0.5),
      };
    });
}
