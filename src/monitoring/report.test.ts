import { describe, expect, it } from 'vitest';
import type { QueryRecord } from './query-record';
import { monitorReport } from './report';

const DAY = 86_400_000;

describe('monitorReport', () => {
  it('prints the totals, a line per day and a verdict per drift signal', () => {
    const records: QueryRecord[] = [
      { time: Date.UTC(2026, 11, 1, 9), kind: 'spoken', resultsMs: 400, level: { rmsDb: -30, peakDb: -10, clippedShare: 0 }, feedback: 'wrong-result' },
      { time: Date.UTC(2026, 11, 3, 9), kind: 'typed' },
    ];
    const text = monitorReport(records);
    const lines = text.split('\n');
    expect(lines[0]).toMatch(/^2 queries, 1 flagged/);
    expect(text).toMatch(/2026-12-01 +1 +400 +400 +100% +0% +-30\.0/);
    expect(text).toMatch(/2026-12-03 +1 +— +—/);
    expect(text).toContain('  input level: too few queries (0 reference, 1 recent)');
  });

  it('names a drifting signal and its meaning', () => {
    const spoken = (time: number, rmsDb: number): QueryRecord => ({ time, kind: 'spoken', level: { rmsDb, peakDb: 0, clippedShare: 0 } });
    const first = Array.from({ length: 30 }, (_, i) => spoken(i * 60_000, -30 + (i % 10)));
    const last = Array.from({ length: 30 }, (_, i) => spoken(40 * DAY - i * 60_000, -50 + (i % 10)));
    expect(monitorReport([...first, ...last])).toMatch(/input level: drift, PSI \d+\.\d{3} — inputs are quieter/);
  });
});
