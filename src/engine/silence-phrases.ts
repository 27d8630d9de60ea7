/**
 * What Whisper and Moonshine write when there is nothing to transcribe. Both were trained on
 * subtitled video, and on silence, noise, hum or music they fall back on what subtitles say
 * there: "Thank you.", "you", "♪", a subtitler's credit. Measured on the project's 60 noise clips
 * (`npm run -s noise-set`) with end-of-text barred from coming first: moonshine-tiny-q8 wrote
 * "You" (38), "♪" (11), "© transcript Emily Beynon" and "© ^" (12), "Thank you." (1);
 * whisper-tiny-q8, past its no-speech rule, wrote "Thank you." (16), "the" (4), "you" (3),
 * "Thanks for watching!" (2), "It's a bit of" (2), "Okay.", "The End of the", "and", "Eeeee"; with
 * beam search also "Yeah, yeah." (3), "Yeah." (2), "Thank you so much."; with a domain prompt,
 * "Music" and "Music playing". openai/whisper discussion #928 collects the same phrases from
 * long-form transcription.
 *
 * None of them is a search: a person who says "thank you" to a search box is not looking for a
 * place. They are still only dropped when the model's own no-speech evidence is at least moderate
 * (safeguards.ts, silencePhraseThreshold), so that this list is a tie-breaker, not a censor.
 */

/** Whole transcripts (folded: lower case, no punctuation) that are subtitle filler, not speech. */
const SILENCE_PHRASES: ReadonlySet<string> = new Set([
  'you',
  'thank you',
  'thank you very much',
  'thanks',
  'thanks for watching',
  'thank you for watching',
  'thank you so much for watching',
  'thank you so much',
  'bye',
  'bye bye',
  // Whisper's beam search on noise prefers these (docs/ACCURACY.md, + beam search).
  'yeah',
  'yeah yeah',
  'yeah yeah yeah',
  // Subtitles' "[Music]", written out.
  'music',
  'music playing',
  // A lone article or interjection is not a query either.
  'the',
  'a',
  'okay',
  'oh',
  'and',
]);

/** Subtitle credits: "© transcript Emily Beynon", "Subtitles by …", "Transcription by …". */
const CREDIT = /^(©|\(c\)|subtitles? by|transcri(pt|bed|ption) by|captions? by|translated by)/i;

/** Whether a transcript is filler a model writes on silence rather than words it heard. */
export function isSilencePhrase(text: string): boolean {
  const trimmed = text.trim();
  if (CREDIT.test(trimmed)) return true;
  // Letters in any script count as words; "♪", "...", "^" alone do not.
  const folded = trimmed.toLowerCase().replace(/[^\p{L}\p{N}\s']/gu, ' ').replace(/\s+/g, ' ').trim();
  if (folded === '') return true;
  return SILENCE_PHRASES.has(folded);
}
