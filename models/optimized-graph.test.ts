import { readFileSync } from 'node:fs';
import * as ortWeb from 'onnxruntime-web';
import { describe, expect, it } from 'vitest';
import manifestJson from './manifest.json';
import type { ModelManifest } from '../src/engine/model-manifest';
import { stagedFileName } from '../src/engine/model-manifest';
import { encoderFile } from '../src/engine/session-files';
import { optimizedGraph } from './optimized-graph';

const manifest = manifestJson as ModelManifest;
const staged = (id: string, role: string) => {
  const model = manifest.models.find((m) => m.id === id)!;
  return new Uint8Array(readFileSync(`public/models/${id}/${stagedFileName(model.files.find((f) => f.role === role)!)}`));
};

/** Deterministic input in each family's range: raw samples for Moonshine, log-mel features for Whisper. */
function input(family: 'whisper' | 'moonshine'): { name: string; tensor: ortWeb.Tensor } {
  if (family === 'moonshine') {
    const samples = Float32Array.from({ length: 16_000 * 2 }, (_, i) => 0.3 * Math.sin(i * 0.05) * Math.sin(i * 0.0007));
    return { name: 'input_values', tensor: new ortWeb.Tensor('float32', samples, [1, samples.length]) };
  }
  const frames = 300;
  return { name: 'input_features', tensor: new ortWeb.Tensor('float32', Float32Array.from({ length: 80 * frames }, (_, i) => Math.sin(i * 0.0013) * 0.8 - 0.2), [1, 80, frames]) };
}

describe.each([
  ['moonshine-tiny-q8', 'moonshine', 'encoder'],
  ['whisper-tiny-q8', 'whisper', 'encoderVariableLength'],
] as const)('the optimised encoder of %s', (id, family, sourceRole) => {
  it('is what staging made, byte for byte: the manifest hash pins onnxruntime’s output', async () => {
    const made = await optimizedGraph(staged(id, sourceRole));
    expect(Buffer.compare(Buffer.from(made), Buffer.from(staged(id, 'encoderOptimized')))).toBe(0);
  }, 120_000);

  it('gives the same hidden states on onnxruntime-web, created with optimisation off, as the exported graph optimised at load', async () => {
    const model = manifest.models.find((m) => m.id === id)!;
    const choice = encoderFile(model, { executionProviders: ['wasm'], graphOptimizationLevel: 'all' });
    expect(choice).toEqual({ role: 'encoderOptimized', sessionOptions: { executionProviders: ['wasm'], graphOptimizationLevel: 'disabled' } });
    ortWeb.env.wasm.numThreads = 1;
    const reference = await ortWeb.InferenceSession.create(staged(id, sourceRole), { executionProviders: ['wasm'], graphOptimizationLevel: 'all' });
    const optimized = await ortWeb.InferenceSession.create(staged(id, 'encoderOptimized'), choice.sessionOptions);
    const { name, tensor } = input(family);
    const a = (await reference.run({ [name]: tensor }, ['last_hidden_state'])).last_hidden_state!.data as Float32Array;
    const b = (await optimized.run({ [name]: tensor }, ['last_hidden_state'])).last_hidden_state!.data as Float32Array;
    expect(b.length).toBe(a.length);
    let worst = 0;
    for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i]! - b[i]!));
    expect(worst).toBeLessThan(1e-5);
    await reference.release();
    await optimized.release();
  }, 120_000);
});
