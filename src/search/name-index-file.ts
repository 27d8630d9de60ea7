/**
 * The name index stored as a file (public/catalogue/places.names.bin, 3.0 MB, 0.68 MB as brotli),
 * so the search worker reads the index instead of tokenising 135,697 names and inserting their
 * terms one by one into the radix tree on every visit. In Chromium's search worker, during a
 * page load (`npm run build && npx tsx scripts/catalogue/search-worker-timings.ts --runs 5`,
 * medians, busy 2-core machine): the place index took 1.85 s to build and 0.72 s from this file.
 * MiniSearch's own JSON (tried earlier, see index.ts) was slower to load than building, because
 * loading it re-inserts every term; this file stores the tree itself.
 *
 * Layout: a header of eight 32-bit words, then the sections in this order (32-bit ones first,
 * so every typed-array view is aligned; byte order is the machine's, little-endian on every
 * platform a browser runs on, and checked by the magic number):
 *
 *   header    magic, version, entries, shape words, labels, terms, postings, label bytes
 *   shape     Int32   the radix tree in pre-order: a node is its child count, then per child
 *                     either LEAF (the node's term ends here: the next term's postings) or a
 *                     labelled child (the next label) written as a node in turn
 *   counts    Uint32  per term, in leaf order: how many entries it occurs in
 *   entries   Uint32  the postings' entries, each term's ascending, as differences (first as itself)
 *   lengths   Uint8   per entry: distinct terms in its name (MiniSearch's field length)
 *   frequency Uint8   per posting: how often the term occurs in that entry's name
 *   labels    UTF-8   the tree's edge labels in pre-order, separated by NUL
 *
 * Children are written in the tree's own order (Map insertion order), which is the order
 * lookups return terms in, so the read tree answers exactly as the built one
 * (name-index-file.test.ts compares them).
 */

/** A radix tree as minisearch's SearchableMap keeps it: edge label → child, '' → the value. */
export interface StoredTree<V> extends Map<string, V | StoredTree<V>> {}

/** Entry → how often the term occurs in its name. */
export type StoredPostings = Map<number, number>;

export interface StoredNames {
  readonly tree: StoredTree<StoredPostings>;
  /** Entry → distinct terms in its name. */
  readonly lengths: ArrayLike<number>;
}

export class NameIndexFileError extends Error {
  constructor(message: string) {
    super(`name index file: ${message}`);
    this.name = 'NameIndexFileError';
  }
}

/** "VSNI" read as a little-endian 32-bit word. */
const MAGIC = 0x494e5356;
/** 1: the first layout. */
export const NAME_INDEX_FILE_VERSION = 1;
const HEADER_WORDS = 8;
const LEAF = -1;
const SEPARATOR = '\0';

export function encodeNameIndexFile({ tree, lengths }: StoredNames): Uint8Array {
  const shape: number[] = [];
  const labels: string[] = [];
  const counts: number[] = [];
  const entries: number[] = [];
  const frequencies: number[] = [];
  const walk = (node: StoredTree<StoredPostings>) => {
    shape.push(node.size);
    for (const [label, child] of node) {
      if (label === '') {
        const postings = child as StoredPostings;
        shape.push(LEAF);
        counts.push(postings.size);
        let previous = 0;
        let first = true;
        for (const [entry, frequency] of postings) {
          // Differences need ascending entries; NameIndex.build adds them in entry order.
          if (!Number.isInteger(entry) || entry < 0 || (!first && entry <= previous)) throw new NameIndexFileError(`postings must ascend by entry, met ${entry} after ${previous}`);
          first = false;
          if (frequency < 1 || frequency > 255) throw new NameIndexFileError(`frequency ${frequency} does not fit a byte`);
          entries.push(entry - previous);
          previous = entry;
          frequencies.push(frequency);
        }
      } else {
        if (label.includes(SEPARATOR)) throw new NameIndexFileError(`label ${JSON.stringify(label)} holds the separator`);
        labels.push(label);
        walk(child as StoredTree<StoredPostings>);
      }
    }
  };
  walk(tree);
  for (let i = 0; i < lengths.length; i++) {
    if (lengths[i]! > 255) throw new NameIndexFileError(`entry ${i} has ${lengths[i]} terms, more than a byte holds`);
  }
  const labelBytes = new TextEncoder().encode(labels.join(SEPARATOR));

  const words = HEADER_WORDS + shape.length + counts.length + entries.length;
  const out = new Uint8Array(words * 4 + lengths.length + frequencies.length + labelBytes.length);
  const header = [MAGIC, NAME_INDEX_FILE_VERSION, lengths.length, shape.length, labels.length, counts.length, entries.length, labelBytes.length];
  let offset = 0;
  const put32 = (values: readonly number[], View: typeof Int32Array | typeof Uint32Array) => {
    new View(out.buffer, offset, values.length).set(values);
    offset += values.length * 4;
  };
  put32(header, Uint32Array);
  put32(shape, Int32Array);
  put32(counts, Uint32Array);
  put32(entries, Uint32Array);
  out.set(Array.from(lengths), offset);
  offset += lengths.length;
  out.set(frequencies, offset);
  offset += frequencies.length;
  out.set(labelBytes, offset);
  return out;
}

/**
 * Reads a file written by encodeNameIndexFile back into a tree, checking every count and bound
 * on the way: the file arrives over the network and may be truncated, stale or another version.
 * `entryCount` is how many names the catalogue it goes with has. Throws NameIndexFileError.
 */
export function decodeNameIndexFile(bytes: ArrayBuffer | Uint8Array, entryCount: number): StoredNames {
  const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  // A copy only if the bytes do not start on a 4-byte boundary (typed-array views need one).
  const data = view.byteOffset % 4 === 0 ? view : view.slice();
  const buffer = data.buffer;
  const base = data.byteOffset;
  if (data.byteLength < HEADER_WORDS * 4) throw new NameIndexFileError(`${data.byteLength} bytes, shorter than its header`);
  const header = new Uint32Array(buffer, base, HEADER_WORDS);
  const [magic, version, entries, shapeWords, labelCount, termCount, postingCount, labelByteCount] = header as unknown as number[];
  if (magic !== MAGIC) throw new NameIndexFileError('not a name index (wrong magic number)');
  if (version !== NAME_INDEX_FILE_VERSION) throw new NameIndexFileError(`version ${version}, this code reads version ${NAME_INDEX_FILE_VERSION}`);
  if (entries !== entryCount) throw new NameIndexFileError(`${entries} entries, the catalogue has ${entryCount} names`);
  const expected = (HEADER_WORDS + shapeWords! + termCount! + postingCount!) * 4 + entries + postingCount! + labelByteCount!;
  if (data.byteLength !== expected) throw new NameIndexFileError(`${data.byteLength} bytes, its header says ${expected}`);

  let offset = base + HEADER_WORDS * 4;
  const take32 = <T>(View: new (buffer: ArrayBufferLike, offset: number, length: number) => T, length: number): T => {
    const section = new View(buffer, offset, length);
    offset += length * 4;
    return section;
  };
  const shape = take32(Int32Array, shapeWords!);
  const counts = take32(Uint32Array, termCount!);
  const deltas = take32(Uint32Array, postingCount!);
  const lengths = new Uint8Array(buffer, offset, entries);
  offset += entries;
  const frequencies = new Uint8Array(buffer, offset, postingCount!);
  offset += postingCount!;
  const labels = labelCount === 0 ? [] : new TextDecoder().decode(new Uint8Array(buffer, offset, labelByteCount!)).split(SEPARATOR);
  if (labels.length !== labelCount) throw new NameIndexFileError(`${labels.length} labels, its header says ${labelCount}`);

  let at = 0;
  let label = 0;
  let term = 0;
  let posting = 0;
  const read = (): StoredTree<StoredPostings> => {
    if (at >= shape.length) throw new NameIndexFileError('the tree ends early');
    const children = shape[at++]!;
    if (children < 0) throw new NameIndexFileError(`a node with ${children} children`);
    const node: StoredTree<StoredPostings> = new Map();
    for (let i = 0; i < children; i++) {
      if (at >= shape.length) throw new NameIndexFileError('the tree ends early');
      if (shape[at] === LEAF) {
        at++;
        if (term >= counts.length) throw new NameIndexFileError(`more terms than the ${counts.length} its header says`);
        const count = counts[term++]!;
        if (posting + count > deltas.length) throw new NameIndexFileError('postings run past their section');
        const postings: StoredPostings = new Map();
        let entry = 0;
        for (let j = 0; j < count; j++, posting++) {
          entry += deltas[posting]!;
          const frequency = frequencies[posting]!;
          if (entry >= entries || frequency === 0) throw new NameIndexFileError(`posting ${posting} is entry ${entry} × ${frequency}, there are ${entries} entries`);
          postings.set(entry, frequency);
        }
        node.set('', postings);
      } else {
        if (label >= labels.length) throw new NameIndexFileError(`more labels than the ${labels.length} its header says`);
        const edge = labels[label++]!;
        node.set(edge, read());
      }
    }
    return node;
  };
  const tree = read();
  if (at !== shape.length || term !== counts.length || posting !== deltas.length || label !== labels.length) {
    throw new NameIndexFileError('sections left over once the tree was read');
  }
  return { tree, lengths };
}
