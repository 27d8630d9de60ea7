import { describe, expect, it } from 'vitest';
import { formatMegabytes, makeRoomFor } from './recordings';

describe('makeRoomFor', () => {
  const kept = [
    { id: 3, time: 30, bytes: 400 },
    { id: 1, time: 10, bytes: 300 },
    { id: 2, time: 20, bytes: 200 },
  ];

  it('keeps everything while the limit holds', () => {
    expect(makeRoomFor(kept, 100, { maxBytes: 1000 })).toEqual({ keep: true, drop: [] });
  });

  it('drops the oldest recordings first until the new one fits', () => {
    expect(makeRoomFor(kept, 101, { maxBytes: 1000 })).toEqual({ keep: true, drop: [1] });
    expect(makeRoomFor(kept, 700, { maxBytes: 1000 })).toEqual({ keep: true, drop: [1, 2, 3] });
  });

  it('does not keep a recording larger than the limit on its own, and drops nothing for it', () => {
    expect(makeRoomFor(kept, 1001, { maxBytes: 1000 })).toEqual({ keep: false, drop: [] });
  });

  it('defaults to 20 MB', () => {
    expect(makeRoomFor([], 20_000_000).keep).toBe(true);
    expect(makeRoomFor([], 20_000_001).keep).toBe(false);
  });
});

describe('formatMegabytes', () => {
  it('writes decimal megabytes to one place', () => {
    expect(formatMegabytes(3_240_000)).toBe('3.2 MB');
  });
});
