/**
 * What the page does with a recognised n-best list, for the sweep scripts: rescore it against
 * the catalogue, correct the chosen text and gate its suggestion as the search worker does
 * (src/ui/search/search.worker.ts), and say where the expected place ranks in the search.
 */
import { readFile } from 'node:fs/promises';
import { correctTranscript } from '../../src/search/correction/correct-transcript';
import { DEFAULT_CORRECTION_OPTIONS } from '../../src/search/correction/correction-options';
import { rescoreHypotheses, type Hypothesis, type RescoringOptions } from '../../src/search/correction/rescore-hypotheses';
import { SoundIndex } from '../../src/search/correction/sound-index';
import { gateSuggestion } from '../../src/search/correction/suggestion-gate';
import { loadCatalogue, PlaceIndex } from '../../src/search/index';
import { toQuery } from '../../src/ui/voice-search/transcript-guard';

export interface QueryHits {
  places: PlaceIndex;
  sounds: SoundIndex;
  /** Position of `expectedId` among the first three results for the query the page would search (−1: not there). */
  rank(alternatives: readonly Hypothesis[], expectedId: string, steps: { rescore?: Partial<RescoringOptions> | false; correct?: boolean }): number;
}

export async function loadQueryHits(cataloguePath = 'public/catalogue/places.json'): Promise<QueryHits> {
  const catalogue = loadCatalogue(JSON.parse(await readFile(cataloguePath, 'utf8')));
  const places = PlaceIndex.build(catalogue.places);
  const sounds = SoundIndex.build(catalogue.places);
  return {
    places,
    sounds,
    rank(alternatives, expectedId, { rescore = false, correct = false }) {
      if (alternatives.length === 0) return -1;
      const chosen = rescore ? rescoreHypotheses(sounds, alternatives, rescore).chosen : 0;
      let query = toQuery(alternatives[chosen]!.text);
      if (correct && query) {
        const search = (text: string) => places.explain(text, { prefix: false, limit: 1 });
        query = gateSuggestion(correctTranscript(sounds, query), search, DEFAULT_CORRECTION_OPTIONS).text;
      }
      return query ? places.search(query, { prefix: false, limit: 3 }).findIndex((h) => h.place.id === expectedId) : -1;
    },
  };
}
