import { describe, expect, it } from 'vitest';
import { describeCpu } from './cpu-name';

describe('describeCpu', () => {
  it('adds family, model and vector extensions from /proc/cpuinfo', () => {
    const cpuinfo = 'processor\t: 0\nvendor_id\t: AuthenticAMD\ncpu family\t: 26\nmodel\t\t: 2\nmodel name\t: AMD EPYC\nflags\t\t: fpu sse avx2 avx512f avx512_vnni avx_vnni\n';
    expect(describeCpu('AMD EPYC', cpuinfo)).toBe('AMD EPYC (family 26 model 2, AVX2, AVX-512, VNNI)');
  });

  it('keeps the plain name where there is no cpuinfo, and names only what the flags hold', () => {
    expect(describeCpu('Apple M2', '')).toBe('Apple M2');
    expect(describeCpu('Intel Xeon', 'cpu family\t: 6\nmodel\t\t: 85\nflags\t\t: sse avx2\n')).toBe('Intel Xeon (family 6 model 85, AVX2)');
  });
});
