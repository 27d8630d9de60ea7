/** The models the settings offer: every entry of models/manifest.json, by id, display name and family. */
import manifest from '../../../models/manifest.json';
import type { ModelFamily } from '../../engine';

export interface ModelChoice {
  id: string;
  name: string;
  /** Which settings apply to it (settings.ts SWITCHES, offersLanguage). */
  family: ModelFamily;
}

export const MODEL_CHOICES: readonly ModelChoice[] = manifest.models.map(({ id, name, family }) => ({ id, name, family: family as ModelFamily }));

export function modelName(id: string): string {
  return MODEL_CHOICES.find((model) => model.id === id)?.name ?? id;
}

/** The family of model `id`; an id the manifest does not have (never chosen: parseSettings) counts as Whisper. */
export function modelFamily(id: string): ModelFamily {
  return MODEL_CHOICES.find((model) => model.id === id)?.family ?? 'whisper';
}
