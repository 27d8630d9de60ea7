/**
 * The user's settings, as stored in localStorage (pure; tested in Node). Whatever is stored is
 * read defensively: an unknown model id (a model removed from the manifest), a bad backend or
 * language, or text that is not JSON each fall back to the default for that field alone.
 */
import type { Backend } from '../../worker/engine-api';

export interface Settings {
  /** Model id from models/manifest.json. */
  modelId: string;
  /** Requested compute backend; the one in use is reported by the recogniser. */
  backend: Backend;
  /** Spoken language, ISO 639-1. */
  language: string;
}

export const SETTINGS_STORAGE_KEY = 'voice-search.settings.v1';

export const DEFAULT_SETTINGS: Settings = {
  modelId: 'whisper-tiny-q8',
  backend: 'auto',
  language: 'en',
};

export const BACKEND_CHOICES: readonly { value: Backend; label: string }[] = [
  { value: 'auto', label: 'Automatic' },
  { value: 'wasm', label: 'WebAssembly (CPU)' },
  { value: 'webgpu', label: 'WebGPU' },
];

/** Languages offered (Whisper's tiny and base models are multilingual). */
export const LANGUAGE_CHOICES: readonly { value: string; label: string }[] = [
  { value: 'en', label: 'English' },
  { value: 'de', label: 'German' },
  { value: 'es', label: 'Spanish' },
  { value: 'fr', label: 'French' },
  { value: 'it', label: 'Italian' },
  { value: 'ja', label: 'Japanese' },
  { value: 'nl', label: 'Dutch' },
  { value: 'pt', label: 'Portuguese' },
];

/** Reads stored settings; `modelIds` are the models the manifest offers. */
export function parseSettings(stored: string | null, modelIds: readonly string[]): Settings {
  let raw: unknown;
  try {
    raw = stored === null ? {} : JSON.parse(stored);
  } catch {
    raw = {};
  }
  const record = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const defaultModel = modelIds.includes(DEFAULT_SETTINGS.modelId) ? DEFAULT_SETTINGS.modelId : (modelIds[0] ?? DEFAULT_SETTINGS.modelId);
  return {
    modelId: typeof record.modelId === 'string' && modelIds.includes(record.modelId) ? record.modelId : defaultModel,
    backend: BACKEND_CHOICES.some((c) => c.value === record.backend) ? (record.backend as Backend) : DEFAULT_SETTINGS.backend,
    language: LANGUAGE_CHOICES.some((c) => c.value === record.language) ? (record.language as string) : DEFAULT_SETTINGS.language,
  };
}

export function serializeSettings(settings: Settings): string {
  return JSON.stringify(settings);
}
