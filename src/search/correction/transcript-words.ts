/**
 * A transcript's words with where they are in it, so a correction can replace "Jebel Pour"
 * in "Whether in Jebel Pour." and keep everything around it as the recogniser wrote it.
 * Words are folded like the index's (text.ts) and marked as filler the way query.ts marks them.
 */
import { FILLER_WORDS, markFillers } from '../query';
import { foldText } from '../text';
import { keyOfLetters } from './phonetic-key';

export interface TranscriptWord {
  /** Folded: "Zürich," → "zurich". */
  readonly word: string;
  /** Character offsets of the word in the transcript, end exclusive. */
  readonly start: number;
  readonly end: number;
  /**
   * Filler by query.ts's rules ("weather", "in", "the", ...), or a word that sounds exactly like
   * a filler word of four letters or more: recognisers write "Whether in Minsk" and "Hotel's in
   * Rome". Filler is never a place on its own.
   */
  readonly filler: boolean;
}

/** Phonetic codes of the filler words long enough for a sound-alike to be telling. */
const FILLER_SOUNDS: ReadonlySet<string> = new Set(
  [...FILLER_WORDS].filter((word) => word.length >= 4).flatMap((word) => keyOfLetters(word)?.codes ?? []),
);

function soundsLikeFiller(word: string): boolean {
  return word.length >= 4 && (keyOfLetters(word)?.codes.some((code) => FILLER_SOUNDS.has(code)) ?? false);
}

/**
 * A run of letters, digits, accents and the apostrophes text.ts joins words across ("Xi'an").
 * Everything else separates, as in text.ts's `words`; dotted initials ("D.C.") come out as
 * single letters here, which matters not for spoken queries.
 */
const WORD = /[\p{L}\p{N}\p{M}'\u2018\u2019\u02bb\u02bc\u0060\u00b4]+/gu;

export function transcriptWords(transcript: string): TranscriptWord[] {
  const found: { word: string; start: number; end: number }[] = [];
  for (const match of transcript.matchAll(WORD)) {
    const word = foldText(match[0]).replace(/[^\p{L}\p{N}]/gu, '');
    if (word) found.push({ word, start: match.index, end: match.index + match[0].length });
  }
  const filler = markFillers(found.map((w) => w.word));
  return found.map((w, i) => ({ ...w, filler: filler[i]! || soundsLikeFiller(w.word) }));
}
