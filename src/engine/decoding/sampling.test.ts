import { describe, expect, it } from 'vitest';
import { sampleToken, seededRandom } from './sampling';

describe('seededRandom', () => {
  it('repeats its sequence for a seed, differs between seeds, stays in [0, 1)', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(xs).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(seededRandom(43)()).not.toBe(xs[0]);
  });
});

describe('sampleToken', () => {
  it('draws tokens in proportion to softmax(logits / T)', () => {
    const logits = new Float32Array([Math.log(1), Math.log(3), -Infinity, Math.log(6)]);
    const random = seededRandom(7);
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 20_000; i++) counts[sampleToken(logits, 1, random)]++;
    expect(counts[2]).toBe(0); // a forbidden token is never drawn
    expect(counts[0] / 20_000).toBeCloseTo(0.1, 1);
    expect(counts[1] / 20_000).toBeCloseTo(0.3, 1);
    expect(counts[3] / 20_000).toBeCloseTo(0.6, 1);
  });

  it('sharpens towards the best token as the temperature falls', () => {
    const logits = new Float32Array([0, 1, 2]);
    const random = seededRandom(1);
    let best = 0;
    for (let i = 0; i < 2000; i++) if (sampleToken(logits, 0.1, random) === 2) best++;
    expect(best / 2000).toBeGreaterThan(0.99);
  });
});
