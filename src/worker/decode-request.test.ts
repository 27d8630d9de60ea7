import { describe, expect, it } from 'vitest';
import { decodeOptionsFor, MAX_BEAM_SIZE } from './decode-request';

describe('decodeOptionsFor', () => {
  it('passes on what the page set', () => {
    expect(decodeOptionsFor({ language: 'fr', fitContext: true, safeguards: false })).toEqual({ language: 'fr', fitContext: true, safeguards: false });
    expect(decodeOptionsFor({ fitContext: false, safeguards: true })).toEqual({ fitContext: false, safeguards: true });
    expect(decodeOptionsFor({ beamSize: 5 })).toEqual({ beamSize: 5 });
    expect(decodeOptionsFor({ beamSize: 1 })).toEqual({ beamSize: 1 });
  });

  it('leaves out what it did not, so the engine keeps its defaults', () => {
    expect(decodeOptionsFor({})).toEqual({});
    expect(Object.keys(decodeOptionsFor({ language: 'en', fitContext: undefined }))).toEqual(['language']);
    expect(Object.keys(decodeOptionsFor({ beamSize: undefined }))).toEqual([]);
  });

  it('rejects a beam size that is not an integer from 1 to MAX_BEAM_SIZE', () => {
    for (const beamSize of [0, -1, 2.5, NaN, Infinity, MAX_BEAM_SIZE + 1]) {
      expect(() => decodeOptionsFor({ beamSize })).toThrow(RangeError);
    }
    expect(decodeOptionsFor({ beamSize: MAX_BEAM_SIZE })).toEqual({ beamSize: MAX_BEAM_SIZE });
  });

});
