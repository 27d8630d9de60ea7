import { describe, expect, it } from 'vitest';
import manifestJson from '../../models/manifest.json';
import { encoderFile } from './session-files';
import type { ModelEntry, ModelManifest } from './model-manifest';

const manifest = manifestJson as ModelManifest;
const model = (id: string) => manifest.models.find((m) => m.id === id)!;
const without = (entry: ModelEntry, role: string): ModelEntry => ({ ...entry, files: entry.files.filter((f) => f.role !== role) });

describe('which encoder a recogniser loads', () => {
  it('the optimised graph, with optimisation off, on WASM and on onnxruntime-node’s CPU', () => {
    for (const providers of [['wasm'], ['cpu'], [{ name: 'wasm' }]]) {
      const choice = encoderFile(model('moonshine-tiny-q8'), { executionProviders: providers, graphOptimizationLevel: 'all', intraOpNumThreads: 2 });
      expect(choice).toEqual({ role: 'encoderOptimized', sessionOptions: { executionProviders: providers, graphOptimizationLevel: 'disabled', intraOpNumThreads: 2 } });
    }
  });

  it('the exported graph, optimised at load, on WebGPU (the saved one holds CPU fusions)', () => {
    const options = { executionProviders: ['webgpu'], graphOptimizationLevel: 'all' as const };
    expect(encoderFile(model('moonshine-tiny-q8'), options)).toEqual({ role: 'encoder', sessionOptions: options });
    expect(encoderFile(model('whisper-tiny-q8'), options).role).toBe('encoderVariableLength');
  });

  it('Whisper’s variable-length encoder, then the exported one, when no optimised graph is staged', () => {
    const whisper = without(model('whisper-tiny-q8'), 'encoderOptimized');
    expect(encoderFile(whisper, { executionProviders: ['wasm'] }).role).toBe('encoderVariableLength');
    expect(encoderFile(without(whisper, 'encoderVariableLength'), { executionProviders: ['wasm'] }).role).toBe('encoder');
  });
});
