import { Tensor } from 'onnxruntime-common';
import type { InferenceSession } from 'onnxruntime-common';
import { describe, expect, it } from 'vitest';
import type { TensorConstructor } from '../runtime';
import { batchedMergedDecoderStep, gatherBatch } from './merged-decoder-batch';

const TensorClass = Tensor as unknown as TensorConstructor;
const VOCAB = 4;
const FETCHES = ['logits', 'present.0.decoder.key', 'present.0.decoder.value', 'present.0.encoder.key', 'present.0.encoder.value'];

function rowsOf(t: Tensor): number[][] {
  const data = Array.from(t.data as ArrayLike<number | bigint>, Number);
  const size = data.length / t.dims[0];
  return Array.from({ length: t.dims[0] }, (_, b) => data.slice(b * size, (b + 1) * size));
}

/**
 * A stand-in merged decoder with one layer, one head and head size 1, whose self-attention present
 * is simply every token a row has seen (its past, then its new ids), and whose cross-attention
 * present is encoder_hidden_states: what each row was fed shows in the feeds it gets next.
 */
interface Run {
  feeds: Record<string, Tensor>;
  /** Each fed tensor's rows as numbers, read during the run (the step frees what it no longer needs). */
  rows: Record<string, number[][]>;
  fetches: string[];
}

function fakeDecoder(runs: Run[]): InferenceSession {
  const run = async (feeds: Record<string, Tensor>, fetches: string[]) => {
    runs.push({ feeds: { ...feeds }, rows: Object.fromEntries(Object.entries(feeds).map(([name, t]) => [name, rowsOf(t)])), fetches });
    const [batch, n] = feeds.input_ids.dims;
    const ids = feeds.input_ids.data as BigInt64Array;
    const past = feeds['past_key_values.0.decoder.key'];
    const length = past.dims[2];
    const present = new Float32Array(batch * (length + n));
    for (let b = 0; b < batch; b++) {
      present.set((past.data as Float32Array).subarray(b * length, (b + 1) * length), b * (length + n));
      for (let i = 0; i < n; i++) present[b * (length + n) + length + i] = Number(ids[b * n + i]);
    }
    const outputs: Record<string, Tensor> = {
      logits: new Tensor('float32', new Float32Array(batch * n * VOCAB), [batch, n, VOCAB]),
      'present.0.decoder.key': new Tensor('float32', present, [batch, 1, length + n, 1]),
      'present.0.decoder.value': new Tensor('float32', present.slice(), [batch, 1, length + n, 1]),
    };
    const hidden = feeds.encoder_hidden_states;
    for (const name of ['present.0.encoder.key', 'present.0.encoder.value']) {
      if (fetches.includes(name)) outputs[name] = new Tensor('float32', (hidden.data as Float32Array).slice(), [hidden.dims[0], 1, hidden.dims[1], 1]);
    }
    return outputs;
  };
  return { run } as unknown as InferenceSession;
}


describe('batchedMergedDecoderStep', () => {
  it('runs the prompt at batch 1, then gathers the self-attention past by parent rows and tiles the audio’s', async () => {
    const runs: Run[] = [];
    const hidden = new Tensor('float32', Float32Array.of(0.5, 0.25, 0.125), [1, 3, 1]);
    const { step, dispose } = batchedMergedDecoderStep(fakeDecoder(runs), TensorClass, { layers: 1, heads: 1, headDim: 1 }, hidden, FETCHES);

    await step([[7, 8]], []);
    expect(runs[0].feeds.input_ids.dims).toEqual([1, 2]);
    expect(runs[0].rows.use_cache_branch).toEqual([[0]]);
    expect(runs[0].feeds['past_key_values.0.decoder.key'].dims).toEqual([1, 1, 0, 1]);
    expect(runs[0].feeds.encoder_hidden_states).toBe(hidden);
    expect(runs[0].fetches).toEqual(FETCHES);

    const logits = await step([[1], [2]], [0, 0]);
    expect(logits).toHaveLength(2 * VOCAB);
    const second = runs[1].feeds;
    expect(runs[1].rows.use_cache_branch).toEqual([[1]]);
    expect(runs[1].rows['past_key_values.0.decoder.key']).toEqual([
      [7, 8],
      [7, 8],
    ]);
    expect(runs[1].rows['past_key_values.0.encoder.value']).toEqual([
      [0.5, 0.25, 0.125],
      [0.5, 0.25, 0.125],
    ]);
    expect(second.encoder_hidden_states.dims).toEqual([2, 3, 1]);
    // Later passes leave the cross-attention presents unfetched, as the greedy step does.
    expect(runs[1].fetches).toEqual(['logits', 'present.0.decoder.key', 'present.0.decoder.value']);

    await step([[3], [4]], [1, 1]);
    expect(runs[2].rows['past_key_values.0.decoder.value']).toEqual([
      [7, 8, 2],
      [7, 8, 2],
    ]);
    // The tiles are made once for a batch size.
    expect(runs[2].feeds['past_key_values.0.encoder.key']).toBe(second['past_key_values.0.encoder.key']);

    await step([[5], [6]], [0, 1]);
    expect(runs[3].rows['past_key_values.0.decoder.key']).toEqual([
      [7, 8, 2, 3],
      [7, 8, 2, 4],
    ]);

    await step([[9]], [1]);
    expect(runs[4].rows['past_key_values.0.decoder.key']).toEqual([[7, 8, 2, 4, 6]]);
    expect(runs[4].feeds.encoder_hidden_states).toBe(hidden);
    expect(runs[4].rows['past_key_values.0.encoder.key']).toEqual([[0.5, 0.25, 0.125]]);
    dispose();
  });

  it('refuses rows of different lengths and a first pass of more than one row', async () => {
    const hidden = new Tensor('float32', new Float32Array(3), [1, 3, 1]);
    const { step } = batchedMergedDecoderStep(fakeDecoder([]), TensorClass, { layers: 1, heads: 1, headDim: 1 }, hidden, FETCHES);
    await expect(step([[1], [2]], [])).rejects.toThrow(/single row/);
    await expect(step([[1, 2], [3]], [])).rejects.toThrow(/one length/);
  });
});

describe('gatherBatch', () => {
  it('picks rows by index, repeats allowed, keeping the other dimensions', () => {
    const t = new Tensor('float32', Float32Array.of(1, 2, 3, 4, 5, 6), [3, 2]);
    const g = gatherBatch(TensorClass, t, [2, 0, 2]);
    expect(g.dims).toEqual([3, 2]);
    expect([...(g.data as Float32Array)]).toEqual([5, 6, 1, 2, 5, 6]);
    expect(() => gatherBatch(TensorClass, t, [3])).toThrow(RangeError);
  });
});
