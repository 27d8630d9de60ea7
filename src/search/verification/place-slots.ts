/**
 * Where in what was heard a place may stand, for the recogniser to name it there by constrained
 * decoding (src/engine/decoding/constrained-names.ts), and the names it may write. Pure.
 *
 * A slot opens after a carrier phrase ("weather in", "flights to", "how far is") — found by the
 * word that ends it — or at the very start, where a query that is only a place ("Lucknow India")
 * has it. The carrier's other words are often misheard ("Whether in", "Restaurant's near") but its
 * last word, short and common, usually survives, so the slot is found by that word alone. When it
 * did not ("Flight stormed it" for "flights to Irbid"), a carrier phrase whose first word sounds
 * like the heard one is given to the decoder instead, and the place named after it.
 */
import { similarity } from '../correction/edit-distance';
import { keyOfLetters } from '../correction/phonetic-key';
import type { SoundIndex } from '../correction/sound-index';
import { transcriptWords } from '../correction/transcript-words';
import type { VerificationOptions } from './verification-options';

export interface PlaceSlot {
  /** The text the decoder is given before the slot: the heard words before it ('' at the start), or a carrier phrase. */
  readonly prefix: string;
  /** Index of the first heard word after the prefix (transcriptWords of the heard text); for a carrier phrase, 0. */
  readonly start: number;
  /**
   * True when the prefix is a carrier phrase put in place of the heard text's first words ("Flight
   * stormed it" → "Flights to …"): the name and the phrase together replace a run of words from
   * the start (place-candidates.ts chooses which).
   */
  readonly carrier?: boolean;
}

/**
 * The slots of `heard`: after each carrier word, then a carrier phrase in place of a misheard
 * one, at most `maxSlots`; the start only when there is neither (a query with a carrier rarely
 * opens with its place). A carrier word that ends the text opens a slot too ("Weather in" with
 * the name lost).
 */
export function placeSlots(heard: string, options: Pick<VerificationOptions, 'carrierWords' | 'carrierPhrases' | 'maxSlots'>): PlaceSlot[] {
  const words = transcriptWords(heard);
  const carriers = new Set(options.carrierWords);
  const slots: PlaceSlot[] = [];
  words.forEach((w, i) => {
    if (carriers.has(w.word)) slots.push({ prefix: heard.slice(0, w.end), start: i + 1 });
  });
  const phrase = carrierPhraseLike(words.map((w) => w.word), options.carrierPhrases);
  // Not when a carrier word already opens a slot where the phrase would end ("Hotel in" for "hotels in").
  if (phrase && !slots.some((s) => s.start <= phrase.split(' ').length)) slots.push({ prefix: phrase[0]!.toUpperCase() + phrase.slice(1), start: 0, carrier: true });
  // The start only when nothing else opens a slot: in "Parking near me" the place would follow
  // "near", and a name put in for "Parking" is a place forced onto a query that names none.
  if (slots.length === 0) slots.push({ prefix: '', start: 0 });
  return slots.slice(0, options.maxSlots);
}

/**
 * The carrier phrase the heard text most likely opens with, misheard: its first word sounds like
 * the phrase's ("Flight" for "flights", "Whether" for "weather"), and of several such phrases the
 * one spelled most like the heard words it would stand for. Null when none does, or when the
 * text already opens with the phrase as written.
 */
function carrierPhraseLike(heard: readonly string[], phrases: readonly string[]): string | null {
  if (heard.length === 0) return null;
  const first = keyOfLetters(heard[0]!);
  let best: string | null = null;
  let bestLikeness = 0;
  for (const phrase of phrases) {
    const words = phrase.split(' ');
    if (words.every((w, i) => heard[i] === w)) return null;
    const key = keyOfLetters(words[0]!);
    const sounds = first && key && first.codes.some((a) => key.codes.some((b) => similarity(a, b) >= MIN_FIRST_WORD_LIKENESS));
    if (!sounds) continue;
    const likeness = similarity(heard.slice(0, words.length).join(''), words.join(''));
    if (likeness > bestLikeness) {
      bestLikeness = likeness;
      best = phrase;
    }
  }
  return best;
}

/** How alike (Double Metaphone codes) a heard first word and a carrier phrase's must be: "FLT" and "FLTS" are. */
const MIN_FIRST_WORD_LIKENESS = 0.75;

/**
 * The names constrained decoding may write: every spelling the sound index holds (names and
 * alternative names, as the catalogue writes them) of a country or of a city of at least
 * `slotMinPopulation` people, once each.
 */
export function slotNames(sounds: SoundIndex, options: Pick<VerificationOptions, 'slotMinPopulation'>): string[] {
  const names = new Set<string>();
  for (const entry of sounds.spellings()) {
    const place = sounds.places[entry.place]!;
    if (place.kind === 'country' || place.population >= options.slotMinPopulation) names.add(entry.name);
  }
  return [...names];
}
