import type { Remote } from 'comlink';
import { describe, expectTypeOf, it } from 'vitest';
import type { EngineApi, HeardTranscript, LoadProgress, LoadResult, WarmUpReport } from './engine-api';

// Type tests: comlink's view of the API must be the API itself — plain async functions on plain
// data. (engine-host.ts and engine-client.ts are checked against EngineApi by the compiler.)
describe('EngineApi across comlink', () => {
  type Remote_ = Remote<EngineApi>;

  it('keeps every result type', () => {
    expectTypeOf<Awaited<ReturnType<Remote_['load']>>>().toEqualTypeOf<LoadResult>();
    expectTypeOf<Awaited<ReturnType<Remote_['transcribe']>>>().toEqualTypeOf<HeardTranscript>();
    expectTypeOf<Awaited<ReturnType<Remote_['status']>>>().toEqualTypeOf<LoadResult | undefined>();
    expectTypeOf<Awaited<ReturnType<Remote_['unload']>>>().toEqualTypeOf<void>();
    expectTypeOf<Awaited<ReturnType<Remote_['warmUp']>>>().toEqualTypeOf<WarmUpReport | undefined>();
  });

  it('takes the PCM and a progress callback as they are', () => {
    expectTypeOf<Parameters<Remote_['transcribe']>[0]>().toEqualTypeOf<Float32Array>();
    expectTypeOf<Parameters<Remote_['load']>[1]>().toExtend<((progress: LoadProgress) => void) | undefined>();
  });
});
