import { describe, expect, it } from 'vitest';
import { cell, loadRows, loadSection, modelStagesOnPage, workerSpanOnPage, type LoadBenchResult, type VisitTimeline } from './bench-load-data';

function visit(overrides: Partial<VisitTimeline> = {}): VisitTimeline {
  return {
    interactive: 300,
    indexReady: 1500,
    modelReady: 4000,
    loadMs: 3500,
    modelStages: modelStagesOnPage(4000, 3500, [
      { name: 'read encoder', startMs: 10, ms: 90 },
      { name: 'session encoder', startMs: 200, ms: 1000 },
    ]),
    searchStages: [],
    warmUpEnd: 9000,
    warmUpCompleted: true,
    spokeAt: undefined,
    firstTranscript: undefined,
    ...overrides,
  };
}

const result = (visits: LoadBenchResult['visits']): LoadBenchResult => ({
  command: 'npm run -s bench:load',
  chromium: '156',
  machine: '2 × test',
  modelId: 'moonshine-tiny-q8',
  query: { file: 'q.wav', seconds: 2.7 },
  rounds: 2,
  visits,
});

describe('bench:load data', () => {
  it('puts the worker stages on the page clock: the load began loadMs before the ready mark', () => {
    expect(modelStagesOnPage(4000, 3500, [{ name: 'session decoder', startMs: 1200, ms: 800 }])).toEqual([{ name: 'session decoder', startMs: 1700, ms: 800 }]);
    // A worker started 250 ms after the page: its measure at 100 ms is at 350 ms on the page.
    expect(workerSpanOnPage(1_000_000, 1_000_250, { name: 'place index: build', startTime: 100, duration: 40 })).toEqual({ name: 'place index: build', startMs: 350, ms: 40 });
  });

  it('gives every milestone and stage a row with each visit kind’s rounds, and leaves out rows no visit has', () => {
    const rows = loadRows(
      result({
        'first visit': [visit({ loadMs: 5000, modelReady: 5500 }), visit({ loadMs: 6000, modelReady: 6500 })],
        'returning visit': [visit()],
        'returning visit, speaking at once': [visit({ spokeAt: 400, firstTranscript: 5000 })],
      }),
    );
    const byLabel = new Map(rows.map((r) => [r.label, r.values]));
    expect(byLabel.get('model load (request to ready sessions)')?.['first visit']).toEqual([5000, 6000]);
    expect(byLabel.get('model: session encoder')?.['returning visit']).toEqual([1000]);
    expect(byLabel.get('first transcript after the query was handed over')).toEqual({ 'first visit': [], 'returning visit': [], 'returning visit, speaking at once': [4600] });
    expect(byLabel.has('search worker: place index: build')).toBe(false);
    // Stages in the order they start.
    expect(rows.findIndex((r) => r.label === 'model: read encoder')).toBeLessThan(rows.findIndex((r) => r.label === 'model: session encoder'));
  });

  it('writes median (min–max), a lone value, or a dash', () => {
    expect(cell([300, 100, 200])).toBe('200 (100–300)');
    expect(cell([123.4])).toBe('123');
    expect(cell([])).toBe('—');
    const section = loadSection(result({ 'first visit': [visit()], 'returning visit': [visit()], 'returning visit, speaking at once': [visit()] })).join('\n');
    expect(section).toContain('| model ready | 4000 | 4000 | 4000 |');
    expect(section).toContain('`npm run -s bench:load`');
  });

  it('compares a run before a change with the one after it, medians side by side, and keeps both tables', () => {
    const before = { ...result({ 'first visit': [visit({ modelReady: 9000 })], 'returning visit': [visit({ modelReady: 8000 })], 'returning visit, speaking at once': [visit()] }), label: 'before the cuts' };
    const after = result({ 'first visit': [visit({ modelReady: 5000 })], 'returning visit': [visit({ modelReady: 3000 }), visit({ modelReady: 5000 })], 'returning visit, speaking at once': [visit()] });
    const section = loadSection(after, before).join('\n');
    expect(section).toContain('| model ready | 9000 → 5000 | 8000 → 4000 | 4000 → 4000 |');
    expect(section).toContain('(before the cuts)');
    expect(section).toContain('### After');
    expect(section).toContain('### Before');
  });
});
