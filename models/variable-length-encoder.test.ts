import { readFileSync } from 'node:fs';
import * as ort from 'onnxruntime-node';
import { beforeAll, describe, expect, it } from 'vitest';
import { deriveVariableLengthEncoder } from './variable-length-encoder';

/** Deterministic features in Whisper's normalised range. */
function features(frames: number): Float32Array {
  return Float32Array.from({ length: 80 * frames }, (_, i) => Math.sin(i * 0.0013) * 0.8 - 0.2);
}

describe.each(['whisper-tiny-q8', 'whisper-base-q8'])('variable-length encoder (%s)', (id) => {
  const original = new Uint8Array(readFileSync(`public/models/${id}/encoder_model_quantized.onnx`));
  let edited: ort.InferenceSession;
  let reference: ort.InferenceSession;

  beforeAll(async () => {
    edited = await ort.InferenceSession.create(deriveVariableLengthEncoder(original), { intraOpNumThreads: 1 });
    reference = await ort.InferenceSession.create(original, { intraOpNumThreads: 1 });
  }, 120_000);

  it('is the staged file, byte for byte (the manifest hash pins the edit)', () => {
    expect(Buffer.compare(Buffer.from(deriveVariableLengthEncoder(original)), readFileSync(`public/models/${id}/encoder_model_quantized.variable-length.onnx`))).toBe(0);
  });

  it('equals the original encoder on 3,000 frames within 1e-4', async () => {
    const input = new ort.Tensor('float32', features(3000), [1, 80, 3000]);
    const a = (await reference.run({ input_features: input }, ['last_hidden_state'])).last_hidden_state.data as Float32Array;
    const b = (await edited.run({ input_features: input })).last_hidden_state.data as Float32Array;
    let worst = 0;
    for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]));
    expect(worst).toBeLessThan(1e-4);
  }, 120_000);

  it('accepts 300 frames, which the original rejects, and returns 150 positions', async () => {
    const input = new ort.Tensor('float32', features(300), [1, 80, 300]);
    const out = await edited.run({ input_features: input });
    expect(out.last_hidden_state.dims.slice(0, 2)).toEqual([1, 150]);
    expect(edited.outputNames).toEqual(['last_hidden_state']);
    await expect(reference.run({ input_features: input }, ['last_hidden_state'])).rejects.toThrow(/Add_2|broadcast|dimension/i);
  }, 120_000);

  it('refuses a model without the positional-embedding Add, naming the node', () => {
    const decoder = new Uint8Array(readFileSync(`public/models/${id}/decoder_model_merged_quantized.onnx`));
    expect(() => deriveVariableLengthEncoder(decoder)).toThrow(/no node '\/Add_2'/);
  }, 60_000);
});
