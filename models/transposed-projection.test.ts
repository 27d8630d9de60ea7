import { readFileSync } from 'node:fs';
import * as ortWeb from 'onnxruntime-web';
import { describe, expect, it } from 'vitest';
import manifestJson from './manifest.json';
import { mergedDecoderSessionOptions } from '../src/engine/decoding/merged-decoder';
import type { ModelManifest } from '../src/engine/model-manifest';
import { stagedFileName } from '../src/engine/model-manifest';
import { decoderFile } from '../src/engine/session-files';
import { deriveTransposedProjectionDecoder } from './transposed-projection';

const manifest = manifestJson as ModelManifest;
const entry = (id: string) => manifest.models.find((m) => m.id === id)!;
const staged = (id: string, role: string) => new Uint8Array(readFileSync(`public/models/${id}/${stagedFileName(entry(id).files.find((f) => f.role === role)!)}`));

/**
 * One decoder pass's feeds for a batch of two: a 3 s query's encoder output and a five-token
 * history (`useCache` 1: a cached step; 0: the first pass, whose branch ignores the past), synthetic values.
 */
function stepFeeds(id: string, useCache: number): Record<string, ortWeb.Tensor> {
  const arch = entry(id).architecture as { dModel?: number; decoderLayers: number; decoderHeads: number; headDim: number };
  const hidden = arch.dModel ?? arch.decoderHeads * arch.headDim;
  const positions = 150;
  const wave = (n: number, k: number) => Float32Array.from({ length: n }, (_, i) => Math.sin(i * k));
  const feeds: Record<string, ortWeb.Tensor> = {
    input_ids: new ortWeb.Tensor('int64', BigInt64Array.of(1n, 2n), [2, 1]),
    encoder_hidden_states: new ortWeb.Tensor('float32', wave(2 * positions * hidden, 0.3), [2, positions, hidden]),
    use_cache_branch: new ortWeb.Tensor('bool', Uint8Array.of(useCache), [1]),
  };
  for (let layer = 0; layer < arch.decoderLayers; layer++) {
    for (const kind of ['key', 'value']) {
      feeds[`past_key_values.${layer}.decoder.${kind}`] = new ortWeb.Tensor('float32', wave(2 * arch.decoderHeads * 5 * arch.headDim, 0.7), [2, arch.decoderHeads, 5, arch.headDim]);
      feeds[`past_key_values.${layer}.encoder.${kind}`] = new ortWeb.Tensor('float32', wave(2 * arch.decoderHeads * positions * arch.headDim, 0.5), [2, arch.decoderHeads, positions, arch.headDim]);
    }
  }
  return feeds;
}

describe.each(['moonshine-tiny-q8', 'whisper-tiny-q8'])('the decoder with its output projection stored transposed (%s)', (id) => {
  it('is what staging made, byte for byte, and no larger than the exported decoder', () => {
    const made = deriveTransposedProjectionDecoder(staged(id, 'decoder'));
    expect(Buffer.compare(Buffer.from(made), Buffer.from(staged(id, 'decoderTransposedProjection')))).toBe(0);
    expect(made.length).toBeLessThan(staged(id, 'decoder').length * 1.001);
    expect(decoderFile(entry(id), { executionProviders: ['wasm'] })).toBe('decoderTransposedProjection');
    expect(decoderFile(entry(id), { executionProviders: ['webgpu'] })).toBe('decoder');
  });

  it('gives the logits of the exported decoder bit for bit, folded as the app runs both, on the first pass and a cached step', async () => {
    ortWeb.env.wasm.numThreads = 1;
    const options = mergedDecoderSessionOptions({ executionProviders: ['wasm'], graphOptimizationLevel: 'all' });
    const exported = await ortWeb.InferenceSession.create(staged(id, 'decoder'), options);
    const derived = await ortWeb.InferenceSession.create(staged(id, 'decoderTransposedProjection'), options);
    for (const useCache of [0, 1]) {
      const feeds = stepFeeds(id, useCache);
      const a = (await exported.run(feeds, ['logits'])).logits!;
      const b = (await derived.run(feeds, ['logits'])).logits!;
      expect(b.dims).toEqual(a.dims);
      // Not merely close: the same floats, in the same layout, through the same MatMul.
      expect(Buffer.compare(Buffer.from((b.data as Float32Array).buffer), Buffer.from((a.data as Float32Array).buffer))).toBe(0);
    }
    await exported.release();
    await derived.release();
  }, 120_000);
});

describe('deriveTransposedProjectionDecoder', () => {
  it('refuses a graph that is not a merged decoder, saying so', () => {
    expect(() => deriveTransposedProjectionDecoder(staged('moonshine-tiny-q8', 'encoder'))).toThrow(/no If node/);
  });
});
