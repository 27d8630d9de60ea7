/**
 * Whether a transcript is a query, or what Whisper makes up from silence and noise ("Thank you.",
 * "you", "..."): pure, tested in Node. A made-up query in the box would be worse than none.
 *
 * Silence and noise are the engine's call: it applies Whisper's no-speech rule
 * (src/engine/safeguards.ts), says so in `Transcript.noSpeech` and, with its safeguards on,
 * leaves the text empty, so the app and the command line agree on what counts as nothing heard.
 * With the safeguards switched off (a setting, for comparison) the made-up text comes through on
 * purpose. What is left here is the page's own rule: a query needs at least one word.
 */
import type { Transcript } from '../engine';

/**
 * What the recogniser said about one utterance, as far as the query needs it: a Transcript, or
 * the part of it that crosses to the search worker.
 */
export interface HeardUtterance extends Pick<Transcript, 'text' | 'noSpeech'> {
  /** Transcript.heardId: which utterance the recogniser can listen to again for verification. */
  readonly heardId?: number;
  /** The n-best list (beam search), best first; absent after greedy decoding. */
  readonly alternatives?: readonly { readonly text: string; readonly sumLogprob: number }[];
}

/** A hypothesis of the recogniser's n-best list, as a query, with its total log-probability. */
export interface QueryHypothesis {
  text: string;
  sumLogprob: number;
}

export type TranscriptVerdict =
  | {
      accepted: true;
      query: string;
      /**
       * The n-best list (beam search) as queries, best first, those without a word left out;
       * empty after greedy decoding. The search worker chooses among them by the catalogue.
       */
      alternatives: QueryHypothesis[];
    }
  | { accepted: false; reason: 'no-speech' | 'no-words' };

/** Letters or digits in any script: a query must have at least one. */
const WORD_CHARACTER = /[\p{L}\p{N}]/u;

export function judgeTranscript(transcript: HeardUtterance): TranscriptVerdict {
  const query = toQuery(transcript.text);
  if (!WORD_CHARACTER.test(query)) return { accepted: false, reason: transcript.noSpeech ? 'no-speech' : 'no-words' };
  const alternatives = (transcript.alternatives ?? [])
    .map((a) => ({ text: toQuery(a.text), sumLogprob: a.sumLogprob }))
    .filter((a) => WORD_CHARACTER.test(a.text));
  return { accepted: true, query, alternatives };
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
