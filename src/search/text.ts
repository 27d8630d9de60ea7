/**
 * How place names and queries become index terms. The index and the query go through the same
 * functions, so whatever spelling the catalogue uses ("Zürich", "São Paulo", "St. Gallen") and
 * whatever a person or the recogniser writes ("Zurich", "Sao Paulo", "Saint Gallen") meet on
 * one form.
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

/**
 * Abbreviations found in place names, and the word they stand for. Both spellings are put in
 * the index for a name that has either, so "St. Petersburg", "Saint Petersburg" and
 * "st petersburg" all find GeoNames' "Saint Petersburg" without rewriting the query (rewriting
 * the query would break typing: "st" is also the start of "Stockholm").
 */
const NAME_ABBREVIATIONS: ReadonlyArray<readonly [short: string, long: string]> = [
  ['st', 'saint'],
  ['ste', 'sainte'],
  ['ft', 'fort'],
  ['mt', 'mount'],
];
const SPELLINGS = new Map<string, string[]>(
  NAME_ABBREVIATIONS.flatMap(([short, long]) => [
    [short, [short, long]],
    [long, [long, short]],
  ]),
);

/** The index terms for one folded word of a name: the word, plus its abbreviation or expansion. */
export function indexSpellings(word: string): string[] {
  return SPELLINGS.get(word) ?? [word];
}
