/**
 * How a name or a span of transcript words sounds: the Double Metaphone codes of its letters
 * with the spaces removed. Removing the spaces is what lets a span of several misheard words
 * meet a one-word name and the other way round: "turn on" (TRNN) is one consonant from
 * "Toronto" (TRNT), "Jebel Pour" and "Jabalpur" are both JPLPR.
 *
 * Double Metaphone (L. Philips, "The Double Metaphone Search Algorithm", C/C++ Users Journal,
 * June 2000; npm double-metaphone) keeps consonant sounds and drops inner vowels, which is
 * what a recogniser gets wrong least; it returns a second code for names it reads two ways
 * ("Xavier", Germanic and Slavic spellings), and both are indexed and looked up.
 */
import { doubleMetaphone } from 'double-metaphone';
import { words } from '../text';

export interface PhoneticKey {
  /** Folded letters without spaces: "Saint-Étienne" → "saintetienne". */
  readonly letters: string;
  /** The primary code, and the alternative when it differs (one or two distinct codes). */
  readonly codes: readonly string[];
}

/** Only Latin letters and digits have a sound to Double Metaphone; "東京" has none. */
const SOUNDABLE = /^[a-z0-9]+$/;

/** The key of a text as its folded words (text.ts), or null when it has no Latin letters. */
export function phoneticKey(text: string): PhoneticKey | null {
  return keyOfLetters(words(text).join(''));
}

/** The key of letters already folded and joined. */
export function keyOfLetters(letters: string): PhoneticKey | null {
  if (!SOUNDABLE.test(letters)) return null;
  const [primary, alternative] = doubleMetaphone(letters);
  if (!primary) return null;
  return { letters, codes: alternative && alternative !== primary ? [primary, alternative] : [primary] };
}
