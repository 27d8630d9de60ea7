import { describe, expect, it } from 'vitest';
import { decodeOptionsFor } from './decode-request';

describe('decodeOptionsFor', () => {
  it('passes on what the page set', () => {
    expect(decodeOptionsFor({ language: 'fr', fitContext: true, safeguards: false })).toEqual({ language: 'fr', fitContext: true, safeguards: false });
    expect(decodeOptionsFor({ fitContext: false, safeguards: true })).toEqual({ fitContext: false, safeguards: true });
  });

  it('leaves out what it did not, so the engine keeps its defaults', () => {
    expect(decodeOptionsFor({})).toEqual({});
    expect(Object.keys(decodeOptionsFor({ language: 'en', fitContext: undefined }))).toEqual(['language']);
  });
});
