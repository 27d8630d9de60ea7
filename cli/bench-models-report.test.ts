/** The "Every model" table of docs/BENCHMARKS.md (pure). */
import { describe, expect, it } from 'vitest';
import type { AccuracyReportInput } from '../src/eval/accuracy-report';
import type { NodeModelsResult } from './bench-models-data';
import { chromium, chromiumRow } from './bench-models-test-data';
import { chromiumCells, chromiumRepeats, modelsSection } from './bench-models-report';

const node: NodeModelsResult = {
  command: 'npm run -s bench:models -- --reps 3',
  cpu: 'AMD EPYC',
  cores: 2,
  threads: 2,
  reps: 3,
  rows: [
    { model: 'whisper-tiny-q8', runtime: 'wasm', loadMs: 4486.2, modelBytes: 43337211, peakRssMb: 914.9, clip: '3.0 s (librivox)', audioSeconds: 2.99, medianMs: 1037.8, minMs: 837.7, maxMs: 1463.4, text: 'He was not an ill-disposed young man.' },
    { model: 'whisper-tiny-q8', runtime: 'node', loadMs: 1917.5, modelBytes: 43337211, peakRssMb: 575.4, clip: '3.0 s (librivox)', audioSeconds: 2.99, medianMs: 511.6, minMs: 338.4, maxMs: 997.7, text: "He was not, and he'll dispose young man." },
    { model: 'moonshine-tiny-q8', runtime: 'wasm', loadMs: 5628.3, modelBytes: 28423865, peakRssMb: 689.4, clip: '3.0 s (librivox)', audioSeconds: 2.99, medianMs: 537.9, minMs: 482, maxMs: 1258.2, text: 'He was not an ill-sposed young man.' },
  ],
};

/** The table's rows as cells (header, separator, one per model). */
function tableRows(lines: string[]): string[][] {
  return lines.filter((l) => l.startsWith('|')).map((l) => l.slice(2, -2).split(' | '));
}

describe('chromiumCells', () => {
  it('formats load (first visit / cached), memory and the latency with its range', () => {
    expect(chromiumCells(chromiumRow('whisper-tiny-q8'))).toEqual(['6.4 s / 6.2 s', '700 MiB / 813 MiB', '–', '477 ms (462–965)']);
    const warmed = chromiumRow('whisper-tiny-q8', { warmUpMs: 2990, firstQueryMs: { median: 277, min: 250, max: 300 } });
    expect(chromiumCells(warmed)[2]).toBe('3.0 s, then 277 ms');
  });

  it('marks a transcript cut at the token budget, and dashes what was not measured', () => {
    expect(chromiumCells(chromiumRow('x', { stopReason: 'max-tokens' }))[3]).toBe('477 ms (462–965) (cut at the token budget)');
    expect(chromiumCells(chromiumRow('x', { coldPeakRssMb: undefined, peakRssMb: undefined }))[1]).toBe('–');
    expect(chromiumCells(chromiumRow('x', { coldPeakRssMb: undefined }))[1]).toBe('– / 813 MiB');
    expect(chromiumCells(undefined)).toEqual(['–', '–', '–', '–']);
  });
});

describe('modelsSection', () => {
  it('is empty without either speed file', () => {
    expect(modelsSection(undefined, undefined, undefined)).toEqual([]);
  });

  it('puts the Chromium columns beside Node, one row per model, and states both commands', () => {
    const lines = modelsSection(node, chromium([chromiumRow('whisper-tiny-q8'), chromiumRow('whisper-base-q8', { text: 'A | B' })]), undefined);
    const text = lines.join('\n');
    expect(lines[0]).toBe('## Every model');
    expect(text).toContain('`npm run -s bench:models -- --reps 3`');
    expect(text).toContain('`npm run -s bench:browser-models -- --reps 3`');
    expect(text).toContain('headless Chromium 156.0.8078.108');
    expect(text).toContain('load average 4.4 at the start, 3.9 at the end');
    expect(text).toContain('WASM with 2 threads');
    expect(text).toContain('decoded greedily');
    expect(modelsSection(node, { ...chromium([chromiumRow('whisper-tiny-q8')]), beamSize: 5 }, undefined).join('\n')).toContain('decoded with beam search of 5, as the app decodes');
    expect(text).toContain('Memory is the renderer peak.');
    const [header, separator, ...rows] = tableRows(lines);
    expect(header).toEqual([
      'model',
      'download',
      'load (wasm / node)',
      'peak memory (wasm / node)',
      '~3 s query (wasm / node)',
      'Chromium load (first visit / cached)',
      'Chromium peak memory (first visit / cached)',
      'Chromium warm-up, then first query',
      '~3 s query in Chromium (WASM)',
      'WER queries',
      'WER recordings',
      'top-3',
      'made-up queries',
    ]);
    expect(separator).toHaveLength(header.length);
    // Node's models in Node's order, then the model only Chromium measured.
    expect(rows.map((r) => r[0])).toEqual(['whisper-tiny-q8', 'moonshine-tiny-q8', 'whisper-base-q8']);
    expect(rows[0]).toEqual(['whisper-tiny-q8', '43.3 MB', '4.5 s / 1.9 s', '915 MiB / 575 MiB', '1038 ms / 512 ms', '6.4 s / 6.2 s', '700 MiB / 813 MiB', '–', '477 ms (462–965)', '–', '–', '–', '–']);
    expect(rows[1].slice(2, 9)).toEqual(['5.6 s / –', '689 MiB / –', '538 ms / –', '–', '–', '–', '–']);
    expect(rows[2].slice(1, 6)).toEqual(['–', '–', '–', '–', '6.4 s / 6.2 s']);
    for (const row of rows) expect(row).toHaveLength(header.length);
    // Transcripts of both, the pipe escaped so the Markdown stays one table.
    expect(text).toContain('The ~3 s query is 3.0 s (librivox); transcripts in Node (wasm): whisper-tiny-q8 "He was not an ill-disposed young man."; moonshine-tiny-q8 "He was not an ill-sposed young man."; in Chromium: whisper-tiny-q8 "He was not an ill-disposed young man."; whisper-base-q8 "A \\| B".');
  });

  it('says how to add what is missing', () => {
    const onlyNode = modelsSection(node, undefined, undefined).join('\n');
    expect(onlyNode).toContain('Chromium: run `npm run build && npm run -s bench:browser-models` to add it.');
    expect(tableRows(onlyNode.split('\n'))[2].slice(5, 9)).toEqual(['–', '–', '–', '–']);
    const onlyChromium = modelsSection(undefined, chromium([chromiumRow('whisper-tiny-q8', { textVaried: true })]), undefined).join('\n');
    expect(onlyChromium).toContain('Node speed: run `npm run -s bench:models` to add it.');
    expect(onlyChromium).toContain('whisper-tiny-q8 "He was not an ill-disposed young man." (varied between runs: first shown)');
  });

  it('takes accuracy from the last technique run of each model', () => {
    const utterance = (set: 'queries' | 'recordings' | 'noise', reference: string, transcript: string, rank = -1) => ({
      set,
      path: `${set}.wav`,
      reference,
      transcript,
      query: transcript,
      suggestion: null,
      rank,
      recognitionMs: 1,
      correctionMs: 0,
      ...(set === 'queries' ? { expected: { id: 'x', name: reference } } : {}),
    });
    const accuracy = {
      command: 'npm run -s accuracy -- --models whisper-tiny-q8',
      machine: 'm',
      runtime: 'node',
      sets: { queries: 1, recordings: 1, noise: 1 },
      runs: [
        { model: 'whisper-tiny-q8', technique: 'greedy', label: 'greedy', utterances: [utterance('queries', 'tokyo', 'kyoto'), utterance('recordings', 'paris', 'paris'), utterance('noise', '', 'hello')] },
        { model: 'whisper-tiny-q8', technique: 'all', label: 'all', utterances: [utterance('queries', 'tokyo', 'tokyo', 0), utterance('recordings', 'paris', 'paris'), utterance('noise', '', '')] },
      ],
    } as unknown as AccuracyReportInput;
    const lines = modelsSection(node, chromium([chromiumRow('whisper-tiny-q8')]), accuracy);
    expect(lines.join('\n')).toContain('Accuracy from `npm run -s accuracy -- --models whisper-tiny-q8`');
    expect(tableRows(lines)[2].slice(9)).toEqual(['0.0%', '0.0%', '100.0%', '0 / 1']);
  });
});

describe('chromiumRepeats', () => {
  it('says how often the figures were measured', () => {
    expect(chromiumRepeats({ reps: 3 })).toBe('median (min–max) of 3 after the first query');
    expect(chromiumRepeats({ reps: 3, rounds: 1 })).toBe('median (min–max) of 3 after the first query');
    expect(chromiumRepeats({ reps: 3, rounds: 2 })).toMatch(/^median \(min–max\) of 6 runs: 2 rounds over the models in alternating order, .* 3 times after the first query; loads and memory are the medians of the rounds$/);
  });
});
