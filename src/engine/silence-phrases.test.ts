import { describe, expect, it } from 'vitest';
import { isSilencePhrase } from './silence-phrases';

describe('isSilencePhrase', () => {
  it('knows the subtitle filler Whisper and Moonshine write on noise, whatever the case and punctuation', () => {
    for (const text of ['You', ' you. ', 'Thank you.', 'THANK YOU!', 'Thanks for watching!', 'Bye.', 'Yeah, yeah.', 'Music']) expect(isSilencePhrase(text)).toBe(true);
  });

  it('counts text without a letter or digit as filler: music notes, carets, dots, nothing', () => {
    for (const text of ['♪', '♪ ♪', '© ^', '...', '', '  ']) expect(isSilencePhrase(text)).toBe(true);
  });

  it('counts subtitle credits', () => {
    expect(isSilencePhrase('© transcript Emily Beynon')).toBe(true);
    expect(isSilencePhrase('Subtitles by the Amara.org community')).toBe(true);
  });

  it('leaves queries alone, even ones that contain a filler phrase', () => {
    for (const text of ['Paris', 'Thank you, Berlin', 'You Yang', 'Youngstown', 'hotels in Bye', '東京', '42']) expect(isSilencePhrase(text)).toBe(false);
  });
});
