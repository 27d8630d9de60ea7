/**
 * The catalogue's names as phrases for the recogniser's beam search to lean towards
 * (src/engine/decoding/phrase-bias.ts): the spellings the sound index holds ("saintlouis" and
 * "stlouis" both) of the places people are likeliest to ask for, weighted by the place's prior
 * (sound-columns.ts scaledPriors: 0 for the catalogue's least likely place, 1 for its likeliest).
 */
import type { BiasPhrase } from '../../engine/decoding/phrase-bias';
import type { SoundIndex } from './sound-index';

export interface BiasPhraseOptions {
  /**
   * Places of fewer people are left to rescoring and correction. Biasing towards all 120,000
   * spellings made moonshine-tiny hear the query's own words as hamlets ("Restaurants in Mexico
   * City" → "West Robinson, Mexico City", "Hotel" → "Holly"): English is full of place names.
   * Chosen by measurement (scripts/queries/bias-sweep.ts).
   */
  readonly minPopulation: number;
  /**
   * Weight of a name whose place has the catalogue's lowest prior; the likeliest gives 1. Places
   * of 100,000 people have priors of 0.38 and more, so their weights run from 0.69 to 1.
   */
  readonly minWeight: number;
}

export const DEFAULT_BIAS_PHRASE_OPTIONS: BiasPhraseOptions = {
  minPopulation: 100_000,
  minWeight: 0.5,
};

/** The spellings of the places with at least `minPopulation` people, each with its weight. */
export function biasPhrases(index: SoundIndex, options: Partial<BiasPhraseOptions> = {}): BiasPhrase[] {
  const { minPopulation, minWeight } = { ...DEFAULT_BIAS_PHRASE_OPTIONS, ...options };
  return index
    .spellings()
    .filter((entry) => index.places[entry.place]!.population >= minPopulation)
    .map(({ letters, prior }) => ({ letters, weight: minWeight + (1 - minWeight) * prior }));
}
