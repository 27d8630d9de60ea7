/**
 * Every distinct phonetic code of the catalogue in a trie, with a search for the codes within a
 * few edits of a query code: the classic walk that extends one row of the edit-distance table
 * per trie node and abandons a branch as soon as its row's minimum exceeds the allowance (as in
 * MiniSearch's fuzzy search, or S. Hanov, "Fast and easy Levenshtein distance using a trie",
 * 2011). Codes sharing a prefix share its rows, and most of the ~100,000 codes are never
 * reached. The nodes live in typed arrays (letter, first child, next sibling, code) rather than
 * an object per node, which keeps the index small and quick to build.
 */

export class CodeTrie {
  private readonly letter: Uint16Array;
  private readonly firstChild: Int32Array;
  private readonly nextSibling: Int32Array;
  /** Node → index into `codes` of the code ending there, or -1. */
  private readonly codeAt: Int32Array;
  /**
   * Node → length of the longest code through it. A query code of 10 letters cannot be within 2
   * edits of any code shorter than 8, and most of the catalogue's codes are: with `shortest`,
   * this lets the walk drop a branch as soon as the letters its codes have left cannot make up
   * the query's, or the other way round.
   */
  private readonly longest: Uint8Array;
  /** Node → length of the shortest code ending at or below it. */
  private readonly shortest: Uint8Array;
  private readonly codes: readonly string[];
  /** Every letter the codes use, for the one-edit search to try in each place (empty in the backwards trie, which only walks). */
  private readonly alphabet: readonly string[];
  private readonly depth: number;
  /** Rows of the edit-distance table, one per trie depth, reused between searches. */
  private rows: Int32Array[] = [];

  /**
   * The same codes spelled backwards, in a trie of their own, with each one's index among the
   * codes: the search from the end for two edits or more (withinFromBothEnds).
   */
  private readonly backwards: { readonly trie: CodeTrie; readonly index: Int32Array } | null;

  /**
   * `codes` in any order, with repeats; already sorted by code unit and distinct (as the
   * catalogue ships them, sound-columns.ts), they are taken as they are and keep their indices.
   * `fromBothEnds` builds the backwards trie too (about as big again, and as long to build).
   */
  constructor(codes: Iterable<string>, fromBothEnds = true) {
    const list = [...codes];
    this.codes = sortedAndDistinct(list) ? list : [...new Set(list)].sort();
    let nodes = 1;
    for (let i = 0; i < this.codes.length; i++) nodes += this.codes[i]!.length - sharedPrefix(this.codes[i - 1] ?? '', this.codes[i]!);
    this.letter = new Uint16Array(nodes);
    this.firstChild = new Int32Array(nodes).fill(-1);
    this.nextSibling = new Int32Array(nodes).fill(-1);
    this.codeAt = new Int32Array(nodes).fill(-1);
    this.longest = new Uint8Array(nodes);
    this.shortest = new Uint8Array(nodes).fill(255);

    // Sorted input: the path of the previous code is the only one still growing.
    const path = [0];
    const lastChild: number[] = [-1];
    let used = 1;
    let depth = 0;
    this.codes.forEach((code, index) => {
      const shared = sharedPrefix(this.codes[index - 1] ?? '', code);
      path.length = shared + 1;
      lastChild.length = shared + 1;
      for (let d = shared; d < code.length; d++) {
        const node = used++;
        const parent = path[d]!;
        this.letter[node] = code.charCodeAt(d);
        const previous = lastChild[d]!;
        if (previous >= 0 && this.firstChild[parent] !== -1) this.nextSibling[previous] = node;
        else this.firstChild[parent] = node;
        lastChild[d] = node;
        path.push(node);
        lastChild.push(-1);
      }
      this.codeAt[path[code.length]!] = index;
      const length = Math.min(code.length, 255);
      for (const node of path) {
        this.longest[node] = Math.max(this.longest[node]!, length);
        this.shortest[node] = Math.min(this.shortest[node]!, length);
      }
      depth = Math.max(depth, code.length);
    });
    this.depth = depth;
    this.alphabet = fromBothEnds ? alphabetOf(this.codes) : [];
    this.backwards = fromBothEnds ? backwardsTrie(this.codes) : null;
  }

  get size(): number {
    return this.codes.length;
  }

  /**
   * Calls `found(code, distance, index)` for every code within `maxEdits` edits of `query`, in
   * the codes' sorted order; `index` is its position in it.
   *
   * Within one edit, trying every string one edit away is cheaper than the walk (withinOneEdit).
   *
   * Only the band of each row within `maxEdits` of the diagonal is computed (E. Ukkonen,
   * "Algorithms for approximate string matching", Information and Control 64, 1985): a cell
   * farther off it costs more than the allowance. Values over the allowance are kept at
   * allowance + 1, which leaves every value within it exact.
   */
  within(query: string, maxEdits: number, found: (code: string, distance: number, index: number) => void): void {
    if (maxEdits === 1 && this.alphabet.length > 0 && this.alphabet.length <= MAX_NEIGHBOUR_ALPHABET) return this.withinOneEdit(query, found);
    if (maxEdits >= 2 && query.length >= 2 && this.backwards) return this.withinFromBothEnds(query, maxEdits, found);
    this.walk(query, maxEdits, 0, maxEdits, found);
  }

  /**
   * `within` for two edits or more, as two narrower walks (pattern partitioning: R. Baeza-Yates
   * and G. Navarro, "Faster approximate string matching", Algorithmica 23, 1999). Cut the query
   * in halves: a code within k edits of it spends at most ⌊k/2⌋ of them on the first half, or at
   * most ⌊k/2⌋ on the second (both more would make k + 1 or more). So the codes are those found
   * by a walk from the start that allows only ⌊k/2⌋ edits until past the first half, and those
   * found by the same walk over the codes spelled backwards for the second half. Near the root,
   * where the full allowance lets almost every branch through, each walk allows one edit
   * rather than two. On the seven- to twelve-letter codes of the transcripts' spans, two edits
   * away, the two walks took 0.9–1.2 ms where the one took 1.6–2.1 ms (600 codes, busy 2-core
   * machine). Both give exact distances; the union is reported in sorted order, like the walk.
   */
  private withinFromBothEnds(query: string, maxEdits: number, found: (code: string, distance: number, index: number) => void): void {
    const { trie, index } = this.backwards!;
    const half = query.length >> 1;
    const halfEdits = maxEdits >> 1;
    const distances = new Map<number, number>();
    this.walk(query, maxEdits, half, halfEdits, (_code, distance, at) => distances.set(at, distance));
    trie.walk(reversed(query), maxEdits, query.length - half, halfEdits, (_code, distance, at) => distances.set(index[at]!, distance));
    for (const at of [...distances.keys()].sort((a, b) => a - b)) found(this.codes[at]!, distances.get(at)!, at);
  }

  /**
   * The walk (see `within`), reporting codes as it reaches them, in sorted order. With `front`
   * > 0, only the codes whose first letters are within `frontEdits` of the query's first
   * `front` are sure to be reported (others may be): a branch is dropped while no cell of its
   * row up to column `front` is within `frontEdits`, unless an earlier row's cell at that
   * column was, and the rest of the query may then take the full allowance.
   */
  private walk(query: string, maxEdits: number, front: number, frontEdits: number, found: (code: string, distance: number, index: number) => void): void {
    const width = query.length + 1;
    if ((this.rows[0]?.length ?? 0) < width) this.rows = Array.from({ length: this.depth + 1 }, () => new Int32Array(width));
    const rows = this.rows;
    const over = maxEdits + 1;
    for (let j = 0; j < width; j++) rows[0]![j] = Math.min(j, over);
    const last = width - 1;
    const letters = Uint16Array.from(query, (c) => c.charCodeAt(0));
    // Locals, not fields, in the hot loop.
    const { firstChild, nextSibling, letter: letterOf, shortest, longest, codeAt, codes } = this;
    // `passed`: a row above had the front's column within frontEdits; no front constraint is the same.
    const visit = (node: number, depth: number, passed: boolean): void => {
      const i = depth + 1; // the row of the children's letters
      const lo = Math.max(1, i - maxEdits);
      const hi = Math.min(last, i + maxEdits);
      const above = rows[depth]!;
      const row = rows[i]!;
      for (let child = firstChild[node]!; child !== -1; child = nextSibling[child]!) {
        // Letters the codes below still have, at least and at most.
        const fewest = shortest[child]! - i;
        const most = longest[child]! - i;
        if (most < last - maxEdits - i) continue; // every code below is too short to come within reach
        const letter = letterOf[child]!;
        row[0] = i < over ? i : over;
        if (lo > 1) row[lo - 1] = over; // left of the band
        // The best any code below can end with: a cell's value plus the edits its length
        // difference forces (query letters left against code letters left).
        let bestEnd = over;
        if (lo === 1) bestEnd = row[0] + lengthGap(last, fewest, most);
        for (let j = lo; j <= hi; j++) {
          let value = above[j - 1]! + (letters[j - 1] === letter ? 0 : 1);
          const up = above[j]! + 1;
          const left = row[j - 1]! + 1;
          if (up < value) value = up;
          if (left < value) value = left;
          if (over < value) value = over;
          row[j] = value;
          const end = value + lengthGap(last - j, fewest, most);
          if (end < bestEnd) bestEnd = end;
        }
        if (hi < last) row[hi + 1] = over; // right of the band: read by the next row
        if (bestEnd > maxEdits) continue; // nothing below can come back within the allowance
        let frontPassed = passed;
        if (!passed) {
          // The cheapest way the code's letters so far can match part of the front.
          let frontBest = lo === 1 ? row[0] : over;
          const frontHi = hi < front ? hi : front;
          for (let j = lo; j <= frontHi; j++) if (row[j]! < frontBest) frontBest = row[j]!;
          if (frontBest > frontEdits) continue;
          frontPassed = front >= lo && front <= hi && row[front]! <= frontEdits;
        }
        const code = codeAt[child]!;
        if (code >= 0 && hi === last && row[last]! <= maxEdits) found(codes[code]!, row[last]!, code);
        visit(child, i, frontPassed);
      }
    };
    visit(0, 0, front === 0 || Math.min(front, over) <= frontEdits);
  }

  /**
   * `within` for one edit: looks up the query and every string one deletion, substitution or
   * insertion away (about 35 per query letter with Double Metaphone's 16 or so letters), and
   * reports those that are codes in sorted order, as the walk does. Short codes are where one
   * edit is allowed (correction-options.ts), and there the walk reaches a good part of the
   * trie: 0.25–0.6 ms a query on the full catalogue against a few hundredths here.
   */
  private withinOneEdit(query: string, found: (code: string, distance: number, index: number) => void): void {
    const hits = new Set<number>();
    const codes = this.codes;
    // Binary search of the sorted codes: no map of 100,000 codes to build and keep for it.
    const look = (candidate: string) => {
      let low = 0;
      let high = codes.length - 1;
      while (low <= high) {
        const middle = (low + high) >> 1;
        const code = codes[middle]!;
        if (code === candidate) return void hits.add(middle);
        if (code < candidate) low = middle + 1;
        else high = middle - 1;
      }
    };
    look(query);
    for (let i = 0; i <= query.length; i++) {
      const before = query.slice(0, i);
      const after = query.slice(i);
      if (i < query.length) look(before + query.slice(i + 1));
      for (const letter of this.alphabet) {
        look(before + letter + after);
        if (i < query.length && letter !== query[i]) look(before + letter + query.slice(i + 1));
      }
    }
    for (const index of [...hits].sort((a, b) => a - b)) {
      const code = this.codes[index]!;
      found(code, code === query ? 0 : 1, index);
    }
  }
}

/**
 * The one-edit search tries about 2 × alphabet strings per query letter: cheap for Double
 * Metaphone's 16 or so letters, not for an alphabet of hundreds (words in many scripts), where
 * the walk is used instead. A bound with room above the codes' alphabet, not a tuned figure.
 */
const MAX_NEIGHBOUR_ALPHABET = 40;

/** Backwards by code unit, the unit the walk compares. */
function reversed(text: string): string {
  let out = '';
  for (let i = text.length - 1; i >= 0; i--) out += text[i];
  return out;
}

/** The distinct letters of the codes, by code unit. */
function alphabetOf(codes: readonly string[]): string[] {
  const letters = new Set<number>();
  for (const code of codes) for (let i = 0; i < code.length; i++) letters.add(code.charCodeAt(i));
  return [...letters].sort((a, b) => a - b).map((unit) => String.fromCharCode(unit));
}

/** The codes spelled backwards, sorted, in a trie (without one of its own), and where each is among `codes`. */
function backwardsTrie(codes: readonly string[]): { trie: CodeTrie; index: Int32Array } {
  const backwards = codes.map(reversed);
  const indexOf = new Map(backwards.map((code, index) => [code, index]));
  backwards.sort(); // by code unit, as the trie wants; the codes are distinct, so backwards too
  return { trie: new CodeTrie(backwards, false), index: Int32Array.from(backwards, (code) => indexOf.get(code)!) };
}

/** Edits at least, to match `left` more query letters with between `fewest` and `most` more code letters. */
function lengthGap(left: number, fewest: number, most: number): number {
  return left > most ? left - most : left < fewest ? fewest - left : 0;
}

/** True when `codes` ascend strictly by code unit, the order the trie numbers them in. */
export function sortedAndDistinct(codes: readonly string[]): boolean {
  for (let i = 1; i < codes.length; i++) if (!(codes[i - 1]! < codes[i]!)) return false;
  return true;
}

function sharedPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}
