import { describe, expect, it } from 'vitest';
import type { ModelEntry } from '../engine';
import { isOutdatedCacheKey, modelCacheKey, modelFilePath } from './model-cache-key';

const model = { id: 'whisper-tiny-q8', files: [] } as unknown as ModelEntry;
const file = { role: 'encoder', path: 'onnx/encoder_model_quantized.onnx', bytes: 1, sha256: 'aa' } as const;

describe('model file URLs and cache keys', () => {
  it('serves a file under /models/<id>/ by its staged (base) name', () => {
    expect(modelFilePath(model, file)).toBe('/models/whisper-tiny-q8/encoder_model_quantized.onnx');
    expect(modelFilePath(model, file, '/base/')).toBe('/base/whisper-tiny-q8/encoder_model_quantized.onnx');
  });

  it('keys a file by its URL and its sha256', () => {
    const url = 'http://127.0.0.1:4317/models/whisper-tiny-q8/encoder_model_quantized.onnx';
    expect(modelCacheKey(url, 'aa')).toBe(`${url}?sha256=aa`);
    expect(modelCacheKey(url, 'aa')).not.toBe(modelCacheKey(url, 'bb'));
    expect(modelCacheKey(`${url}?v=1`, 'aa')).toBe(`${url}?sha256=aa`);
  });

  it('finds copies of the same URL with another hash, and only those', () => {
    const url = 'http://h/models/m/a.onnx';
    expect(isOutdatedCacheKey(modelCacheKey(url, 'old'), url, 'new')).toBe(true);
    expect(isOutdatedCacheKey(modelCacheKey(url, 'new'), url, 'new')).toBe(false);
    expect(isOutdatedCacheKey(modelCacheKey('http://h/models/m/b.onnx', 'old'), url, 'new')).toBe(false);
    expect(isOutdatedCacheKey('http://h/models/m/a.onnx', url, 'new')).toBe(false);
  });
});
