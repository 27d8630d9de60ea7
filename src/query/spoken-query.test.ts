import { describe, expect, it } from 'vitest';
import { PlaceIndex, SoundIndex, type Place } from '../search';
import { DEFAULT_PIPELINE_OPTIONS } from './pipeline-options';
import { answerSpokenQuery, answerVerified, type HeardUtterance } from './spoken-query';

function place(id: number, name: string, population: number): Place {
  return {
    id: `geonames:${id}`, kind: 'city', name, altNames: [], countryCode: 'XX', countryName: 'Somewhere', continent: 'Earth',
    adminCode: '00', region: '', featureCode: 'PPL', population, lat: 0, lon: 0,
  };
}

const places = [place(1, 'Kinshasa', 7_785_965), place(2, 'Almaty', 2_000_900), place(3, 'Milan', 1_236_837), place(4, 'Minkin', 300)];
const catalogue = { places: PlaceIndex.build(places), sounds: SoundIndex.build(places) };
const steps = DEFAULT_PIPELINE_OPTIONS;
const nBest = (...texts: [string, number][]): HeardUtterance => ({
  text: texts[0]![0],
  noSpeech: false,
  alternatives: texts.map(([text, sumLogprob]) => ({ text, sumLogprob })),
});

describe('answerSpokenQuery', () => {
  it('turns away a transcript without words, saying whether the recogniser heard silence', () => {
    expect(answerSpokenQuery(catalogue, { text: '...', noSpeech: false }, steps, 3)).toEqual({ accepted: false, reason: 'no-words' });
    expect(answerSpokenQuery(catalogue, { text: '', noSpeech: true }, steps, 3)).toEqual({ accepted: false, reason: 'no-speech' });
  });

  it('searches the n-best hypothesis that names a place, and says which it chose', () => {
    const answer = answerSpokenQuery(catalogue, nBest(['Hotel Minkin Sharser.', -4.1], ['Hotel in Kinshasa.', -5.0]), steps, 3);
    expect(answer).toMatchObject({ accepted: true, heard: 'Hotel in Kinshasa', chosen: 1, query: 'Hotel in Kinshasa' });
    expect(answer.accepted && answer.hits[0]!.place.name).toBe('Kinshasa');
  });

  it('keeps the recogniser\u2019s first choice with rescoring off', () => {
    const answer = answerSpokenQuery(catalogue, nBest(['Hotel Minkin Sharser.', -4.1], ['Hotel in Kinshasa.', -5.0]), { ...steps, rescoring: false, correction: false }, 3);
    expect(answer).toMatchObject({ accepted: true, heard: 'Hotel Minkin Sharser', chosen: 0, query: 'Hotel Minkin Sharser' });
  });

  it('corrects a misheard name before searching, and only when asked', () => {
    const heard = { text: 'Whether in Almighty.', noSpeech: false };
    const corrected = answerSpokenQuery(catalogue, heard, steps, 3);
    expect(corrected).toMatchObject({ accepted: true, heard: 'Whether in Almighty', query: 'Whether in Almaty' });
    expect(corrected.accepted && corrected.hits[0]!.place.name).toBe('Almaty');
    const asHeard = answerSpokenQuery(catalogue, heard, { ...steps, correction: false }, 3);
    expect(asHeard).toMatchObject({ accepted: true, query: 'Whether in Almighty' });
    expect(asHeard.accepted && asHeard.correction.replacements).toEqual([]);
  });

  it('searches the transcript itself after greedy decoding (no n-best list)', () => {
    const answer = answerSpokenQuery(catalogue, { text: 'Milan.', noSpeech: false }, steps, 1);
    expect(answer).toMatchObject({ accepted: true, heard: 'Milan', chosen: 0, alternatives: [] });
    expect(answer.accepted && answer.hits.map((h) => h.place.name)).toEqual(['Milan']);
  });
});

describe('answerVerified', () => {
  const heard = { text: 'Hotel in Kinshawser.', noSpeech: false };
  // Correction off: verification alone decides here.
  const verifying = { ...steps, correction: false, verification: true };
  // A scripted recogniser that finds the Kinshasa candidate far likelier than anything else.
  const listen = { score: async (texts: readonly string[]) => texts.map((t) => ({ sumLogprob: t.includes('Kinshasa') ? -2 : -20, scoredTokens: 5 })) };

  it('searches the candidate the recogniser finds clearly likelier, and says what it replaced', async () => {
    const answer = await answerVerified(catalogue, heard, verifying, 3, listen);
    expect(answer).toMatchObject({ accepted: true, query: 'Hotel in Kinshasa', verification: { replaced: true, before: 'Hotel in Kinshawser' } });
    expect(answer.accepted && answer.hits[0]!.place.name).toBe('Kinshasa');
  });

  it('keeps the answer as it was when switched off, when it cannot listen, and when listening fails', async () => {
    const plain = answerSpokenQuery(catalogue, heard, verifying, 3);
    expect(await answerVerified(catalogue, heard, { ...verifying, verification: false }, 3, listen)).toEqual(plain);
    expect(await answerVerified(catalogue, heard, verifying, 3)).toEqual(plain);
    const gone = () => Promise.reject(new Error('utterance 3 can no longer be scored'));
    expect(await answerVerified(catalogue, heard, verifying, 3, { score: gone })).toEqual(plain);
    expect(await answerVerified(catalogue, heard, verifying, 3, { ...listen, complete: gone })).toEqual(plain);
  });

  it('leaves what was heard when the recogniser finds it likeliest', async () => {
    const prefersHeard = { score: async (texts: readonly string[]) => texts.map((t) => ({ sumLogprob: t === 'Hotel in Kinshawser' ? -2 : -20, scoredTokens: 5 })) };
    const answer = await answerVerified(catalogue, heard, verifying, 3, prefersHeard);
    expect(answer).toMatchObject({ accepted: true, query: 'Hotel in Kinshawser', verification: { replaced: false } });
  });

  it('puts the names the recogniser writes after a carrier phrase among the candidates, where no sound-alike finds them', async () => {
    // "Zebra" sounds like no catalogue name; the constrained pass after "Hotel in" names Kinshasa.
    const asked: string[][] = [];
    const naming = {
      ...listen,
      complete: async (prefixes: readonly string[]) => {
        asked.push([...prefixes]);
        return prefixes.map((p) => (p === 'Hotel in' ? [{ name: 'Kinshasa', sumLogprob: -3, continuation: '.' }] : [{ name: 'Milan', sumLogprob: -9, continuation: '' }]));
      },
    };
    const zebra = { text: 'Hotel in Zebra.', noSpeech: false };
    expect(await answerVerified(catalogue, zebra, verifying, 3, listen)).toMatchObject({ accepted: true, query: 'Hotel in Zebra' });
    const answer = await answerVerified(catalogue, zebra, verifying, 3, naming);
    expect(asked).toEqual([['Hotel in']]);
    // What the recogniser wrote on (".") is made a query as what was heard is.
    expect(answer).toMatchObject({ accepted: true, query: 'Hotel in Kinshasa', verification: { replaced: true, slots: 1 } });
  });
});
