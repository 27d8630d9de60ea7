import { describe, expect, it } from 'vitest';
import { summarizeModelFiles } from './model-storage';

describe('summarizeModelFiles', () => {
  it('adds up the files of each model by its folder', () => {
    const sha = '?sha256=' + 'a'.repeat(64);
    expect(
      summarizeModelFiles([
        { url: `http://localhost/models/whisper-tiny-q8/encoder.onnx${sha}`, bytes: 10 },
        { url: `http://localhost/models/moonshine-tiny-q8/decoder.onnx${sha}`, bytes: 30 },
        { url: `http://localhost/models/whisper-tiny-q8/decoder.onnx${sha}`, bytes: 5 },
        { url: 'http://localhost/other/file.bin', bytes: 99 },
      ]),
    ).toEqual([
      { modelId: 'moonshine-tiny-q8', bytes: 30, files: 1 },
      { modelId: 'whisper-tiny-q8', bytes: 15, files: 2 },
    ]);
  });

  it('is empty for an empty cache', () => {
    expect(summarizeModelFiles([])).toEqual([]);
  });
});
