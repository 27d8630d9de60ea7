/**
 * The user's settings, as stored in localStorage (pure; tested in Node). Whatever is stored is
 * read defensively: an unknown model id (a model removed from the manifest), a bad backend or
 * language, a switch that is not true or false, or text that is not JSON each fall back to the
 * default for that field alone.
 */
import { DEFAULT_PIPELINE_OPTIONS, type PipelineOptions } from '../../query';
import type { ModelFamily } from '../../engine';
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
   * Beam search of the pipeline's width (PipelineOptions.beamSize) instead of greedy decoding: the
   * recogniser's n-best list, which the catalogue then chooses from when `correction` is on.
   */
  beamSearch: boolean;
  /**
   * Spoken queries use the catalogue's place names: the n-best rescoring and the correction of
   * the spoken-query pipeline (PipelineOptions.rescoring and .correction).
   */
  correction: boolean;
  /**
   * The recogniser decides between catalogue names by listening again to the utterance
   * (PipelineOptions.verification, src/search/verification).
   */
  verification: boolean;
}

/** Hypotheses kept by the beam search when `beamSearch` is on: the pipeline's (src/query/pipeline-options.ts). */
export const BEAM_SEARCH_WIDTH = DEFAULT_PIPELINE_OPTIONS.beamSize;

export const SETTINGS_STORAGE_KEY = 'voice-search.settings.v1';

/** The pipeline's defaults (src/query/pipeline-options.ts), so the page, the command line and the reports agree. */
export const DEFAULT_SETTINGS: Settings = {
  modelId: DEFAULT_PIPELINE_OPTIONS.modelId,
  backend: 'auto',
  language: 'en',
  fitContext: DEFAULT_PIPELINE_OPTIONS.fitContext,
  safeguards: DEFAULT_PIPELINE_OPTIONS.safeguards,
  beamSearch: DEFAULT_PIPELINE_OPTIONS.beamSize > 1,
  correction: DEFAULT_PIPELINE_OPTIONS.rescoring && DEFAULT_PIPELINE_OPTIONS.correction,
  verification: DEFAULT_PIPELINE_OPTIONS.verification,
};

/** The pipeline the settings ask for: each switch mapped onto the options it stands for. */
export function settingsPipeline(settings: Settings): PipelineOptions {
  return {
    ...DEFAULT_PIPELINE_OPTIONS,
    modelId: settings.modelId,
    fitContext: settings.fitContext,
    safeguards: settings.safeguards,
    beamSize: settings.beamSearch ? DEFAULT_PIPELINE_OPTIONS.beamSize : 1,
    rescoring: settings.correction,
    correction: settings.correction,
    verification: settings.verification,
  };
}

export type SwitchKey = 'fitContext' | 'safeguards' | 'beamSearch' | 'correction' | 'verification';

/**
 * The on/off settings, with what the panel calls them and, for those that mean something to one
 * model family only, which: Moonshine encodes the audio as it is, so there is no 30 s window to
 * cut (the engine ignores fitContext for it, src/engine/moonshine/moonshine-recognizer.ts).
 */
export const SWITCHES: readonly { key: SwitchKey; label: string; only?: ModelFamily }[] = [
  { key: 'fitContext', label: 'Fast short queries (encode only the audio)', only: 'whisper' },
  { key: 'safeguards', label: 'Safeguards against made-up text' },
  { key: 'beamSearch', label: `Beam search (${BEAM_SEARCH_WIDTH} hypotheses)` },
  { key: 'correction', label: 'Correct place names from the catalogue' },
  { key: 'verification', label: 'Check place names by listening again' },
];

/** The switches the panel shows for a model of `family`: a switch that does nothing for it is not offered. */
export function switchesFor(family: ModelFamily): typeof SWITCHES {
  return SWITCHES.filter((s) => s.only === undefined || s.only === family);
}

/** Whether the language can be chosen: Moonshine's models are English only; Whisper's are multilingual. */
export function offersLanguage(family: ModelFamily): boolean {
  return family === 'whisper';
}

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
    correction: typeof record.correction === 'boolean' ? record.correction : DEFAULT_SETTINGS.correction,
    verification: typeof record.verification === 'boolean' ? record.verification : DEFAULT_SETTINGS.verification,
  };
}

export function serializeSettings(settings: Settings): string {
  return JSON.stringify(settings);
}
