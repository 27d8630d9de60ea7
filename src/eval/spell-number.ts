/**
 * English words for whole numbers and ordinals, so "25" and "twenty five" score the same in WER.
 * American style without "and" ("one hundred one"), hyphens written as spaces.
 */

const ONES = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const SCALES: [number, string][] = [
  [1e12, 'trillion'],
  [1e9, 'billion'],
  [1e6, 'million'],
  [1e3, 'thousand'],
];

function below1000(n: number): string[] {
  const words: string[] = [];
  if (n >= 100) {
    words.push(ONES[Math.floor(n / 100)], 'hundred');
    n %= 100;
  }
  if (n >= 20) {
    words.push(TENS[Math.floor(n / 10)]);
    if (n % 10) words.push(ONES[n % 10]);
  } else if (n > 0) {
    words.push(ONES[n]);
  }
  return words;
}

/** 1960 → "one thousand nine hundred sixty". Integers up to 10^15. */
export function spellCardinal(n: number): string {
  if (!Number.isSafeInteger(n) || n < 0) throw new RangeError(`cannot spell ${n}`);
  if (n === 0) return 'zero';
  const words: string[] = [];
  let rest = n;
  for (const [value, name] of SCALES) {
    if (rest >= value) {
      words.push(...below1000(Math.floor(rest / value)), name);
      rest %= value;
    }
  }
  words.push(...below1000(rest));
  return words.join(' ');
}

const IRREGULAR_ORDINALS: Record<string, string> = {
  one: 'first',
  two: 'second',
  three: 'third',
  five: 'fifth',
  eight: 'eighth',
  nine: 'ninth',
  twelve: 'twelfth',
};

/** 3 → "third", 21 → "twenty first", 40 → "fortieth". */
export function spellOrdinal(n: number): string {
  const words = spellCardinal(n).split(' ');
  const last = words[words.length - 1];
  words[words.length - 1] = IRREGULAR_ORDINALS[last] ?? (last.endsWith('y') ? last.slice(0, -1) + 'ieth' : last + 'th');
  return words.join(' ');
}
