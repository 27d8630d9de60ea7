import { describe, expect, it } from 'vitest';
import type { TranscriptCorrection } from '../../worker/search-api';
import { spokenQuery, typedSuggestion } from './correction-notice';

function correction(original: string, text: string, suggestion: string | null = null): TranscriptCorrection {
  return { original, text, suggestion, replacements: [], confidence: text === original && suggestion === null ? null : 0.8 };
}

describe('spokenQuery', () => {
  it('searches for the corrected text and says what was heard', () => {
    expect(spokenQuery(correction('Things to do in touch can’t', 'Things to do in Tashkent'))).toEqual({
      query: 'Things to do in Tashkent',
      notice: { corrected: { heard: 'Things to do in touch can’t', searchedFor: 'Things to do in Tashkent' }, suggestion: null },
    });
  });

  it('searches for what was heard when the correction is only a suggestion, and offers it', () => {
    expect(spokenQuery(correction('Flight to Underman', 'Flight to Underman', 'Flight to Omdurman'))).toEqual({
      query: 'Flight to Underman',
      notice: { corrected: null, suggestion: 'Flight to Omdurman' },
    });
  });

  it('says nothing when nothing was corrected', () => {
    expect(spokenQuery(correction('weather in Paris', 'weather in Paris'))).toEqual({ query: 'weather in Paris', notice: null });
  });
});

describe('typedSuggestion', () => {
  it('offers a correction, confident or not, without applying it', () => {
    expect(typedSuggestion(correction('toronta', 'Toronto'))).toEqual({ corrected: null, suggestion: 'Toronto' });
    expect(typedSuggestion(correction('bayerood', 'bayerood', 'Beirut'))).toEqual({ corrected: null, suggestion: 'Beirut' });
  });

  it('offers nothing when there is nothing to correct', () => {
    expect(typedSuggestion(correction('xyzzy', 'xyzzy'))).toBeNull();
  });
});
