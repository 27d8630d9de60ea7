/**
 * The spoken-query pipeline for the command line: the catalogue read from the staged file and
 * indexed as the search worker indexes it, answered by the same src/query code. `npm run -s
 * search`, `npm run -s accuracy` and the sweep scripts all answer through this.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { answerSpokenQuery, answerVerified, type CatalogueSteps, type Listen, type HeardUtterance, type QueryCatalogue, type SpokenQueryAnswer } from '../src/query';
import type { Recognizer } from '../src/engine';
import { loadCatalogue, PlaceIndex, SoundIndex } from '../src/search';
import { slotNames } from '../src/search/verification';

/** Where `npm run catalogue` stages the catalogue. */
export const CATALOGUE_PATH = fileURLToPath(new URL('../public/catalogue/places.json', import.meta.url));

export interface SpokenPipeline {
  readonly catalogue: QueryCatalogue & { readonly size: number };
  answer(utterance: HeardUtterance, steps: CatalogueSteps, limit: number): SpokenQueryAnswer;
  /**
   * With verification (steps.verification), `recognizer` listening again to utterance `heardId`
   * (the last it transcribed), as the page's recognition worker does for the search worker.
   */
  answerVerified(utterance: HeardUtterance, steps: CatalogueSteps, limit: number, recognizer: Recognizer, heardId: number): Promise<SpokenQueryAnswer>;
}

export async function loadSpokenPipeline(path = CATALOGUE_PATH): Promise<SpokenPipeline> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new Error(`could not read the place catalogue ${path} (${(error as Error).message}); run 'npm run catalogue'`);
  }
  const { places, sounds } = loadCatalogue(json);
  // As src/worker/search-host.ts builds them: the place index, then the sound index from the file's columns.
  const catalogue = { places: PlaceIndex.build(places), sounds: SoundIndex.fromColumns(places, sounds), size: places.length };
  const named = new WeakMap<Recognizer, number>();
  /** The recogniser as the search worker hears it (App.tsx answerInWorker), given the slot names once (engine-host.ts useNames). */
  const listenTo = (recognizer: Recognizer, heardId: number, minPopulation: number): Listen => ({
    score: (texts) => recognizer.scoreTranscripts(heardId, texts),
    complete: async (prefixes, options) => {
      if (named.get(recognizer) !== minPopulation) {
        recognizer.useNames(slotNames(catalogue.sounds, { slotMinPopulation: minPopulation }));
        named.set(recognizer, minPopulation);
      }
      return recognizer.completeNames(heardId, prefixes, options);
    },
  });
  return {
    catalogue,
    answer: (utterance, steps, limit) => answerSpokenQuery(catalogue, utterance, steps, limit),
    answerVerified: (utterance, steps, limit, recognizer, heardId) => answerVerified(catalogue, utterance, steps, limit, listenTo(recognizer, heardId, steps.verify.slotMinPopulation)),
  };
}
