/** The models benchmarks' data: combining Chromium rounds and reading the Chromium JSON (pure). */
import { describe, expect, it } from 'vitest';
import { combineRounds, parseChromiumModelsResult, roundOrder, type ChromiumModelVisit } from './bench-models-data';
import { chromium, chromiumRow } from './bench-models-test-data';

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
