import protobuf from 'onnx-proto';
import * as ortWeb from 'onnxruntime-web';
import { describe, expect, it } from 'vitest';
import type { OnnxRuntime } from '../engine';
import { RUNTIME_START_MODEL, startRuntime } from './runtime-start';

describe('starting onnxruntime before the model arrives', () => {
  it('is a valid one-node model: y = Identity(x)', () => {
    const model = protobuf.onnx.ModelProto.decode(RUNTIME_START_MODEL);
    expect(model.graph?.node?.map((n) => [n.opType, n.input, n.output])).toEqual([['Identity', ['x'], ['y']]]);
    expect(Number(model.opsetImport?.[0]?.version)).toBe(13);
  });

  it('initialises onnxruntime-web (WASM) with the given options, and creates and releases a session', async () => {
    const created: unknown[] = [];
    const ort = ortWeb as unknown as OnnxRuntime;
    const watched: OnnxRuntime = {
      Tensor: ort.Tensor,
      InferenceSession: {
        create: async (bytes, options) => {
          created.push(options?.executionProviders);
          const session = await ort.InferenceSession.create(bytes, options);
          // The model really runs.
          const out = await session.run({ x: new ortWeb.Tensor('float32', new Float32Array([3]), [1]) });
          expect(out.y!.data).toEqual(new Float32Array([3]));
          return session;
        },
      },
    };
    await startRuntime(watched, { executionProviders: ['wasm'] });
    expect(created).toEqual([['wasm']]);
  }, 60_000);
});
