import { spellCardinal, spellOrdinal } from './spell-number';

/**
 * The text normalisation applied to both reference and hypothesis before scoring WER. Whisper
 * writes "3rd street, 25%" where a reference may say "third street twenty five percent"; neither is
 * wrong, so both are brought to one spoken form:
 *
 * 1. Unicode NFKC, lower case; curly quotes folded to straight ones.
 * 2. Symbols spoken as words: % → "percent", & → "and", + → "plus", @ → "at".
 * 3. Numbers spelled out: digits with thousands separators ("3,000" → "three thousand"), ordinals
 *    ("3rd" → "third"), decimals digit by digit after "point" ("2.5" → "two point five").
 * 4. Every other character that is not a letter, digit or apostrophe inside a word becomes a
 *    space (hyphens and punctuation split words); apostrophes are kept inside words ("don't").
 * 5. Whitespace collapsed.
 *
 * It deliberately does not expand contractions or fix spelling variants (colour/color): those
 * are real differences a user would see.
 */
export function normalizeForWer(text: string): string {
  let s = text.normalize('NFKC').toLowerCase().replace(/[\u2018\u2019\u02bc]/g, "'");
  s = s.replace(/%/g, ' percent ').replace(/&/g, ' and ').replace(/\+/g, ' plus ').replace(/@/g, ' at ');
  s = s.replace(/\b(\d{1,3}(?:,\d{3})+|\d+)(st|nd|rd|th)\b/g, (_, digits: string) => ` ${spellOrdinal(Number(digits.replace(/,/g, '')))} `);
  s = s.replace(/\b(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?\b/g, (_, whole: string, fraction: string | undefined) => {
    const spoken = spellCardinal(Number(whole.replace(/,/g, '')));
    const decimals = fraction ? ' point ' + [...fraction].map((d) => spellCardinal(Number(d))).join(' ') : '';
    return ` ${spoken}${decimals} `;
  });
  s = s.replace(/[^\p{L}\p{N}']+/gu, ' ');
  // Apostrophes only survive between letters: quotes around words and "dogs'" lose them.
  s = s.replace(/(^|[^\p{L}])'+|'+(?=[^\p{L}]|$)/gu, '$1');
  return s.replace(/\s+/g, ' ').trim();
}
