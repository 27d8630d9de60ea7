import { describe, expect, it } from 'vitest';
import { LoadTrace, stageTotal } from './load-trace';

/** A clock that reads `now`, moved by the test. */
function manualClock() {
  const clock = { now: 100, read: () => clock.now };
  return clock;
}

describe('a load trace', () => {
  it('records spans from the load start, sorted by start, overlapping ones included', async () => {
    const clock = manualClock();
    const trace = new LoadTrace(clock.read);
    clock.now = 110;
    let finishRead!: () => void;
    const read = trace.time('read decoder', () => new Promise<void>((resolve) => (finishRead = resolve)));
    clock.now = 105; // a span that starts earlier in time but is recorded later
    await trace.time('onnxruntime wasm', async () => {
      clock.now = 130;
    });
    clock.now = 150;
    finishRead();
    await read;
    expect(trace.stages()).toEqual([
      { name: 'onnxruntime wasm', startMs: 5, ms: 25 },
      { name: 'read decoder', startMs: 10, ms: 40 },
    ]);
  });

  it('records a span that failed, and passes its error on', async () => {
    const clock = manualClock();
    const trace = new LoadTrace(clock.read);
    await expect(
      trace.time('session encoder', async () => {
        clock.now = 107;
        throw new Error('bad model');
      }),
    ).rejects.toThrow('bad model');
    expect(trace.stages()).toEqual([{ name: 'session encoder', startMs: 0, ms: 7 }]);
  });

  it('sums the stages of one kind', () => {
    const stages = [
      { name: 'session encoder', startMs: 0, ms: 300 },
      { name: 'read encoder', startMs: 0, ms: 50 },
      { name: 'session decoder', startMs: 300, ms: 700 },
    ];
    expect(stageTotal(stages, 'session ')).toBe(1000);
    expect(stageTotal(stages, 'sha256 ')).toBe(0);
  });
});
