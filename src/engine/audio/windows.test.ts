import { describe, expect, it } from 'vitest';
import { splitIntoWindows } from './windows';

function tone(samples: number): Float32Array {
  return new Float32Array(samples).map((_, i) => 0.5 * Math.sin(i / 5));
}

describe('splitIntoWindows', () => {
  it('keeps audio within the limit as one window', () => {
    expect(splitIntoWindows(new Float32Array(1000), { maxSamples: 1000 })).toEqual([[0, 1000]]);
  });

  it('tiles long audio exactly, each window within the limit', () => {
    const audio = tone(10_500);
    const windows = splitIntoWindows(audio, { maxSamples: 3000, searchSamples: 600, frameSamples: 100 });
    expect(windows[0][0]).toBe(0);
    expect(windows[windows.length - 1][1]).toBe(audio.length);
    for (let i = 0; i < windows.length; i++) {
      expect(windows[i][1] - windows[i][0]).toBeLessThanOrEqual(3000);
      expect(windows[i][1]).toBeGreaterThan(windows[i][0]);
      if (i > 0) expect(windows[i][0]).toBe(windows[i - 1][1]);
    }
  });

  it('cuts inside the pause nearest the limit', () => {
    const audio = tone(5000);
    audio.fill(0, 2500, 2700); // a pause 300–500 samples before the 3000-sample limit
    const [[, cut]] = splitIntoWindows(audio, { maxSamples: 3000, searchSamples: 800, frameSamples: 100 });
    expect(cut).toBeGreaterThanOrEqual(2500);
    expect(cut).toBeLessThanOrEqual(2700);
  });
});
