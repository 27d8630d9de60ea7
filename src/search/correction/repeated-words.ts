/**
 * A transcript that says the same words twice over: "London London", "Mexico City Mexico City".
 * Whisper over a short window sometimes fills the time left after a one-word query by repeating
 * it (seen in the page's microphone path with the e2e fixtures london.wav and mexico-city.wav).
 * The catalogue decides: a place really named so ("Bora Bora", "Walla Walla", "Baden-Baden") is
 * kept; otherwise the repeat is the recogniser's, and one copy is the query.
 */
import type { SoundIndex } from './sound-index';
import { transcriptWords } from './transcript-words';

/** The first half of a transcript made of two identical halves, or null. */
export function collapseRepeatedHalves(index: SoundIndex, transcript: string): string | null {
  const words = transcriptWords(transcript);
  if (words.length < 2 || words.length % 2 !== 0) return null;
  const half = words.length / 2;
  for (let i = 0; i < half; i++) if (words[i]!.word !== words[half + i]!.word) return null;
  if (index.exact(words.map((w) => w.word).join(''))) return null;
  return transcript.slice(0, words[half - 1]!.end);
}
