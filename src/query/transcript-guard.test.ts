import { describe, expect, it } from 'vitest';
import { judgeTranscript, toQuery } from './transcript-guard';

const heard = (text: string, noSpeech = false) => ({ text, noSpeech });

describe('judgeTranscript', () => {
  it('accepts a transcript as a query without its full stop', () => {
    expect(judgeTranscript(heard('Paris.'))).toEqual({ accepted: true, query: 'Paris', alternatives: [] });
    expect(judgeTranscript(heard(' Weather in Barcelona? '))).toEqual({ accepted: true, query: 'Weather in Barcelona', alternatives: [] });
  });

  it("takes the engine's no-speech verdict: with its safeguards on the text is empty, and nothing is searched", () => {
    expect(judgeTranscript(heard('', true))).toEqual({ accepted: false, reason: 'no-speech' });
  });

  it('lets text through that the engine kept with its safeguards off, for comparison', () => {
    expect(judgeTranscript(heard('Thank you.', true))).toEqual({ accepted: true, query: 'Thank you', alternatives: [] });
  });

  it('rejects empty text and text that is only punctuation', () => {
    expect(judgeTranscript(heard(''))).toEqual({ accepted: false, reason: 'no-words' });
    expect(judgeTranscript(heard(' ... '))).toEqual({ accepted: false, reason: 'no-words' });
    expect(judgeTranscript(heard('?!'))).toEqual({ accepted: false, reason: 'no-words' });
  });

  it("passes on the beam search's n-best list as queries, leaving out hypotheses without a word", () => {
    const transcript = {
      text: 'Hotel Minkin Sharser.',
      noSpeech: false,
      alternatives: [
        { text: 'Hotel Minkin Sharser.', tokens: [1], sumLogprob: -4.1, avgLogprob: -1 },
        { text: '...', tokens: [2], sumLogprob: -4.5, avgLogprob: -1 },
        { text: ' Hotel in Kinshasa?', tokens: [3], sumLogprob: -5, avgLogprob: -1 },
      ],
    };
    expect(judgeTranscript(transcript)).toEqual({
      accepted: true,
      query: 'Hotel Minkin Sharser',
      alternatives: [
        { text: 'Hotel Minkin Sharser', sumLogprob: -4.1 },
        { text: 'Hotel in Kinshasa', sumLogprob: -5 },
      ],
    });
  });

  it('keeps non-Latin scripts and digits', () => {
    expect(judgeTranscript(heard('東京。'))).toEqual({ accepted: true, query: '東京', alternatives: [] });
    expect(judgeTranscript(heard('42'))).toEqual({ accepted: true, query: '42', alternatives: [] });
  });
});

describe('toQuery', () => {
  it('drops surrounding quotes and closing punctuation, keeps inner punctuation', () => {
    expect(toQuery('"St. Louis."')).toBe('St. Louis');
    expect(toQuery('Washington, D.C.')).toBe('Washington, D.C');
  });
});
