import { describe, expect, it } from 'vitest';
import { fromExportJson, QueryLogFileError, toCsv, toExportJson } from './export';
import type { QueryRecord } from './query-record';
import { logTotals, perDay, quantile, totalsText } from './summary';

const records: QueryRecord[] = [
  { id: 1, time: Date.UTC(2026, 11, 1, 9), kind: 'spoken', modelId: 'moonshine-tiny-q8', audioSeconds: 1.5, level: { rmsDb: -28, peakDb: -9, clippedShare: 0 }, resultsMs: 400, avgLogprob: -0.2, heard: 'Tokyo', searched: 'Tokyo', queryWords: 1, results: 10 },
  { id: 2, time: Date.UTC(2026, 11, 1, 10), kind: 'spoken', resultsMs: 600, heard: 'hotels in, "Amsterdam"', searched: 'hotels in amsterdam', changedByPipeline: true, feedback: 'wrong-result', queryWords: 3 },
  { id: 3, time: Date.UTC(2026, 11, 2, 10), kind: 'typed', searched: 'lisbon', results: 3 },
];

describe('query log export', () => {
  it('round-trips through JSON unchanged', () => {
    expect(fromExportJson(toExportJson(records))).toEqual(records);
  });

  it('refuses a file that is not an export, saying why', () => {
    expect(() => fromExportJson('{')).toThrow(QueryLogFileError);
    expect(() => fromExportJson('{"format":"other"}')).toThrow(/not a query log export/);
    expect(() => fromExportJson('{"format":"voice-search-query-log","version":9,"records":[]}')).toThrow(/version 9/);
    expect(() => fromExportJson('{"format":"voice-search-query-log","version":1,"records":[{"kind":"spoken"}]}')).toThrow(/record 1: needs a numeric "time"/);
  });

  it('writes CSV with a header and quotes fields that need it (RFC 4180)', () => {
    const lines = toCsv(records).split('\r\n');
    expect(lines[0]).toMatch(/^time,kind,model,backend,audio_seconds,rms_db/);
    expect(lines).toHaveLength(5);
    expect(lines[2]).toContain('"hotels in, ""Amsterdam"""');
    expect(lines[3]).toMatch(/^2026-12-02T10:00:00.000Z,typed,/);
  });
});

describe('summary', () => {
  it('counts queries, flags and changes', () => {
    const totals = logTotals(records);
    expect(totals).toEqual({ queries: 3, spoken: 2, typed: 1, flagged: 1, nothingHeard: 0, changedByPipeline: 1 });
    expect(totalsText(totals)).toMatch(/^3 queries, 1 flagged/);
  });

  it('gives each day its latency quantiles and shares', () => {
    const [first, second] = perDay(records);
    expect(first).toMatchObject({ queries: 2, resultsMsP50: 500, flaggedShare: 0.5, changedShare: 0.5, rmsDbMedian: -28 });
    expect(first!.resultsMsP95).toBeCloseTo(590, 6);
    expect(second).toMatchObject({ queries: 1, flaggedShare: 0 });
    expect(quantile([], 0.5)).toBeNaN();
  });
});
