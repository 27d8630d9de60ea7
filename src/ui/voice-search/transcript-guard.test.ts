import { describe, expect, it } from 'vitest';
import { judgeTranscript, toQuery } from './transcript-guard';

const heard = (text: string, noSpeechProb = 0.01, avgLogprob = -0.2) => ({ text, noSpeechProb, avgLogprob });

describe('judgeTranscript', () => {
  it('accepts a confident transcript as a query without its full stop', () => {
    expect(judgeTranscript(heard('Paris.'))).toEqual({ accepted: true, query: 'Paris' });
    expect(judgeTranscript(heard(' Weather in Barcelona? '))).toEqual({ accepted: true, query: 'Weather in Barcelona' });
  });

  it("applies Whisper's no-speech rule: both a high no-speech probability and a low log-probability", () => {
    expect(judgeTranscript(heard('Thank you.', 0.8, -1.3))).toEqual({ accepted: false, reason: 'no-speech' });
    // Either alone is not enough (Whisper's rule is a conjunction).
    expect(judgeTranscript(heard('Tokyo', 0.8, -0.4)).accepted).toBe(true);
    expect(judgeTranscript(heard('Tokyo', 0.2, -1.5)).accepted).toBe(true);
    // The thresholds are strict inequalities, as in transcribe.py.
    expect(judgeTranscript(heard('Tokyo', 0.6, -1.5)).accepted).toBe(true);
  });

  it('rejects empty text and text that is only punctuation', () => {
    expect(judgeTranscript(heard(''))).toEqual({ accepted: false, reason: 'no-words' });
    expect(judgeTranscript(heard(' ... '))).toEqual({ accepted: false, reason: 'no-words' });
    expect(judgeTranscript(heard('?!'))).toEqual({ accepted: false, reason: 'no-words' });
  });

  it('keeps non-Latin scripts and digits', () => {
    expect(judgeTranscript(heard('東京。'))).toEqual({ accepted: true, query: '東京' });
    expect(judgeTranscript(heard('42'))).toEqual({ accepted: true, query: '42' });
  });
});

describe('toQuery', () => {
  it('drops surrounding quotes and closing punctuation, keeps inner punctuation', () => {
    expect(toQuery('"St. Louis."')).toBe('St. Louis');
    expect(toQuery('Washington, D.C.')).toBe('Washington, D.C');
  });
});
