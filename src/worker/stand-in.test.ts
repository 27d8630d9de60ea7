import { describe, expect, it } from 'vitest';
import manifestJson from '../../models/manifest.json';
import type { ModelManifest } from '../engine';
import type { EngineClient } from './engine-client';
import type { LoadResult, Transcript } from './engine-api';
import { needsStandIn, standInEngine, type StandInTimer } from './stand-in';

const manifest = manifestJson as ModelManifest;

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
  return { promise, resolve, reject };
}

const result = (modelId: string): LoadResult => ({ modelId, backend: 'wasm', threads: 2, fromCache: true, loadMs: 1, stages: [] });

/** A worker whose loads finish when the test says, and whose utterance ids start at 1 like every worker's. */
function fakeEngine(name: string) {
  const loads: { modelId: string; done: ReturnType<typeof deferred<LoadResult>> }[] = [];
  const calls: string[] = [];
  let heard = 0;
  let failing = false;
  let failureListener: ((reason: string) => void) | undefined;
  const client = {
    load: (request: { modelId: string }) => {
      const done = deferred<LoadResult>();
      loads.push({ modelId: request.modelId, done });
      return done.promise;
    },
    transcribe: async (pcm: Float32Array) => {
      if (failing) throw new Error(`${name} failed`);
      calls.push(`transcribe ${pcm.length}`);
      return { heardId: ++heard, text: `${name} heard ${pcm.length}` } as Transcript;
    },
    scoreTranscripts: async (heardId: number, texts: readonly string[]) => {
      calls.push(`score ${heardId} ${texts.join()}`);
      return [];
    },
    completeNames: async (heardId: number) => {
      calls.push(`complete ${heardId}`);
      return [];
    },
    useNames: async (names: readonly string[]) => {
      calls.push(`names ${names.length}`);
      return names.length;
    },
    warmUp: async () => undefined,
    status: async () => undefined,
    ping: async () => true as const,
    unload: async () => undefined,
    terminate: () => calls.push('terminate'),
  } as unknown as EngineClient;
  return {
    client,
    loads,
    calls,
    fail: () => (failing = true),
    die: (reason: string) => failureListener?.(reason),
    worker: { api: client, onFailure: (listener: (reason: string) => void) => (failureListener = listener) },
  };
}

function fakeTimer() {
  const pending = new Map<number, () => void>();
  let next = 0;
  const timer: StandInTimer = {
    // A turn of the event loop runs as one; longer delays wait for the test.
    setTimeout: (run, ms) => (ms === 0 ? setTimeout(run, 0) : (pending.set(++next, run), next)),
    clearTimeout: (handle) => pending.delete(handle as number),
  };
  return { timer, runAll: () => [...pending.entries()].forEach(([id, run]) => (pending.delete(id), run())), pending };
}

/** A few turns of the event loop: promise chains and zero-delay timers run. */
const settle = async () => {
  for (let turn = 0; turn < 3; turn++) await new Promise((resolve) => setTimeout(resolve, 0));
};

function setUp() {
  const main = fakeEngine('main');
  const standIn = fakeEngine('stand-in');
  const spawned: string[] = [];
  const events: string[] = [];
  const { timer, runAll, pending } = fakeTimer();
  const stored = new Set<string>();
  const engine = standInEngine(
    main.client,
    () => (spawned.push('stand-in'), standIn.worker),
    manifest,
    async (modelId) => stored.has(modelId),
    { onStandInReady: (r) => events.push(`ready ${r.modelId}`), onStandInGone: () => events.push('gone') },
    { graceMs: 5000 },
    timer,
  );
  return { main, standIn, spawned, events, engine, runAll, pending, stored };
}

describe('which chosen models get a stand-in', () => {
  it('the base models, which are more than twice moonshine-tiny’s bytes; not whisper-tiny, not moonshine-tiny itself', () => {
    expect(needsStandIn(manifest, 'whisper-base-q8')).toBe(true);
    expect(needsStandIn(manifest, 'moonshine-base-q8')).toBe(true);
    expect(needsStandIn(manifest, 'whisper-tiny-q8')).toBe(false);
    expect(needsStandIn(manifest, 'moonshine-tiny-q8')).toBe(false);
    expect(needsStandIn(manifest, 'no-such-model')).toBe(false);
  });
});

describe('a stand-in while the chosen model loads', () => {
  /** Starts a load of `modelId` with a stand-in and lets the stand-in finish loading. */
  async function withReadyStandIn(setup: ReturnType<typeof setUp>, modelId = 'whisper-base-q8') {
    const loading = setup.engine.load({ modelId, backend: 'wasm' }, undefined, true);
    await settle();
    setup.standIn.loads[0]!.done.resolve(result('moonshine-tiny-q8'));
    await settle();
    // Wrapped: an async function's returned promise would be awaited with it.
    return { loading };
  }

  it('loads first, alone: the chosen model starts loading once the stand-in is ready', async () => {
    const { main, standIn, engine, events } = setUp();
    void engine.load({ modelId: 'whisper-base-q8', backend: 'wasm' }, undefined, true);
    await settle();
    expect(standIn.loads.map((l) => l.modelId)).toEqual(['moonshine-tiny-q8']);
    expect(main.loads).toEqual([]);
    standIn.loads[0]!.done.resolve(result('moonshine-tiny-q8'));
    await settle();
    expect(main.loads.map((l) => l.modelId)).toEqual(['whisper-base-q8']);
    expect(events).toEqual(['ready moonshine-tiny-q8']);
  });

  it('answers until the chosen model is ready, then gives way, and is ended after the grace period', async () => {
    const setup = setUp();
    const { main, standIn, events, engine, runAll } = setup;
    const { loading } = await withReadyStandIn(setup);
    const early = await engine.transcribe(new Float32Array(3));
    expect(early).toMatchObject({ text: 'stand-in heard 3', standIn: 'moonshine-tiny-q8' });

    main.loads[0]!.done.resolve(result('whisper-base-q8'));
    expect((await loading).modelId).toBe('whisper-base-q8');
    expect(events).toEqual(['ready moonshine-tiny-q8', 'gone']);
    const later = await engine.transcribe(new Float32Array(4));
    expect(later.text).toBe('main heard 4');
    expect(later.standIn).toBeUndefined();
    // Still there for a moment, for listening again to what it heard; then ended.
    expect(standIn.calls).not.toContain('terminate');
    runAll();
    expect(standIn.calls).toContain('terminate');
    expect(events).toEqual(['ready moonshine-tiny-q8', 'gone']);
  });

  it('keeps an utterance heard before anything is ready for the stand-in, and the big load waits until it is answered', async () => {
    const { main, standIn, engine } = setUp();
    // The stand-in's transcription takes as long as the test says.
    const working = deferred<void>();
    const transcribe = standIn.client.transcribe.bind(standIn.client);
    standIn.client.transcribe = async (pcm, options) => {
      await working.promise;
      return transcribe(pcm, options);
    };
    void engine.load({ modelId: 'whisper-base-q8', backend: 'wasm' }, undefined, true);
    const transcript = engine.transcribe(new Float32Array(2));
    await settle();
    standIn.loads[0]!.done.resolve(result('moonshine-tiny-q8'));
    await settle();
    // The stand-in is transcribing: the chosen model's load has not begun.
    expect(main.loads).toEqual([]);
    working.resolve();
    expect(await transcript).toMatchObject({ text: 'stand-in heard 2', standIn: 'moonshine-tiny-q8' });
    await settle();
    expect(main.loads.map((l) => l.modelId)).toEqual(['whisper-base-q8']);
    expect(main.calls.filter((c) => c.startsWith('transcribe'))).toEqual([]);
  });

  it('lets the model the main worker still has answer while the stand-in loads (a change of model in settings)', async () => {
    const { main, standIn, engine } = setUp();
    const first = engine.load({ modelId: 'whisper-tiny-q8', backend: 'wasm' }, undefined, true);
    await settle();
    main.loads[0]!.done.resolve(result('whisper-tiny-q8'));
    await first;
    void engine.load({ modelId: 'whisper-base-q8', backend: 'wasm' }, undefined, true);
    expect((await engine.transcribe(new Float32Array(6))).text).toBe('main heard 6');
    await settle();
    standIn.loads[0]!.done.resolve(result('moonshine-tiny-q8'));
    await settle();
    expect((await engine.transcribe(new Float32Array(7))).text).toBe('stand-in heard 7');
  });

  it('asks the worker that heard an utterance to listen to it again, though both number their utterances from 1', async () => {
    const setup = setUp();
    const { main, standIn, engine } = setup;
    const { loading } = await withReadyStandIn(setup);
    const first = await engine.transcribe(new Float32Array(1));
    main.loads[0]!.done.resolve(result('whisper-base-q8'));
    await loading;
    const second = await engine.transcribe(new Float32Array(1));
    expect(first.heardId).not.toBe(second.heardId);
    await engine.scoreTranscripts(first.heardId, ['a']);
    await engine.completeNames(second.heardId, ['b']);
    expect(standIn.calls).toContain('score 1 a');
    expect(main.calls).toContain('complete 1');
    expect(main.calls.some((c) => c.startsWith('score'))).toBe(false);
  });

  it('lets the chosen model answer, with the same samples, an utterance the stand-in failed on, and ends the stand-in', async () => {
    const setup = setUp();
    const { main, standIn, engine, events } = setup;
    const { loading } = await withReadyStandIn(setup);
    standIn.fail();
    const answer = engine.transcribe(new Float32Array(5));
    main.loads[0]!.done.resolve(result('whisper-base-q8'));
    await loading;
    expect((await answer).text).toBe('main heard 5');
    expect(standIn.calls).toContain('terminate');
    expect(events).toEqual(['ready moonshine-tiny-q8', 'gone']);
  });

  it('ends a stand-in whose worker dies, and the chosen model answers', async () => {
    const setup = setUp();
    const { main, standIn, engine, events } = setup;
    void withReadyStandIn(setup, 'moonshine-base-q8');
    await settle();
    standIn.die('the worker ended');
    expect(standIn.calls).toContain('terminate');
    expect(events).toEqual(['ready moonshine-tiny-q8', 'gone']);
    const transcript = engine.transcribe(new Float32Array(1));
    await settle();
    main.loads[0]!.done.resolve(result('moonshine-base-q8'));
    expect((await transcript).text).toBe('main heard 1');
  });

  it('loads the chosen model all the same when the stand-in cannot load', async () => {
    const { main, standIn, engine, events } = setUp();
    const loading = engine.load({ modelId: 'whisper-base-q8', backend: 'wasm' }, undefined, true);
    const transcript = engine.transcribe(new Float32Array(8));
    await settle();
    standIn.loads[0]!.done.reject(new Error('HTTP 404'));
    await settle();
    expect(standIn.calls).toContain('terminate');
    main.loads[0]!.done.resolve(result('whisper-base-q8'));
    await loading;
    expect((await transcript).text).toBe('main heard 8');
    expect(events).toEqual([]);
  });

  it('gives the stand-in the names for verification, before and after it starts', async () => {
    const { standIn, engine } = setUp();
    await engine.useNames(['Paris', 'Lyon']);
    void engine.load({ modelId: 'whisper-base-q8', backend: 'wasm' }, undefined, true);
    await settle();
    expect(standIn.calls).toContain('names 2');
    await engine.useNames(['Paris']);
    expect(standIn.calls).toContain('names 1');
  });

  it('is not started for a big model already stored: alone it loads sooner', async () => {
    const { main, spawned, engine, stored } = setUp();
    stored.add('whisper-base-q8');
    const loading = engine.load({ modelId: 'whisper-base-q8', backend: 'wasm' }, undefined, true);
    await settle();
    expect(spawned).toEqual([]);
    main.loads[0]!.done.resolve(result('whisper-base-q8'));
    expect((await loading).modelId).toBe('whisper-base-q8');
  });

  it('is not started for a small model, nor when not asked for, and is ended when the chosen model fails', async () => {
    const setup = setUp();
    const { main, spawned, engine, standIn } = setup;
    const tiny = engine.load({ modelId: 'whisper-tiny-q8', backend: 'wasm' }, undefined, true);
    await settle();
    main.loads[0]!.done.resolve(result('whisper-tiny-q8'));
    await tiny;
    const base = engine.load({ modelId: 'whisper-base-q8', backend: 'wasm' });
    await settle();
    main.loads[1]!.done.resolve(result('whisper-base-q8'));
    await base;
    expect(spawned).toEqual([]);
    const mainLoadsBefore = main.loads.length;
    const { loading: failing } = await withReadyStandIn(setup);
    expect(spawned).toEqual(['stand-in']);
    await settle();
    main.loads[mainLoadsBefore]!.done.reject(new Error('HTTP 404'));
    await expect(failing).rejects.toThrow('HTTP 404');
    expect(standIn.calls).toContain('terminate');
  });
});
