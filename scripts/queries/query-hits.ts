/**
 * What the page does with a recognised n-best list, for the sweep scripts: the spoken-query
 * pipeline (src/query/spoken-query.ts, as the search worker runs it) with its steps switched as
 * asked, and where the expected place ranks in the search.
 */
import { loadSpokenPipeline } from '../../cli/spoken-pipeline';
import { DEFAULT_PIPELINE_OPTIONS } from '../../src/query';
import { DEFAULT_RESCORING_OPTIONS, type Hypothesis, type RescoringOptions } from '../../src/search/correction/rescore-hypotheses';
import type { SoundIndex } from '../../src/search/correction/sound-index';
import type { PlaceIndex } from '../../src/search/index';

export interface QueryHits {
  places: PlaceIndex;
  sounds: SoundIndex;
  /** Position of `expectedId` among the first three results for the query the page would search (−1: not there). */
  rank(alternatives: readonly Hypothesis[], expectedId: string, steps: { rescore?: Partial<RescoringOptions> | false; correct?: boolean }): number;
}

export async function loadQueryHits(cataloguePath?: string): Promise<QueryHits> {
  const pipeline = await loadSpokenPipeline(cataloguePath);
  const { places, sounds } = pipeline.catalogue;
  return {
    places,
    sounds,
    rank(alternatives, expectedId, { rescore = false, correct = false }) {
      if (alternatives.length === 0) return -1;
      const steps = {
        ...DEFAULT_PIPELINE_OPTIONS,
        rescoring: rescore !== false,
        rescore: { ...DEFAULT_RESCORING_OPTIONS, ...(rescore || {}) },
        correction: correct,
      };
      const answer = pipeline.answer({ text: alternatives[0]!.text, noSpeech: false, alternatives }, steps, 3);
      return answer.accepted ? answer.hits.findIndex((h) => h.place.id === expectedId) : -1;
    },
  };
}
