import { describe, expect, it } from 'vitest';
import { CONTEXT_WORD_WEIGHT, parseQuery } from './query';

describe('parseQuery', () => {
  it.each([
    ['weather in San Francisco', ['san', 'francisco']],
    ['flights to Tokyo', ['tokyo']],
    ['restaurants near the Eiffel Tower in Paris', ['eiffel', 'tower', 'paris']],
    ['hotels in Barcelona', ['barcelona']],
    ['museums in London', ['london']],
    ['coffee shops in Seattle', ['seattle']],
    ['Um, show me hotels in Zürich, please.', ['zurich']],
    ["what's the weather like in São Paulo?", ['sao', 'paulo']],
    ['search for New York City', ['new', 'york', 'city']],
    // Spoken forms, as the index has them (spoken-forms.ts).
    ['hotels in St. Louis', ['saint', 'louis']],
    ['weather in twenty nine palms', ['29', 'palms']],
  ])('%s → %j', (text, terms) => {
    expect(parseQuery(text).terms).toEqual(terms);
  });

  it('lists the filler it set aside', () => {
    const parsed = parseQuery('flights to Tokyo');
    expect(parsed.ignored).toEqual(['flights', 'to']);
    expect(parsed.allFiller).toBe(false);
  });

  it('keeps "us" as a place (United States) but drops it in "show us"', () => {
    expect(parseQuery('hotels in the US').terms).toEqual(['us']);
    expect(parseQuery('show us Denver').terms).toEqual(['denver']);
  });

  it('weighs the words after the last place preposition fully, the ones before less', () => {
    const parsed = parseQuery('restaurants near the Eiffel Tower in Paris');
    expect(parsed.weights).toEqual([CONTEXT_WORD_WEIGHT, CONTEXT_WORD_WEIGHT, 1]);
    expect(parseQuery('flights from London to Paris').weights).toEqual([CONTEXT_WORD_WEIGHT, 1]);
    expect(parseQuery('Paris France').weights).toEqual([1, 1]);
  });

  it('falls back to the raw words when every word is filler', () => {
    const parsed = parseQuery('show me the weather');
    expect(parsed.allFiller).toBe(true);
    expect(parsed.terms).toEqual(['show', 'me', 'the', 'weather']);
    expect(parseQuery('Best').terms).toEqual(['best']);
  });

  it('has no terms for an empty or punctuation-only query', () => {
    expect(parseQuery('').terms).toEqual([]);
    expect(parseQuery('   ?! ').terms).toEqual([]);
    expect(parseQuery('').allFiller).toBe(false);
  });
});

describe('hesitations', () => {
  it('are never searched, not even when nothing else was said', () => {
    expect(parseQuery('um').terms).toEqual([]);
    expect(parseQuery('uh, um').ignored).toEqual(['uh', 'um']);
    expect(parseQuery('um the').terms).toEqual(['the']);
  });
});
