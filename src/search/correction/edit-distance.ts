/**
 * Levenshtein distance for scoring correction candidates. A query scores a few thousand
 * (span, name) pairs, so the common case, a pattern of at most 32 letters, uses Myers'
 * bit-parallel algorithm: one pass over the text with a handful of 32-bit operations per
 * letter instead of a row of the dynamic-programming table. Longer patterns (a few place names
 * such as "Thiruvananthapuram"-length compounds joined without spaces) fall back to the table.
 *
 * Source: G. Myers, "A fast bit-vector algorithm for approximate string matching based on
 * dynamic programming", J. ACM 46(3), 1999, in the edit-distance (global) form given by
 * H. Hyyrö, "Explaining and extending the bit-parallel approximate string matching algorithm
 * of Myers", 2001, Fig. 3 with the text's first letter matched against the whole pattern.
 */

const WORD_BITS = 32;

/**
 * Per-letter match masks of the pattern, reused between calls (the module is single-threaded):
 * an array for the ASCII letters transcripts and names are folded to, a map for any other.
 * Each call clears what it set.
 */
const asciiPeq = new Int32Array(128);
const otherPeq = new Map<number, number>();

/** Insertions, deletions and substitutions needed to turn `a` into `b`. */
export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  // The shorter string is the pattern: it must fit in the bit vector.
  const [pattern, text] = a.length <= b.length ? [a, b] : [b, a];
  if (pattern.length === 0) return text.length;
  if (pattern.length > WORD_BITS) return levenshteinTable(pattern, text);

  for (let i = 0; i < pattern.length; i++) {
    const code = pattern.charCodeAt(i);
    if (code < 128) asciiPeq[code] = asciiPeq[code]! | (1 << i);
    else otherPeq.set(code, (otherPeq.get(code) ?? 0) | (1 << i));
  }
  const last = 1 << (pattern.length - 1);
  let pv = -1; // vertical positive deltas: every row starts one more than the row above
  let mv = 0;
  let score = pattern.length;
  for (let j = 0; j < text.length; j++) {
    const letter = text.charCodeAt(j);
    const eq = letter < 128 ? asciiPeq[letter]! : (otherPeq.get(letter) ?? 0);
    const xv = eq | mv;
    const xh = (((eq & pv) + pv) ^ pv) | eq;
    let ph = mv | ~(xh | pv);
    let mh = pv & xh;
    if (ph & last) score++;
    else if (mh & last) score--;
    // The horizontal delta entering row 0 is +1 (global distance: the top row counts up).
    ph = (ph << 1) | 1;
    mh <<= 1;
    pv = mh | ~(xv | ph);
    mv = ph & xv;
  }
  for (let i = 0; i < pattern.length; i++) {
    const code = pattern.charCodeAt(i);
    if (code < 128) asciiPeq[code] = 0;
  }
  otherPeq.clear();
  return score;
}

/** The textbook dynamic programme, one row at a time; for patterns too long for a bit vector. */
export function levenshteinTable(a: string, b: string): number {
  let previous = new Int32Array(b.length + 1).map((_, j) => j);
  let current = new Int32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1);
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length]!;
}

/** 1 for equal strings, 0 when every letter of the longer one must change. */
export function similarity(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  return longer === 0 ? 1 : 1 - levenshtein(a, b) / longer;
}
