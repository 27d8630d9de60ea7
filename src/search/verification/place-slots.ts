/**
 * Where in what was heard a place may stand, for the recogniser to name it there by constrained
 * decoding (src/engine/decoding/constrained-names.ts), and the names it may write. Pure.
 *
 * A slot opens after a carrier phrase ("weather in", "flights to", "how far is") — found by the
 * word that ends it — or at the very start, where a query that is only a place ("Lucknow India")
 * has it. The carrier's other words are often misheard ("Whether in", "Restaurant's near") but its
 * last word, short and common, nearly always survives, so the slot is found by that word alone.
 */
import type { SoundIndex } from '../correction/sound-index';
import { transcriptWords } from '../correction/transcript-words';
import type { VerificationOptions } from './verification-options';

export interface PlaceSlot {
  /** The heard text before the slot, as the recogniser wrote it ('' at the start). */
  readonly prefix: string;
  /** Index of the first word after the prefix (transcriptWords of the heard text). */
  readonly start: number;
}

/**
 * The slots of `heard`: after each carrier word, then the start, at most `maxSlots` (the
 * start last: a query with a carrier rarely opens with its place). A carrier word that ends the
 * text opens a slot too ("Weather in" with the name lost).
 */
export function placeSlots(heard: string, options: Pick<VerificationOptions, 'carrierWords' | 'maxSlots'>): PlaceSlot[] {
  const words = transcriptWords(heard);
  const carriers = new Set(options.carrierWords);
  const slots: PlaceSlot[] = [];
  words.forEach((w, i) => {
    if (carriers.has(w.word)) slots.push({ prefix: heard.slice(0, w.end), start: i + 1 });
  });
  slots.push({ prefix: '', start: 0 });
  return slots.slice(0, options.maxSlots);
}

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
