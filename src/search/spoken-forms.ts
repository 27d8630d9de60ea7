/**
 * Words a place name can be written or said in two ways, brought to one form. A recogniser
 * writes what it hears ("saint petersburg", "twenty nine palms", "mt vernon"), the catalogue
 * what GeoNames has ("Saint Petersburg", "St. Petersburg", "Twentynine Palms", "Mount Vernon").
 * The place index (place-index.ts) and the query (query.ts) both pass their folded words
 * (text.ts) through spokenForms, so each spelling finds the other.
 *
 * In the catalogue (public/catalogue/places.json: 135,697 names and alternative names, counted
 * on their folded words): "saint" in 1420, "st" 76, "sankt" 152, "sainte" 119, "ste" 3, "mount"
 * 168, "mt" 1, "fort" 116, "ft" 0; spelled numbers or ordinals in 82 ("Seven Hills", "Ninety
 * Six", "Twentynine Palms", "Third Lake", "Chak Five Hundred Seventy-five"), numbers in digits in
 * 156 ("25 de Mayo", "Delmas 73"), ordinals in digits ("3rd") in none. "&" is in none and "and"
 * in 19 (countries and territories): "&" separates words and "and" is filler in a query, so
 * "Bosnia & Herzegovina" and "Bosnia and Herzegovina" already meet. The folds below change 306
 * names.
 *
 * Two folds, both applied the same way to names and to queries:
 * - a title abbreviation before another word becomes the full word: "st louis" → "saint louis",
 *   "mt vernon" → "mount vernon", and German "Sankt Gallen" → "saint gallen";
 * - spelled numbers become digits, ordinals digits with their suffix: "twenty nine" and
 *   "twentynine" → "29", "third" → "3rd", "five hundred seventy five" → "575".
 *
 * Neither fold touches a lone word at the end (an abbreviation with nothing after it, or a
 * number of one word): typed, it may be the start of a longer word, and the index prefix-matches
 * the last word ("st" → Stockholm, "ten" → Tenerife). Names get the same exception, so both
 * sides still agree: "Highway Seven" stays "highway seven".
 *
 * A library was considered for the numbers: words-to-numbers@1.5.1 (npm) converts whole
 * sentences but brings babel-runtime 6 and a ClojureScript fuzzy matcher (clj-fuzzy) for what is
 * here about sixty lines, and knows nothing of the lone-last-word rule or of ordinal suffixes.
 */

/**
 * Title abbreviations found before place names, and the word they stand for. The full word is
 * the one kept: it is what a recogniser writes, and what most catalogue names use.
 */
export const NAME_ABBREVIATIONS: ReadonlyArray<readonly [short: string, long: string]> = [
  ['st', 'saint'],
  ['ste', 'sainte'],
  ['ft', 'fort'],
  ['mt', 'mount'],
];

/**
 * Other words for "saint" before a name that an English speaker (and so the recogniser) says
 * as "Saint": "Sankt Gallen" is "St. Gallen" in English. Not "San", "Santa", "São": those are
 * said as they are ("San Francisco").
 */
const SAINT_SYNONYMS: ReadonlyArray<readonly [other: string, saint: string]> = [['sankt', 'saint']];

const BEFORE_A_NAME = new Map<string, string>([...NAME_ABBREVIATIONS, ...SAINT_SYNONYMS]);

const ABBREVIATION_SPELLINGS = new Map<string, string[]>(
  NAME_ABBREVIATIONS.flatMap(([short, long]) => [
    [short, [short, long]],
    [long, [long, short]],
  ]),
);

/**
 * A word and its abbreviation or expansion: "st" → ["st", "saint"]. For the sound index
 * (correction/sound-columns.ts), which stores both spellings because they sound different:
 * a recogniser that heard "saint louis" and one that heard "st louis" both match St. Louis.
 */
export function abbreviationSpellings(word: string): string[] {
  return ABBREVIATION_SPELLINGS.get(word) ?? [word];
}

/** Folded words with abbreviations written out and numbers in digits; see the module comment. */
export function spokenForms(words: readonly string[]): string[] {
  const out: string[] = [];
  for (let at = 0; at < words.length; ) {
    const isLast = (end: number) => end === words.length;
    const number = readNumber(words, at);
    if (number && !(number.end - at === 1 && isLast(number.end))) {
      out.push(number.text);
      at = number.end;
      continue;
    }
    const word = words[at]!;
    const long = BEFORE_A_NAME.get(word);
    out.push(long !== undefined && !isLast(at + 1) ? long : word);
    at++;
  }
  return out;
}

const UNITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const TEENS = ['ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const ORDINAL_UNITS = ['zeroth', 'first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth'];
const ORDINAL_TEENS = ['tenth', 'eleventh', 'twelfth', 'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'nineteenth'];
const ORDINAL_TENS = ['', '', 'twentieth', 'thirtieth', 'fortieth', 'fiftieth', 'sixtieth', 'seventieth', 'eightieth', 'ninetieth'];

/** What one number word contributes: a value in the units, teens or tens slot, or a multiplier. */
interface NumberWord {
  readonly kind: 'unit' | 'teen' | 'tens' | 'hundred' | 'thousand';
  readonly value: number;
  readonly ordinal: boolean;
}

const NUMBER_WORDS = new Map<string, NumberWord>();
/** Each word of `list` stands for its position × step + offset. */
const addWords = (list: readonly string[], kind: NumberWord['kind'], step: number, offset: number, ordinal: boolean) =>
  list.forEach((word, i) => word && NUMBER_WORDS.set(word, { kind, value: i * step + offset, ordinal }));
addWords(UNITS, 'unit', 1, 0, false);
addWords(ORDINAL_UNITS, 'unit', 1, 0, true);
addWords(TEENS, 'teen', 1, 10, false);
addWords(ORDINAL_TEENS, 'teen', 1, 10, true);
addWords(TENS, 'tens', 10, 0, false);
addWords(ORDINAL_TENS, 'tens', 10, 0, true);
for (const [word, kind, ordinal] of [
  ['hundred', 'hundred', false],
  ['hundredth', 'hundred', true],
  ['thousand', 'thousand', false],
  ['thousandth', 'thousand', true],
] as const) {
  NUMBER_WORDS.set(word, { kind, value: 0, ordinal });
}
// Tens and unit written as one word, as GeoNames does in "Twentynine Palms": "twentynine", "twentyfirst".
TENS.forEach((tens, t) => {
  if (!tens) return;
  for (let u = 1; u < 10; u++) {
    NUMBER_WORDS.set(tens + UNITS[u], { kind: 'tens', value: t * 10 + u, ordinal: false });
    NUMBER_WORDS.set(tens + ORDINAL_UNITS[u], { kind: 'tens', value: t * 10 + u, ordinal: true });
  }
});

/**
 * The longest run of number words from `start` that reads as one number, as its digits, or
 * null when words[start] is not a number word. Words that cannot continue the number start a
 * new one ("one two" is 1 then 2, "twenty thirty" 20 then 30); an ordinal ends it.
 */
export function readNumber(words: readonly string[], start: number): { text: string; end: number } | null {
  let total = 0; // thousands already closed
  let group = 0; // below a thousand
  // What the next word may fill: the slots still empty in the current group.
  let last: NumberWord['kind'] | null = null;
  let ordinal = false;
  let end = start;
  for (; end < words.length && !ordinal; end++) {
    const word = NUMBER_WORDS.get(words[end]!);
    if (!word || !fits(word, last, group, total)) break;
    if (word.kind === 'hundred') group *= 100;
    else if (word.kind === 'thousand') [total, group] = [(total + group) * 1000, 0];
    else group += word.value;
    // A joined "twentynine" fills the units slot too: nothing may follow it but a multiplier.
    last = word.kind === 'tens' && word.value % 10 !== 0 ? 'unit' : word.kind;
    ordinal = word.ordinal;
  }
  if (end === start) return null;
  const value = total + group;
  return { text: ordinal ? `${value}${ordinalSuffix(value)}` : String(value), end };
}

function fits(word: NumberWord, last: NumberWord['kind'] | null, group: number, total: number): boolean {
  const underHundred = group % 100;
  switch (word.kind) {
    case 'unit':
      // "twenty nine", "five hundred two"; not "nine nine" or "ten two".
      return last === null || last === 'hundred' || last === 'thousand' || (last === 'tens' && underHundred % 10 === 0);
    case 'teen':
    case 'tens':
      return last === null || last === 'hundred' || last === 'thousand';
    case 'hundred':
      // "five hundred", "twenty one hundred" is not a way anyone says 2100 in a place name.
      return last === 'unit' && group > 0 && group < 10;
    case 'thousand':
      return last !== null && last !== 'thousand' && group > 0 && total === 0;
  }
}

/** English ordinal suffix: 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st. */
export function ordinalSuffix(value: number): string {
  if (value % 100 >= 11 && value % 100 <= 13) return 'th';
  return ['th', 'st', 'nd', 'rd'][value % 10] ?? 'th';
}
