// Byte-pair encoding of one word (Sennrich et al. 2016, as used by GPT-2 and Whisper): start from
// one token per byte, then keep merging the adjacent pair that comes earliest in the merge list
// until no listed pair remains (openai/gpt-2 src/encoder.py, `Encoder.bpe`).
import { SYMBOL_OF_BYTE } from './byte-level';

/** A word's ids are remembered up to this many words; past it the memo starts over, so a long-lived worker stays bounded. */
const MEMO_LIMIT = 20_000;

export class BytePairEncoding {
  /** Token id of each single byte. */
  private readonly idOfByte = new Int32Array(256);
  /** Merge rank by pair key (see pairKey); a lower rank merges first. */
  private readonly rankOfPair = new Map<number, number>();
  /** The token a merge produces, by rank. */
  private readonly mergedIdOfRank: Int32Array;
  /** Pair keys are left * idStride + right, exact in a double for any vocabulary under 2^26 tokens. */
  private readonly idStride: number;
  private readonly memo = new Map<string, readonly number[]>();
  private readonly utf8 = new TextEncoder();

  /**
   * @param vocab byte-level token text → id, e.g. "Ġthe" → 264
   * @param merges pairs of token texts in priority order, e.g. ["Ġ", "t"] first
   */
  constructor(vocab: ReadonlyMap<string, number>, merges: readonly (readonly [string, string])[]) {
    const idOf = (token: string): number => {
      const id = vocab.get(token);
      if (id === undefined) throw new Error(`tokenizer: merges use ${JSON.stringify(token)}, which is not in the vocabulary`);
      return id;
    };
    SYMBOL_OF_BYTE.forEach((symbol, byte) => {
      this.idOfByte[byte] = idOf(symbol);
    });
    // A loop, not Math.max(...ids): some engines cap a call at 65536 arguments.
    let highestId = 0;
    for (const id of vocab.values()) highestId = Math.max(highestId, id);
    this.idStride = highestId + 1;
    this.mergedIdOfRank = new Int32Array(merges.length);
    merges.forEach(([left, right], rank) => {
      const key = idOf(left) * this.idStride + idOf(right);
      // A repeated pair keeps its first, higher-priority rank.
      if (!this.rankOfPair.has(key)) this.rankOfPair.set(key, rank);
      this.mergedIdOfRank[rank] = idOf(left + right);
    });
  }

  /** Token ids of one pre-tokenised word (see splitWords). The array is shared: do not modify it. */
  encodeWord(word: string): readonly number[] {
    const known = this.memo.get(word);
    if (known) return known;
    const ids = this.merge(Array.from(this.utf8.encode(word), (byte) => this.idOfByte[byte]));
    if (this.memo.size >= MEMO_LIMIT) this.memo.clear();
    this.memo.set(word, ids);
    return ids;
  }

  private merge(ids: number[]): number[] {
    while (ids.length > 1) {
      let bestRank = Infinity;
      let bestAt = -1;
      for (let i = 0; i + 1 < ids.length; i++) {
        const rank = this.rankOfPair.get(ids[i] * this.idStride + ids[i + 1]);
        if (rank !== undefined && rank < bestRank) {
          bestRank = rank;
          bestAt = i;
        }
      }
      if (bestAt < 0) break;
      // Merge every occurrence of the best pair, left to right, as encoder.py does: in "aaa"
      // the pair (a, a) becomes "aa" + "a", never "a" + "aa".
      const left = ids[bestAt];
      const right = ids[bestAt + 1];
      const merged: number[] = ids.slice(0, bestAt);
      for (let i = bestAt; i < ids.length; ) {
        if (ids[i] === left && ids[i + 1] === right && i + 1 < ids.length) {
          merged.push(this.mergedIdOfRank[bestRank]);
          i += 2;
        } else {
          merged.push(ids[i++]);
        }
      }
      ids = merged;
    }
    return ids;
  }
}
