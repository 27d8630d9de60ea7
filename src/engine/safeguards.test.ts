import { describe, expect, it } from 'vitest';
import { compressionRatio } from './decoding/compression-ratio';
import { DEFAULT_SAFEGUARDS, heardNothing, isNoSpeech, mostProbable, needsFallback } from './safeguards';

describe('isNoSpeech (Whisper: no_speech_prob > 0.6 and avg_logprob < -1)', () => {
  it('needs both a likely no-speech token and an unlikely text', () => {
    expect(isNoSpeech(0.9, -1.5)).toBe(true);
    expect(isNoSpeech(0.9, -0.3)).toBe(false); // confident words win
    expect(isNoSpeech(0.2, -1.5)).toBe(false);
    expect(isNoSpeech(0.6, -1.5)).toBe(false); // strictly above
  });

  it('never fires for models without a no-speech token (NaN)', () => {
    expect(isNoSpeech(NaN, -3)).toBe(false);
  });
});

describe('heardNothing', () => {
  it("is Whisper's no-speech rule", () => {
    expect(heardNothing({ noSpeechProb: 0.9, avgLogprob: -1.5, text: 'Paris' })).toBe(true);
    expect(heardNothing({ noSpeechProb: 0.9, avgLogprob: -0.3, text: 'Paris' })).toBe(false);
  });

  it('drops confident subtitle filler when the no-speech evidence is above silencePhraseThreshold (0.45)', () => {
    expect(heardNothing({ noSpeechProb: 0.99, avgLogprob: -0.2, text: 'Thank you.' })).toBe(true);
    expect(heardNothing({ noSpeechProb: 0.57, avgLogprob: -0.5, text: 'You' })).toBe(true);
    expect(heardNothing({ noSpeechProb: 0.99, avgLogprob: -0.2, text: '♪' })).toBe(true);
  });

  it('keeps filler the model is sure was said, and never drops real words for being filler-like', () => {
    expect(heardNothing({ noSpeechProb: 0.1, avgLogprob: -0.2, text: 'Thank you.' })).toBe(false);
    expect(heardNothing({ noSpeechProb: 0.45, avgLogprob: -0.2, text: 'You' })).toBe(false); // strictly above
    expect(heardNothing({ noSpeechProb: 0.99, avgLogprob: -0.2, text: 'Berlin.' })).toBe(false);
    expect(heardNothing({ noSpeechProb: NaN, avgLogprob: -0.2, text: 'Thank you.' })).toBe(false);
  });

  it('reads its threshold from the options', () => {
    const strict = { ...DEFAULT_SAFEGUARDS, silencePhraseThreshold: 0.95 };
    expect(heardNothing({ noSpeechProb: 0.9, avgLogprob: -0.2, text: 'You' }, strict)).toBe(false);
  });
});

describe('compressionRatio', () => {
  it('is high for a loop and low for ordinary text', () => {
    const loop = ' 10 of clubs.'.repeat(12);
    expect(compressionRatio(loop)).toBeGreaterThan(DEFAULT_SAFEGUARDS.compressionRatioThreshold);
    const speech = 'And so, my fellow Americans, ask not what your country can do for you, ask what you can do for your country.';
    expect(compressionRatio(speech)).toBeLessThan(DEFAULT_SAFEGUARDS.compressionRatioThreshold);
    expect(compressionRatio('')).toBe(0);
  });
});

describe('needsFallback', () => {
  const fine = { compressionRatio: 1.2, avgLogprob: -0.3, noSpeechProb: 0.01 };
  it('retries a loop or an improbable text', () => {
    expect(needsFallback(fine)).toBe(false);
    expect(needsFallback({ ...fine, compressionRatio: 3 })).toBe(true);
    expect(needsFallback({ ...fine, avgLogprob: -1.4 })).toBe(true);
  });

  it('does not retry silence: no temperature turns it into speech', () => {
    expect(needsFallback({ ...fine, avgLogprob: -1.4, noSpeechProb: 0.8 })).toBe(false);
  });
});

describe('mostProbable', () => {
  it('keeps the attempt with the highest average log-probability, the first on ties', () => {
    const attempts = [
      { temperature: 0, avgLogprob: -1.2 },
      { temperature: 0.2, avgLogprob: -1.1 },
      { temperature: 1, avgLogprob: -5.4 },
      { temperature: 0.4, avgLogprob: -1.1 },
    ];
    expect(mostProbable(attempts).temperature).toBe(0.2);
    expect(() => mostProbable([])).toThrow();
  });
});
