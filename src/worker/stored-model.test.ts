import { describe, expect, it } from 'vitest';
import manifestJson from '../../models/manifest.json';
import { findModel, type ModelManifest } from '../engine';
import { weightCacheKeys } from './stored-model';

const manifest = manifestJson as ModelManifest;

describe('the weights a stored model must have', () => {
  it('are the encoder and decoder files a WebAssembly load reads, keyed as the worker stores them (path and current hash)', () => {
    const model = findModel(manifest, 'whisper-base-q8');
    const keys = weightCacheKeys(model, 'http://127.0.0.1:4317');
    const encoder = model.files.find((f) => f.role === 'encoderOptimized')!;
    const decoder = model.files.find((f) => f.role === 'decoderTransposedProjection')!;
    expect(keys).toEqual([
      `http://127.0.0.1:4317/models/whisper-base-q8/${encoder.path.split('/').pop()}?sha256=${encoder.sha256}`,
      `http://127.0.0.1:4317/models/whisper-base-q8/${decoder.path.split('/').pop()}?sha256=${decoder.sha256}`,
    ]);
    // Over nine tenths of what a WebAssembly load downloads: the rest are tokenizer and config
    // files (the manifest's other encoder and decoder forms are for other backends).
    const otherForms = new Set(['encoder', 'encoderVariableLength', 'decoder']);
    const read = model.files.filter((f) => !otherForms.has(f.role)).reduce((sum, f) => sum + f.bytes, 0);
    expect((encoder.bytes + decoder.bytes) / read).toBeGreaterThan(0.9);
  });
});
