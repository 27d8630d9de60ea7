import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, parseSettings, serializeSettings } from './settings';

const MODELS = ['whisper-tiny-q8', 'whisper-base-q8'];

describe('settings', () => {
  it('defaults to whisper-tiny-q8, automatic backend, English', () => {
    expect(parseSettings(null, MODELS)).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS).toEqual({ modelId: 'whisper-tiny-q8', backend: 'auto', language: 'en' });
  });

  it('round-trips', () => {
    const settings = { modelId: 'whisper-base-q8', backend: 'wasm', language: 'fr' } as const;
    expect(parseSettings(serializeSettings(settings), MODELS)).toEqual(settings);
  });

  it('replaces each bad field with its default, keeping the good ones', () => {
    const stored = JSON.stringify({ modelId: 'whisper-huge', backend: 'cuda', language: 'fr' });
    expect(parseSettings(stored, MODELS)).toEqual({ ...DEFAULT_SETTINGS, language: 'fr' });
    expect(parseSettings(JSON.stringify({ backend: 'webgpu', language: 42 }), MODELS)).toEqual({ ...DEFAULT_SETTINGS, backend: 'webgpu' });
  });

  it('survives text that is not JSON or not an object', () => {
    expect(parseSettings('{oops', MODELS)).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings('null', MODELS)).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings('[1,2]', MODELS)).toEqual(DEFAULT_SETTINGS);
  });

  it('falls back to the first model when the manifest lacks the default', () => {
    expect(parseSettings(null, ['whisper-base-q8']).modelId).toBe('whisper-base-q8');
  });
});
