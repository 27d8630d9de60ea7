/**
 * Place search: the public door of src/search. Pure TypeScript without DOM or Node APIs (it
 * type-checks against plain ES2023), so it runs in a Web Worker and in Node alike.
 *
 *   const catalogue = loadCatalogue(await (await fetch('/catalogue/places.json')).json());
 *   const index = PlaceIndex.build(catalogue.places);   // a second or more of CPU: in a worker
 *   index.search('weather in San Francisco');             // → [{ place, score, matched }, ...]
 *   const sounds = SoundIndex.fromColumns(catalogue.places, catalogue.sounds);  // codes precomputed in the file
 *   correctTranscript(sounds, "things to do in touch can't");  // → { text: 'things to do in Tashkent', ... }
 *   gateSuggestion(correction, (text) => index.explain(text, { prefix: false }), DEFAULT_CORRECTION_OPTIONS);  // "Did you mean" only if worth it
 *
 * The app does not build the names' index on every visit: staging stores it beside the catalogue
 * (name-index-file.ts: the radix tree itself, 3.0 MB) and the search worker reads it back with
 * `PlaceIndex.fromStoredNames(places, bytes)`, 0.72 s against 1.85 s for building in Chromium.
 * MiniSearch's own JSON had been tried first and dropped (scripts/catalogue/bench-search.ts):
 * parsing and loading it took 1.8–2.9 s of CPU against 2.6–3.6 s for building MiniSearch's index
 * then, and needed a second file of 7.8 MB, because loading it re-inserts every term.
 */
export type { Place, PlaceKind } from './place';
export { loadCatalogue, CatalogueError, type Catalogue } from './catalogue';
export { PlaceIndex, type SearchHit, type SearchResults } from './place-index';
export { DEFAULT_SEARCH_OPTIONS, type SearchOptions } from './search-options';
export type { MatchedTerm, MatchKind, MatchField } from './match-reasons';
export { parseQuery, FILLER_WORDS, type ParsedQuery } from './query';
export { foldText } from './text';
export { correctTranscript, type Replacement, type TranscriptCorrection } from './correction/correct-transcript';
export { DEFAULT_RESCORING_OPTIONS, nameEvidence, rescoreHypotheses, type Hypothesis, type RescoringOptions } from './correction/rescore-hypotheses';
export { DEFAULT_CORRECTION_OPTIONS, type CorrectionOptions } from './correction/correction-options';
export { gateSuggestion, suggestionWorthOffering, type SearchOutcome } from './correction/suggestion-gate';
export { SoundIndex } from './correction/sound-index';
export type { SoundColumns } from './correction/sound-columns';
