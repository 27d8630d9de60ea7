/**
 * How place names and queries become words. The index and the query go through the same
 * functions, so whatever spelling the catalogue uses ("Zürich", "São Paulo", "Xi'an") and
 * whatever a person or the recogniser writes ("Zurich", "Sao Paulo", "Xian") meet on one form.
 * Words that differ by more than spelling ("St." and "Saint", "29" and "twenty nine") are
 * brought together after this, by spoken-forms.ts.
 */

/**
 * Letters that Unicode decomposition (NFKD) does not split into a base letter and a mark, with
 * the ASCII spelling an English speaker (or Whisper) would use for them.
 */
const LETTER_FOLDS: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ł: 'l',
  ı: 'i',
  ħ: 'h',
  ŧ: 't',
  ŋ: 'ng',
};
const FOLDABLE = new RegExp(`[${Object.keys(LETTER_FOLDS).join('')}]`, 'gu');

/** Apostrophes and the modifier letters used like them (Hawaiʻi, Xi'an, O’Fallon). */
const APOSTROPHES = /['\u2018\u2019\u02bb\u02bc\u0060\u00b4]/gu;

/** Combining marks left over after NFKD: the accents themselves. */
const MARKS = /\p{M}+/gu;

/** Anything that is not a letter or a digit separates words. */
const SEPARATORS = /[^\p{L}\p{N}]+/u;

/** Single letters joined by dots, as in "D.C." or "U.S.", not preceded by another letter or digit. */
const DOTTED_INITIALS = /(?<![\p{L}\p{N}])\p{L}(?:\.\p{L})+(?![\p{L}\p{N}])\.?/gu;

/**
 * Lower case without accents: "Zürich" → "zurich", "Łódź" → "lodz", "Hawaiʻi" → "hawaii".
 * Apostrophes join rather than split ("Xi'an" → "xian"), because a recogniser writes the
 * name either way and one word is the safer meeting point.
 */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(MARKS, '')
    .toLowerCase()
    .replace(FOLDABLE, (letter) => LETTER_FOLDS[letter] ?? letter)
    .replace(APOSTROPHES, '');
}

/**
 * Folded words of a text, in order: "Saint-Étienne (Loire)" → ["saint", "etienne", "loire"].
 * Dotted initials make one word ("Washington, D.C." → ["washington", "dc"]), the way a
 * recogniser may also write them.
 */
export function words(text: string): string[] {
  return foldText(text)
    .replace(DOTTED_INITIALS, (initials) => initials.replaceAll('.', ''))
    .split(SEPARATORS)
    .filter((word) => word.length > 0);
}
