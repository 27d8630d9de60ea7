/**
 * The user's settings, as stored in localStorage (pure; tested in Node). Whatever is stored is
 * read defensively: an unknown model id (a model removed from the manifest), a bad backend or
 * language, a switch that is not true or false, or text that is not JSON each fall back to the
 * default for that field alone.
 */
import { DEFAULT_DECODE_OPTIONS } from '../../engine/recognizer';
import type { Backend } from '../../worker/engine-api';

export interface Settings {
  /** Model id from models/manifest.json. */
  modelId: string;
  /** Requested compute backend; the one in use is reported by the recogniser. */
  backend: Backend;
  /** Spoken language, ISO 639-1. */
  language: string;
  /** Whisper encodes only the audio plus a margin, not a 30 s window (DecodeOptions.fitContext). */
  fitContext: boolean;
  /** The engine's guards against made-up text (DecodeOptions.safeguards). */
  safeguards: boolean;
  /**
   * Beam search of BEAM_SEARCH_WIDTH (DecodeOptions.beamSize) instead of greedy decoding: the
   * recogniser's n-best list, which the catalogue then chooses from when `correction` is on.
   */
  beamSearch: boolean;
  /**
   * The beam search leans towards the catalogue's place names as it decodes
   * (src/engine/decoding/phrase-bias.ts); needs `beamSearch`. Off by default. Measured with the
   * page's pipeline (docs/ACCURACY.md, "+ catalogue biasing"): whisper-tiny found more places
   * (top-3 30.8% → 37.1%), moonshine-tiny, the default model, hardly more (39.2% → 40.0%), and
   * both let more made-up text from the noise clips through (3 → 5 and 0 → 3 of 60: its n-best
   * of distinct wordings gave moonshine-tiny "I don't know." on silence where it wrote "You",
   * which the safeguards drop). Its list also offers the rescoring near-sounding places to
   * mistake for the one said ("Harris", "Ferris", "Perris" beside "Paris"; an early version made
   * the page's microphone hear e2e/fixtures/paris.wav as "Peris").
   */
  catalogueBias: boolean;
  /**
   * Spoken queries use the catalogue's place names: the n-best hypothesis that names a place is
   * chosen (src/search/correction/rescore-hypotheses.ts) and misheard names are corrected
   * (src/search/correction).
   */
  correction: boolean;
}

/**
 * Hypotheses kept by the beam search when `beamSearch` is on. Measured on the 240 generated
 * queries with the catalogue's rescoring and correction (`npx tsx
 * scripts/queries/rescoring-sweep.ts --model moonshine-tiny-q8 --beam 5`, then `--beam 3`):
 * top-3 hit rate 30.4% greedy, 34.2% at beam 3, 39.2% at beam 5, for about 1.6 times greedy's
 * recognition time at beam 5 (198 → 323 ms median on onnxruntime-node).
 */
export const BEAM_SEARCH_WIDTH = 5;

export const SETTINGS_STORAGE_KEY = 'voice-search.settings.v1';

export const DEFAULT_SETTINGS: Settings = {
  modelId: 'moonshine-tiny-q8',
  backend: 'auto',
  language: 'en',
  // The engine's own defaults, so the app and the command line decode alike unless changed here.
  fitContext: DEFAULT_DECODE_OPTIONS.fitContext,
  safeguards: DEFAULT_DECODE_OPTIONS.safeguards,
  beamSearch: true,
  catalogueBias: false,
  correction: true,
};

/** The on/off settings, with what the panel calls them. */
export const SWITCHES: readonly { key: 'fitContext' | 'safeguards' | 'beamSearch' | 'catalogueBias' | 'correction'; label: string }[] = [
  { key: 'fitContext', label: 'Fast short queries (encode only the audio)' },
  { key: 'safeguards', label: 'Safeguards against made-up text' },
  { key: 'beamSearch', label: `Beam search (${BEAM_SEARCH_WIDTH} hypotheses)` },
  { key: 'catalogueBias', label: 'Steer the beam towards catalogue names' },
  { key: 'correction', label: 'Correct place names from the catalogue' },
];

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
    fitContext: typeof record.fitContext === 'boolean' ? record.fitContext : DEFAULT_SETTINGS.fitContext,
    safeguards: typeof record.safeguards === 'boolean' ? record.safeguards : DEFAULT_SETTINGS.safeguards,
    beamSearch: typeof record.beamSearch === 'boolean' ? record.beamSearch : DEFAULT_SETTINGS.beamSearch,
    catalogueBias: typeof record.catalogueBias === 'boolean' ? record.catalogueBias : DEFAULT_SETTINGS.catalogueBias,
    correction: typeof record.correction === 'boolean' ? record.correction : DEFAULT_SETTINGS.correction,
  };
}

export function serializeSettings(settings: Settings): string {
  return JSON.stringify(settings);
}
