import { describe, expect, it } from 'vitest';
import { DEFAULT_DECODE_OPTIONS } from '../../engine/recognizer';
import { DEFAULT_SETTINGS, offersLanguage, parseSettings, serializeSettings, type Settings, SWITCHES, switchesFor } from './settings';

const MODELS = ['whisper-tiny-q8', 'whisper-base-q8', 'moonshine-tiny-q8'];

describe('settings', () => {
  it("defaults to moonshine-tiny-q8, automatic backend, English, the engine's decoding defaults, beam search, correction and verification on", () => {
    expect(parseSettings(null, MODELS)).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS).toEqual({
      modelId: 'moonshine-tiny-q8', backend: 'auto', language: 'en',
      fitContext: DEFAULT_DECODE_OPTIONS.fitContext, safeguards: DEFAULT_DECODE_OPTIONS.safeguards, beamSearch: true, correction: true, verification: true,
    });
  });

  it('reads settings stored before the switches existed, with the switches at their defaults', () => {
    const stored = JSON.stringify({ modelId: 'whisper-base-q8', backend: 'wasm', language: 'fr' });
    expect(parseSettings(stored, MODELS)).toEqual({ ...DEFAULT_SETTINGS, modelId: 'whisper-base-q8', backend: 'wasm', language: 'fr' });
  });

  it('round-trips', () => {
    const settings: Settings = { modelId: 'whisper-base-q8', backend: 'wasm', language: 'fr', fitContext: !DEFAULT_SETTINGS.fitContext, safeguards: false, beamSearch: false, correction: false, verification: false };
    expect(parseSettings(serializeSettings(settings), MODELS)).toEqual(settings);
  });

  it.each(SWITCHES.map((s) => s.key))('keeps %s off or on as stored, and only a true or false', (key) => {
    expect(parseSettings(JSON.stringify({ [key]: !DEFAULT_SETTINGS[key] }), MODELS)[key]).toBe(!DEFAULT_SETTINGS[key]);
    for (const bad of ['false', 0, 1, null, 'yes']) expect(parseSettings(JSON.stringify({ [key]: bad }), MODELS)[key]).toBe(DEFAULT_SETTINGS[key]);
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

describe('the settings a model family is offered', () => {
  it('shows Whisper every switch and the language', () => {
    expect(switchesFor('whisper').map((s) => s.key)).toEqual(SWITCHES.map((s) => s.key));
    expect(offersLanguage('whisper')).toBe(true);
  });

  it('hides from Moonshine what does nothing for it: the context switch and the language', () => {
    const keys = switchesFor('moonshine').map((s) => s.key);
    expect(keys).not.toContain('fitContext');
    expect(keys).toEqual(['safeguards', 'beamSearch', 'correction', 'verification']);
    expect(offersLanguage('moonshine')).toBe(false);
  });
});
