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
  private readonly depth: number;
  /** Rows of the edit-distance table, one per trie depth, reused between searches. */
  private rows: Int32Array[] = [];

  /**
   * `codes` in any order, with repeats; already sorted by code unit and distinct (as the
   * catalogue ships them, sound-columns.ts), they are taken as they are and keep their indices.
   */
  constructor(codes: Iterable<string>) {
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
  }

  get size(): number {
    return this.codes.length;
  }

  /**
   * Calls `found(code, distance, index)` for every code within `maxEdits` edits of `query`;
   * `index` is its position in the sorted codes.
   *
   * Only the band of each row within `maxEdits` of the diagonal is computed (E. Ukkonen,
   * "Algorithms for approximate string matching", Information and Control 64, 1985): a cell
   * farther off it costs more than the allowance. Values over the allowance are kept at
   * allowance + 1, which leaves every value within it exact.
   */
  within(query: string, maxEdits: number, found: (code: string, distance: number, index: number) => void): void {
    const width = query.length + 1;
    if ((this.rows[0]?.length ?? 0) < width) this.rows = Array.from({ length: this.depth + 1 }, () => new Int32Array(width));
    const rows = this.rows;
    const over = maxEdits + 1;
    for (let j = 0; j < width; j++) rows[0]![j] = Math.min(j, over);
    const last = width - 1;
    const letters = Uint16Array.from(query, (c) => c.charCodeAt(0));
    // Locals, not fields, in the hot loop.
    const { firstChild, nextSibling, letter: letterOf, shortest, longest, codeAt, codes } = this;
    const visit = (node: number, depth: number): void => {
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
        const code = codeAt[child]!;
        if (code >= 0 && hi === last && row[last]! <= maxEdits) found(codes[code]!, row[last]!, code);
        visit(child, i);
      }
    };
    visit(0, 0);
  }
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
