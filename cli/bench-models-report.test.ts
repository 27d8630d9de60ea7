/** The "Every model" table of docs/BENCHMARKS.md and the Chromium models JSON it reads (pure). */
import { describe, expect, it } from 'vitest';
import type { AccuracyReportInput } from '../src/eval/accuracy-report';
import {
  APP_TECHNIQUE,
  chromiumCells,
  chromiumRepeats,
  combineRounds,
  modelsSection,
  chooseDefaultModel,
  DEFAULT_MODEL_LATENCY_TARGET_MS,
  parseChromiumModelsResult,
  roundOrder,
  stats,
  type ChromiumModelRow,
  type ChromiumModelsResult,
  type ChromiumModelVisit,
  type NodeModelsResult,
} from './bench-models-report';

const chromiumRow = (model: string, over: Partial<ChromiumModelRow> = {}): ChromiumModelRow => ({
  model,
  backend: 'wasm',
  threads: 2,
  coldLoadMs: 6434.2,
  cachedLoadMs: 6193.9,
  fromCache: true,
  coldPeakRssMb: 700.4,
  peakRssMb: 812.6,
  clip: '3.0 s (librivox)',
  audioSeconds: 2.99,
  reference: 'he was not an ill disposed young man',
  totalMs: { median: 477.4, min: 462.1, max: 964.9 },
  workerMs: { median: 473, min: 460, max: 963 },
  text: 'He was not an ill-disposed young man.',
  wordErrors: 0,
  stopReason: 'end-of-text',
  textVaried: false,
  ...over,
});

const chromium = (rows: ChromiumModelRow[]): ChromiumModelsResult => ({
  command: 'npm run -s bench:browser-models -- --reps 3',
  machine: '2 × AMD EPYC',
  loadAverage: { start: 4.4, end: 3.9 },
  chromium: '156.0.8078.108',
  onnxruntimeWeb: '1.30.0',
  reps: 3,
  memory: 'Memory is the renderer peak.',
  rows,
});

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

describe('stats', () => {
  it('gives the median (mean of the middle two for an even count), min and max', () => {
    expect(stats([3, 1, 2])).toEqual({ median: 2, min: 1, max: 3 });
    expect(stats([4, 1, 3, 2])).toEqual({ median: 2.5, min: 1, max: 4 });
    expect(() => stats([])).toThrow(/no values/);
  });
});

describe('rounds', () => {
  it('alternates the order of the models from round to round', () => {
    expect([0, 1, 2].map((r) => roundOrder(['a', 'b', 'c'], r).join(''))).toEqual(['abc', 'cba', 'abc']);
  });

  const visit = (over: Partial<ChromiumModelVisit>, pageMs: number[], text = 'He was not an ill-disposed young man.'): ChromiumModelVisit => ({
    backend: 'wasm',
    threads: 2,
    coldLoadMs: 6000,
    cachedLoadMs: 4000,
    fromCache: true,
    coldPeakRssMb: 700,
    peakRssMb: 800,
    runs: pageMs.map((ms) => ({ pageMs: ms, workerMs: ms - 5, text, stopReason: 'end-of-text' })),
    ...over,
  });
  const clip = { name: '3.0 s (librivox)', audioSeconds: 2.99, reference: 'he was not an ill disposed young man' };

  it('takes the median of the rounds for loads and memory and pools every run for latency', () => {
    const row = combineRounds(
      'whisper-tiny-q8',
      clip,
      [visit({ coldLoadMs: 9000, peakRssMb: 810 }, [900, 1000, 1100]), visit({ cachedLoadMs: 3000, peakRssMb: 790 }, [500, 600, 700]), visit({ coldLoadMs: 5000, peakRssMb: 830 }, [400, 800, 1200])],
      (text) => text.split(' ').length,
    );
    expect(row).toMatchObject({ model: 'whisper-tiny-q8', backend: 'wasm', threads: 2, coldLoadMs: 6000, cachedLoadMs: 4000, fromCache: true, coldPeakRssMb: 700, peakRssMb: 810 });
    expect(row.totalMs).toEqual({ median: 800, min: 400, max: 1200 });
    expect(row.workerMs).toEqual({ median: 795, min: 395, max: 1195 });
    expect(row).toMatchObject({ clip: '3.0 s (librivox)', audioSeconds: 2.99, text: 'He was not an ill-disposed young man.', wordErrors: 7, textVaried: false });
  });

  it('takes the warm-up as the rounds\' median and pools the first queries, when every round has them', () => {
    const row = combineRounds('m', clip, [visit({ warmUpMs: 3000, firstQueryMs: 300 }, [1]), visit({ warmUpMs: 2000, firstQueryMs: 200 }, [2]), visit({ warmUpMs: 4000, firstQueryMs: 250 }, [3])], () => 0);
    expect(row.warmUpMs).toBe(3000);
    expect(row.firstQueryMs).toEqual({ median: 250, min: 200, max: 300 });
    const older = combineRounds('m', clip, [visit({ warmUpMs: 3000, firstQueryMs: 300 }, [1]), visit({}, [2])], () => 0);
    expect(older.warmUpMs).toBeUndefined();
    expect(older.firstQueryMs).toBeUndefined();
  });

  it('notices a changed transcript, a load not from Cache Storage, missing memory and a changed backend', () => {
    const row = combineRounds('m', clip, [visit({}, [1]), visit({ fromCache: false, coldPeakRssMb: undefined }, [2], 'other')], () => 0);
    expect(row).toMatchObject({ textVaried: true, fromCache: false, coldPeakRssMb: undefined, peakRssMb: 800 });
    expect(() => combineRounds('m', clip, [visit({}, [1]), visit({ threads: 1 }, [2])], () => 0)).toThrow(/backend or threads changed between rounds \(wasm:2, wasm:1\)/);
    expect(() => combineRounds('m', clip, [visit({}, [])], () => 0)).toThrow(/no measured runs/);
  });

  it('says how often the figures were measured', () => {
    expect(chromiumRepeats({ reps: 3 })).toBe('median (min–max) of 3 after the first query');
    expect(chromiumRepeats({ reps: 3, rounds: 1 })).toBe('median (min–max) of 3 after the first query');
    expect(chromiumRepeats({ reps: 3, rounds: 2 })).toMatch(/^median \(min–max\) of 6 runs: 2 rounds over the models in alternating order, .* 3 times after the first query; loads and memory are the medians of the rounds$/);
  });
});

describe('parseChromiumModelsResult', () => {
  it('accepts what bench:browser-models writes, after a JSON round trip', () => {
    const result = chromium([chromiumRow('whisper-tiny-q8'), chromiumRow('moonshine-tiny-q8', { coldPeakRssMb: undefined, peakRssMb: undefined, stopReason: undefined })]);
    const parsed = parseChromiumModelsResult(JSON.parse(JSON.stringify(result)));
    expect(parsed).toEqual(result);
    // With rounds (written since --rounds exists) as without (older files).
    expect(parseChromiumModelsResult(JSON.parse(JSON.stringify({ ...result, rounds: 3 }))).rounds).toBe(3);
    expect(parsed.rounds).toBeUndefined();
  });

  it('names the first bad field', () => {
    const bad = JSON.parse(JSON.stringify(chromium([chromiumRow('whisper-tiny-q8')])));
    bad.rows[0].totalMs = { median: 5, min: 6, max: 7 };
    expect(() => parseChromiumModelsResult(bad)).toThrow(/rows\[0\]\.totalMs: expected \{ median, min, max \}/);
    delete bad.rows[0].totalMs;
    expect(() => parseChromiumModelsResult(bad)).toThrow(/rows\[0\]\.totalMs/);
    expect(() => parseChromiumModelsResult({ ...chromium([]), reps: '3' })).toThrow(/\.reps: expected a number, got "3"/);
    expect(() => parseChromiumModelsResult({ ...chromium([]), rounds: null })).toThrow(/\.rounds: expected a number, got null/);
    expect(() => parseChromiumModelsResult({ ...chromium([]), loadAverage: undefined })).toThrow(/\.loadAverage: expected an object/);
    expect(() => parseChromiumModelsResult([])).toThrow(/expected an object/);
  });

  it('accepts a row without memory (no /proc) but not one with memory of the wrong type', () => {
    const noMemory = JSON.parse(JSON.stringify(chromium([chromiumRow('whisper-tiny-q8', { coldPeakRssMb: undefined, peakRssMb: undefined })])));
    expect(parseChromiumModelsResult(noMemory).rows[0].peakRssMb).toBeUndefined();
    noMemory.rows[0].peakRssMb = '812';
    expect(() => parseChromiumModelsResult(noMemory)).toThrow(/rows\[0\]\.peakRssMb: expected a number/);
  });
});

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

describe('chooseDefaultModel', () => {
  const row = (model: string, median: number) => ({ model, totalMs: { median } });
  const summary = (model: string, top3: number, falseQueries: number, technique = APP_TECHNIQUE) => ({ model, technique, top3, falseQueries });

  it('takes the best top-3 with the app pipeline among models within the latency target', () => {
    const choice = chooseDefaultModel(
      [row('fast-weak', 300), row('fast-strong', DEFAULT_MODEL_LATENCY_TARGET_MS), row('slow-best', 2500)],
      [summary('fast-weak', 0.3, 0), summary('fast-strong', 0.4, 0), summary('slow-best', 0.9, 0), summary('fast-weak', 0.99, 0, 'prompt')],
    );
    expect(choice.model).toBe('fast-strong');
    expect(choice.reasons).toContain(`slow-best: 2500 ms in Chromium, over the ${DEFAULT_MODEL_LATENCY_TARGET_MS} ms target`);
  });

  it('passes over a model that made up queries on noise, however many places it finds', () => {
    const choice = chooseDefaultModel([row('careful', 400), row('eager', 300)], [summary('careful', 0.4, 0), summary('eager', 0.5, 2)]);
    expect(choice.model).toBe('careful');
    expect(choice.reasons).toContain('eager: 2 made-up queries on the clips without speech (top-3 50.0%, 300 ms in Chromium)');
  });

  it('breaks ties by speed; a model without accuracy figures is no candidate', () => {
    expect(chooseDefaultModel([row('a', 300), row('b', 400)], [summary('a', 0.4, 0), summary('b', 0.4, 0)]).model).toBe('a');
    expect(chooseDefaultModel([row('a', 400), row('b', 300)], [summary('a', 0.4, 0), summary('b', 0.4, 0)]).model).toBe('b');
    const none = chooseDefaultModel([row('a', 500)], []);
    expect(none.model).toBeUndefined();
    expect(none.reasons).toEqual(['a: accuracy not measured']);
  });
});
