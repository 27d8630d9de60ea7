/**
 * Whether a transcript is a query, or what Whisper makes up from silence and noise ("Thank you.",
 * "you", "..."): pure, tested in Node. A made-up query in the box would be worse than none.
 */
import type { Transcript } from '../../worker/engine-api';

export interface TranscriptGuardOptions {
  /** With `minAvgLogprob`, Whisper's no-speech rule: skip when the no-speech probability is above this... */
  maxNoSpeechProb: number;
  /** ...and the average log-probability is below this. */
  minAvgLogprob: number;
}

/**
 * Whisper's values: openai/whisper `transcribe.py` (v20240930) skips a segment when
 * `no_speech_prob > no_speech_threshold (0.6)` and `avg_logprob < logprob_threshold (-1.0)`.
 */
export const DEFAULT_TRANSCRIPT_GUARD_OPTIONS: TranscriptGuardOptions = {
  maxNoSpeechProb: 0.6,
  minAvgLogprob: -1,
};

export type TranscriptVerdict =
  | { accepted: true; query: string }
  | { accepted: false; reason: 'no-speech' | 'no-words' };

/** Letters or digits in any script: a query must have at least one. */
const WORD_CHARACTER = /[\p{L}\p{N}]/u;

export function judgeTranscript(
  transcript: Pick<Transcript, 'text' | 'noSpeechProb' | 'avgLogprob'>,
  options: TranscriptGuardOptions = DEFAULT_TRANSCRIPT_GUARD_OPTIONS,
): TranscriptVerdict {
  if (transcript.noSpeechProb > options.maxNoSpeechProb && transcript.avgLogprob < options.minAvgLogprob) {
    return { accepted: false, reason: 'no-speech' };
  }
  const query = toQuery(transcript.text);
  if (!WORD_CHARACTER.test(query)) return { accepted: false, reason: 'no-words' };
  return { accepted: true, query };
}

/**
 * The text as a search query: Whisper writes sentences ("Paris.", "Weather in Barcelona?"), a
 * search box wants the words, so the closing punctuation and surrounding quotes go.
 */
export function toQuery(text: string): string {
  return text
    .trim()
    .replace(/^["'“‘(\[\s]+/u, '')
    .replace(/[\s.!?。！？,;:…"'”’)\]]+$/u, '')
    .trim();
}
