import { describe, expect, it } from 'vitest';
import type { SpokenQueryAnswer } from '../../query';
import { changesOf, stagesOf } from './how-it-worked';

describe('stagesOf', () => {
  it('splits end of speech → results into waiting, the recogniser’s stages and the catalogue', () => {
    const timings = { featuresMs: 5, encoderMs: 60, decoderMs: 150, totalMs: 215, decoderSteps: 4, tokensPerSecond: 20 };
    expect(stagesOf(timings, 240, 400)).toEqual([
      { label: 'queue and hand-over', ms: 25 },
      { label: 'features', ms: 5 },
      { label: 'encoder', ms: 60 },
      { label: 'decoder', ms: 150 },
      { label: 'catalogue and search', ms: 160 },
    ]);
    expect(stagesOf(timings, 240, undefined)).toHaveLength(4);
  });
});

describe('changesOf', () => {
  const base = {
    accepted: true as const,
    heard: 'Tokio',
    chosen: 0,
    alternatives: [{ text: 'Tokio', sumLogprob: -1.2 }],
    correction: { original: 'Tokio', text: 'Tokio', suggestion: null, replacements: [], confidence: null },
    query: 'Tokio',
    hits: [],
  };

  it('says nothing changed when what was heard was searched', () => {
    expect(changesOf(base)).toEqual(['nothing: what was heard was searched']);
  });

  it('names rescoring, correction and verification when each changed the query', () => {
    const answer: SpokenQueryAnswer = {
      ...base,
      heard: 'Conquered',
      chosen: 1,
      alternatives: [{ text: 'Concord', sumLogprob: -1 }, { text: 'Conquered', sumLogprob: -1.3 }],
      correction: { original: 'Conquered', text: 'Kolkata', suggestion: null, confidence: 0.8, replacements: [{ start: 0, end: 1, original: ['Conquered'], name: 'Kolkata', placeId: 'x', score: 0.8, applied: true }] as never },
      query: 'Kolkata',
      verification: { candidates: 4, slots: 1, gain: 1.5, replaced: true, before: 'Concord' },
    };
    expect(changesOf(answer)).toEqual([
      'n-best rescoring chose hypothesis 2 of 2, “Conquered”, for naming a place',
      'correction put “Kolkata” for “Conquered” (score 0.80)',
      'verification heard “Kolkata” rather than “Concord” (gain 1.50 nats)',
    ]);
    expect(changesOf({ accepted: false, reason: 'no-speech' })).toEqual([]);
  });
});
