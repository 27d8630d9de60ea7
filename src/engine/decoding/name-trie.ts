/**
 * A prefix tree over the token sequences of a closed list of names (the catalogue's places), for
 * constrained decoding (constrained-names.ts): from a node, the decoder may only write a token
 * that leads on to some name, as in autoregressive entity retrieval (GENRE, De Cao et al. 2021,
 * "Autoregressive Entity Retrieval", §2.3: a prefix tree over the entity names' BPE tokens).
 *
 * Built once per model, with that model's own tokenizer (Whisper's byte-level BPE, Moonshine's
 * SentencePiece pieces): a name is tokenised as the decoder writes it after a word boundary, the
 * way teacher forcing scores it (teacher-forced.ts). Nodes are numbered from the root (0); edges
 * are kept in one Map per node with children: for the app's 23,519 slot names, built once per
 * model in the engine worker, after its load (engine-host.ts).
 */
export class NameTrie {
  /** node → (token → child node); absent for a leaf. */
  private readonly edges: Map<number, number>[] = [new Map()];
  /** node → the names (indices into `names`) whose token sequence ends there. */
  private readonly ends = new Map<number, number[]>();
  /** Tokens of the longest name: no constrained pass needs more steps. */
  private longest = 0;

  private constructor(readonly names: readonly string[]) {}

  /**
   * `spellings(name)`: the token sequences name `i` may be written as (e.g. as the catalogue
   * writes it and without its accents); empty sequences are skipped.
   */
  static build(names: readonly string[], spellings: (name: string) => readonly (readonly number[])[]): NameTrie {
    const trie = new NameTrie(names);
    names.forEach((name, index) => {
      for (const tokens of spellings(name)) trie.add(tokens, index);
    });
    return trie;
  }

  private add(tokens: readonly number[], index: number): void {
    if (tokens.length === 0) return;
    let node = 0;
    for (const token of tokens) {
      const out = this.edges[node]!;
      let next = out.get(token);
      if (next === undefined) {
        next = this.edges.length;
        this.edges.push(new Map());
        out.set(token, next);
      }
      node = next;
    }
    const list = this.ends.get(node);
    if (!list) this.ends.set(node, [index]);
    else if (!list.includes(index)) list.push(index);
    this.longest = Math.max(this.longest, tokens.length);
  }

  get root(): number {
    return 0;
  }

  get maxTokens(): number {
    return this.longest;
  }

  /** The tokens that may follow `node`, and where each leads. */
  children(node: number): ReadonlyMap<number, number> {
    return this.edges[node]!;
  }

  /** Names (indices) complete at `node`; empty when none ends there. */
  namesAt(node: number): readonly number[] {
    return this.ends.get(node) ?? NO_NAMES;
  }
}

const NO_NAMES: readonly number[] = [];

/** A name without its accents ("São Paulo" → "Sao Paulo"), or null when it has none. */
export function withoutAccents(name: string): string | null {
  const plain = name.normalize('NFD').replace(/\p{M}/gu, '').normalize('NFC');
  return plain === name ? null : plain;
}
