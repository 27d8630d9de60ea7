import { describe, expect, it } from 'vitest';
import type { EngineClient } from './engine-client';
import type { LoadResult, Transcript } from './engine-api';
import { superviseEngine, WorkerFailedError, type EngineWorker, type SupervisionClock } from './supervised-engine';

/** A fake worker: records its calls; transcribe answers with the audio's first sample, or hangs when told. */
class FakeWorker implements EngineWorker {
  readonly calls: string[] = [];
  terminated = false;
  hang = false;
  answerPings = true;
  private failure?: (reason: string) => void;
  readonly api: EngineClient;

  constructor(readonly id: number) {
    const never = new Promise<never>(() => undefined);
    const record = <T>(call: string, value: T) => {
      this.calls.push(call);
      return this.hang ? never : Promise.resolve(value);
    };
    this.api = {
      load: (request) => record(`load ${request.modelId}`, { modelId: request.modelId } as LoadResult),
      transcribe: (pcm) => record(`transcribe ${pcm[0]}`, { text: `heard ${pcm[0]} on worker ${id}` } as Transcript),
      scoreTranscripts: () => record('score', []),
      completeNames: () => record('complete', []),
      useNames: (names) => record(`names ${names.length}`, names.length),
      warmUp: () => record('warm-up', { rounds: 1 } as never),
      status: () => record('status', undefined),
      ping: () => (this.answerPings ? Promise.resolve(true as const) : never),
      unload: () => record('unload', undefined),
      terminate: () => {
        this.terminated = true;
      },
    };
  }

  onFailure(listener: (reason: string) => void): void {
    this.failure = listener;
  }

  die(reason = 'it died'): void {
    this.failure?.(reason);
  }
}

function setUp() {
  const workers: FakeWorker[] = [];
  const restarts: string[] = [];
  const recovered: string[] = [];
  let now = 0;
  let tick: () => void = () => undefined;
  const clock: SupervisionClock = {
    now: () => now,
    every: (_ms, fn) => {
      tick = fn;
      return () => (tick = () => undefined);
    },
  };
  const engine = superviseEngine(
    () => {
      const worker = new FakeWorker(workers.length + 1);
      workers.push(worker);
      return worker;
    },
    { onRestart: (reason) => restarts.push(reason), onRecovered: (result) => recovered.push(result.modelId) },
    { pingEveryMs: 1000, unansweredMs: 5000 },
    clock,
  );
  const advance = async (ms: number) => {
    for (let t = 0; t < ms; t += 1000) {
      now += 1000;
      tick();
      await Promise.resolve();
    }
  };
  return { engine, workers, restarts, recovered, advance };
}

describe('superviseEngine', () => {
  it('a worker that dies mid-utterance is replaced: the model is loaded again, the names given again, and the utterance answered', async () => {
    const { engine, workers, restarts, recovered } = setUp();
    await engine.load({ modelId: 'moonshine-tiny-q8', backend: 'wasm' });
    await engine.useNames(['Paris', 'Rome']);
    workers[0]!.hang = true;
    const answer = engine.transcribe(Float32Array.of(7, 0));
    await Promise.resolve();
    workers[0]!.die('an error in the worker: out of memory');
    await expect(answer).resolves.toMatchObject({ text: 'heard 7 on worker 2' });
    expect(workers[0]!.terminated).toBe(true);
    expect(restarts).toEqual(['an error in the worker: out of memory']);
    // Replayed before the utterance: the worker runs calls in order.
    expect(workers[1]!.calls).toEqual(['names 2', 'load moonshine-tiny-q8', 'transcribe 7']);
    expect(recovered).toEqual(['moonshine-tiny-q8']);
  });

  it('an utterance that fails twice is rejected with the reason; the next one is answered by a fresh worker', async () => {
    const { engine, workers } = setUp();
    await engine.load({ modelId: 'moonshine-tiny-q8', backend: 'wasm' });
    workers[0]!.hang = true;
    const answer = engine.transcribe(Float32Array.of(3));
    await Promise.resolve();
    workers[0]!.die('first crash');
    await Promise.resolve();
    workers[1]!.hang = true;
    await new Promise((resolve) => setTimeout(resolve, 0));
    workers[1]!.die('second crash');
    await expect(answer).rejects.toThrow(WorkerFailedError);
    await expect(answer).rejects.toThrow(/failed twice on this utterance \(second crash\)/);
    await expect(engine.transcribe(Float32Array.of(4))).resolves.toMatchObject({ text: 'heard 4 on worker 3' });
  });

  it('a worker that stops answering pings is taken for hung after unansweredMs and replaced', async () => {
    const { engine, workers, restarts, advance } = setUp();
    await engine.load({ modelId: 'whisper-tiny-q8', backend: 'wasm' });
    workers[0]!.hang = true;
    workers[0]!.answerPings = false;
    const answer = engine.transcribe(Float32Array.of(5));
    await advance(4000);
    expect(workers).toHaveLength(1);
    await advance(3000);
    expect(restarts).toEqual(['it stopped answering for 5 s']);
    await expect(answer).resolves.toMatchObject({ text: 'heard 5 on worker 2' });
  });

  it('a busy worker that still answers pings is left alone', async () => {
    const { engine, workers, restarts, advance } = setUp();
    workers[0]!.hang = true;
    void engine.transcribe(Float32Array.of(1));
    await advance(20_000);
    expect(restarts).toEqual([]);
    expect(workers).toHaveLength(1);
  });

  it('listening again to an utterance the dead worker kept is rejected, naming why; a warm-up in flight resolves to nothing', async () => {
    const { engine, workers } = setUp();
    await engine.load({ modelId: 'moonshine-tiny-q8', backend: 'wasm' });
    workers[0]!.hang = true;
    const score = engine.scoreTranscripts(1, ['Paris']);
    const warmUp = engine.warmUp();
    await Promise.resolve();
    workers[0]!.die('it died');
    await expect(score).rejects.toThrow(/failed \(it died\) during listening again; it has been restarted/);
    await expect(warmUp).resolves.toBeUndefined();
    expect(workers[1]!.calls).not.toContain('score');
  });

  it('an ordinary error (a missing model file) is passed on as it is, without a restart', async () => {
    const { engine, workers, restarts } = setUp();
    workers[0]!.api.load = () => Promise.reject(new Error('model file missing: encoder_model.onnx (404)'));
    await expect(engine.load({ modelId: 'moonshine-tiny-q8', backend: 'wasm' })).rejects.toThrow('model file missing: encoder_model.onnx (404)');
    expect(restarts).toEqual([]);
    expect(workers).toHaveLength(1);
  });

  it('terminate stops the worker and the pings', async () => {
    const { engine, workers, advance, restarts } = setUp();
    workers[0]!.answerPings = false;
    engine.terminate();
    expect(workers[0]!.terminated).toBe(true);
    await advance(10_000);
    expect(restarts).toEqual([]);
  });
});
