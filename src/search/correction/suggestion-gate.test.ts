import { beforeAll, describe, expect, it } from 'vitest';
import { realCatalogue } from '../../../scripts/catalogue/real-catalogue';
import { PlaceIndex } from '../place-index';
import { correctTranscript, type TranscriptCorrection } from './correct-transcript';
import { DEFAULT_CORRECTION_OPTIONS } from './correction-options';
import { SoundIndex } from './sound-index';
import { gateSuggestion, type SearchOutcome, suggestionWorthOffering, withoutSuggestion } from './suggestion-gate';

const options = { weakHeardScoreRatio: 0.8 };
const outcome = (topPlaceId: string | null, topScore: number): SearchOutcome => ({ topPlaceId, topScore });

describe('suggestionWorthOffering', () => {
  it('offers when the heard query finds nothing', () => {
    expect(suggestionWorthOffering(outcome(null, 0), outcome('dublin', 60), ['dublin'], options)).toBe(true);
  });

  it('offers when the heard query scores below the ratio of the suggestion', () => {
    expect(suggestionWorthOffering(outcome('barth', 20), outcome('perth', 69), ['perth'], options)).toBe(true);
    expect(suggestionWorthOffering(outcome('x', 55), outcome('y', 70), ['y'], options)).toBe(true); // 0.79
  });

  it('withholds it when the heard query scores about as well', () => {
    expect(suggestionWorthOffering(outcome('x', 56), outcome('y', 70), ['y'], options)).toBe(false); // 0.8
    expect(suggestionWorthOffering(outcome('toronto', 80), outcome('toronto', 80), ['bucharest'], options)).toBe(false);
  });

  it('withholds it when the suggested place is already the first hit, however weak', () => {
    expect(suggestionWorthOffering(outcome('jaipur', 10), outcome('jaipur', 90), ['jaipur'], options)).toBe(false);
  });

  it('withholds it when the suggestion itself finds nothing', () => {
    expect(suggestionWorthOffering(outcome(null, 0), outcome(null, 0), ['x'], options)).toBe(false);
  });

  it('follows the ratio: 0 never offers against any hit, Infinity always does', () => {
    expect(suggestionWorthOffering(outcome('x', 1), outcome('y', 100), ['y'], { weakHeardScoreRatio: 0 })).toBe(false);
    expect(suggestionWorthOffering(outcome('x', 100), outcome('y', 1), ['y'], { weakHeardScoreRatio: Infinity })).toBe(true);
  });
});

const suggested: TranscriptCorrection = {
  original: 'Whether in birth',
  text: 'Whether in birth',
  suggestion: 'Whether in Perth',
  replacements: [{ start: 2, end: 3, original: ['birth'], name: 'Perth', placeId: 'perth', score: 0.71, applied: false }],
  confidence: 0.71,
};

describe('gateSuggestion', () => {
  const hits = (id: string, score: number) => ({ hits: [{ place: { id } as never, score, matched: [] }] });

  it('keeps a suggestion that finds more than the heard text', () => {
    const search = (text: string) => (text === suggested.text ? hits('barth', 20) : hits('perth', 69));
    expect(gateSuggestion(suggested, search, options)).toBe(suggested);
  });

  it('withdraws one that does not, keeping only applied replacements', () => {
    const gated = gateSuggestion(suggested, () => hits('perth', 69), options);
    expect(gated).toEqual({ ...suggested, suggestion: null, replacements: [], confidence: null });
  });

  it('does not search when there is no suggestion', () => {
    const none = withoutSuggestion(suggested);
    expect(gateSuggestion(none, () => expect.unreachable('searched'), options)).toBe(none);
  });
});

describe('gateSuggestion on the real catalogue', () => {
  let places: PlaceIndex;
  let sounds: SoundIndex;
  beforeAll(() => {
    const { catalogue } = realCatalogue();
    places = PlaceIndex.build(catalogue.places);
    sounds = SoundIndex.fromColumns(catalogue.places, catalogue.sounds);
  });
  const offered = (heard: string) =>
    gateSuggestion(correctTranscript(sounds, heard), (text) => places.explain(text, { prefix: false, limit: 1 }), DEFAULT_CORRECTION_OPTIONS).suggestion;

  it.each([
    // Heard, and what correctTranscript suggests for it.
    ['Hotel in Turblin', 'Hotel in Dublin'], // the heard text finds nothing
    ['Whether in birth', 'Whether in Perth'], // Barth, fuzzily, at 0.3 of Perth's score
    ['Flight to Underman', 'Flight to Omdurman'], // e2e/correction.spec.ts
    ['Manuola', 'Manila'], // e2e/correction.spec.ts
  ])('offers a suggestion for a weak heard query: "%s" → "%s"', (heard, suggestion) => {
    expect(offered(heard)).toBe(suggestion);
  });

  it.each([
    'Breast runs in Toronto', // finds Toronto already, as well as "Bucharest runs in Toronto" would
    'Jaiper', // Jaipur is already first
  ])('withholds it when the heard query already does well: "%s"', (heard) => {
    expect(correctTranscript(sounds, heard).suggestion).not.toBeNull();
    expect(offered(heard)).toBeNull();
  });
});
