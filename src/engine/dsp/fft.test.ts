import { describe, expect, it } from 'vitest';
import { ComplexFft } from './fft';

/** The O(n²) definition, as the reference. */
function naiveDft(re: Float64Array, im: Float64Array): [Float64Array, Float64Array] {
  const n = re.length;
  const outRe = new Float64Array(n);
  const outIm = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    for (let j = 0; j < n; j++) {
      const a = (-2 * Math.PI * j * k) / n;
      outRe[k] += re[j] * Math.cos(a) - im[j] * Math.sin(a);
      outIm[k] += re[j] * Math.sin(a) + im[j] * Math.cos(a);
    }
  }
  return [outRe, outIm];
}

function seeded(n: number, seed: number): Float64Array {
  const out = new Float64Array(n);
  let s = seed >>> 0;
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = s / 2 ** 32 - 0.5;
  }
  return out;
}

describe('ComplexFft', () => {
  for (const n of [1, 2, 3, 4, 5, 7, 8, 12, 16, 25, 30, 49, 100, 400, 512]) {
    it(`matches the direct DFT for n = ${n}`, () => {
      const re = seeded(n, n);
      const im = seeded(n, n + 1000);
      const [expRe, expIm] = naiveDft(re, im);
      new ComplexFft(n).transform(re, im);
      for (let k = 0; k < n; k++) {
        expect(re[k]).toBeCloseTo(expRe[k], 9);
        expect(im[k]).toBeCloseTo(expIm[k], 9);
      }
    });
  }

  it('puts a pure tone in its bin', () => {
    const n = 400;
    const re = new Float64Array(n);
    const im = new Float64Array(n);
    for (let j = 0; j < n; j++) re[j] = Math.cos((2 * Math.PI * 17 * j) / n);
    new ComplexFft(n).transform(re, im);
    expect(re[17]).toBeCloseTo(n / 2, 9);
    expect(re[n - 17]).toBeCloseTo(n / 2, 9);
    expect(Math.abs(re[16]) + Math.abs(im[16])).toBeLessThan(1e-9);
  });

  it('rejects arrays of the wrong length', () => {
    expect(() => new ComplexFft(8).transform(new Float64Array(4), new Float64Array(4))).toThrow(/size 8/);
  });
});
