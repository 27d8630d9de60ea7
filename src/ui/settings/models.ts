/** The models the settings offer: every entry of models/manifest.json, by id and display name. */
import manifest from '../../../models/manifest.json';

export interface ModelChoice {
  id: string;
  name: string;
}

export const MODEL_CHOICES: readonly ModelChoice[] = manifest.models.map(({ id, name }) => ({ id, name }));

export function modelName(id: string): string {
  return MODEL_CHOICES.find((model) => model.id === id)?.name ?? id;
}
