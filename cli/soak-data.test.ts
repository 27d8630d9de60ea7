import { describe, expect, it } from 'vitest';
import { growthPer100, quantile, soakSection, type MemorySample, type SoakResult } from './soak-data';

const sample = (queries: number, rendererRssMiB: number, measuredMiB?: number): MemorySample => ({ queries, rendererRssMiB, rendererHwmMiB: rendererRssMiB + 10, measuredMiB });

describe('growth per 100 queries', () => {
  it('is the least-squares slope after the first 100 queries, per 100', () => {
    // 600 MiB at 100, then +2 MiB every 50 queries: 4 MiB per 100. The first sample (the arena settling) is left out.
    const samples = [sample(0, 300), sample(50, 580), sample(100, 600), sample(150, 602), sample(200, 604), sample(250, 606)];
    expect(growthPer100(samples, (s) => s.rendererRssMiB)).toBeCloseTo(4, 10);
  });

  it('sees through noise: points above and below a flat line give about zero', () => {
    const samples = [sample(100, 600), sample(150, 603), sample(200, 597), sample(250, 600)];
    // Hand-computed: x̄ = 175, ȳ = 600; Σ(x−x̄)(y−ȳ) = (−75)(0) + (−25)(3) + (25)(−3) + (75)(0) = −150; Σ(x−x̄)² = 12500 → −0.012 per query.
    expect(growthPer100(samples, (s) => s.rendererRssMiB)).toBeCloseTo(-1.2, 10);
  });

  it('is undefined with fewer than two samples after the first 100, or a value never measured', () => {
    expect(growthPer100([sample(0, 1), sample(50, 2), sample(100, 3)], (s) => s.rendererRssMiB)).toBeUndefined();
    expect(growthPer100([sample(100, 1), sample(150, 2)], (s) => s.measuredMiB)).toBeUndefined();
  });
});

describe('quantiles', () => {
  it('interpolates between the sorted values', () => {
    expect(quantile([40, 10, 30, 20], 0.5)).toBe(25);
    expect(quantile([10, 20, 30, 40, 50], 0.95)).toBeCloseTo(48, 10);
    expect(quantile([], 0.5)).toBeNaN();
  });
});

describe('the report section', () => {
  it('gives the command, the verdict, the lost queries and the curve', () => {
    const result: SoakResult = {
      command: 'npm run -s soak -- --queries 200',
      chromium: '156',
      machine: '2 × CPU',
      modelId: 'moonshine-tiny-q8',
      queries: 200,
      answered: 199,
      lost: ['query 17 (paris.wav): no results after 60 s'],
      latencyMs: { median: 812.4, p95: 1500 },
      samples: [sample(0, 500, 200), sample(100, 600, 250), sample(200, 620, 251)],
    };
    const text = soakSection(result);
    expect(text).toContain('`npm run -s soak -- --queries 200`');
    expect(text).toContain('199 of 200 answered; lost: query 17 (paris.wav): no results after 60 s');
    expect(text).toContain('grows +20.00 MiB per 100 queries after the first 100 (target: under 5): GROWING');
    expect(text).toContain('| 200 | 620.0 | 630.0 | 251.0 | — |');
    expect(text).toContain('median 812 ms, p95 1500 ms');
  });
});
