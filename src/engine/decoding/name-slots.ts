import type { Tensor } from 'onnxruntime-common';
import { boundaryMask, completeNamesAfter, type NameCompletionOptions, type SlotName } from './constrained-names';
import type { MergedDecoder } from './decode-utterance';
import { NameTrie, withoutAccents } from './name-trie';

/** How a family writes text for its decoder: a name or a prefix after a word boundary, as token ids. */
export interface SlotSpelling {
  /** Token ids of `text` as the decoder writes it after a word boundary (or at the start). */
  encode(text: string): number[];
  /** A token's text, its leading space kept ('' for special tokens). */
  tokenText(token: number): string;
  vocabSize: number;
  endOfText: number;
}

/**
 * A recogniser's names for constrained decoding (Recognizer.useNames / completeNames), the same
 * for both families: the trie built from the names with the family's tokenizer (each name as
 * written and, when it has accents, without them: the models were trained on transcripts that
 * mostly write "Sao Paulo"), and the boundary mask, made once on first use.
 */
export class NameSlots {
  private trie: NameTrie | undefined;
  private boundary: Uint8Array | undefined;

  /** `spelling` is read on first use (a recogniser's fields are not all set when this is made). */
  constructor(private readonly spellingOf: () => SlotSpelling) {}

  use(names: readonly string[]): void {
    const { encode } = this.spellingOf();
    this.trie = NameTrie.build(names, (name) => {
      const plain = withoutAccents(name);
      return plain ? [encode(name), encode(plain)] : [encode(name)];
    });
  }

  async complete(decoder: MergedDecoder, hidden: Tensor, prompt: readonly number[], prefixes: readonly string[], options: Partial<NameCompletionOptions>): Promise<SlotName[][]> {
    const trie = this.trie;
    if (!trie) throw new Error('constrained decoding needs the names it may write: call useNames first');
    const { encode, tokenText, vocabSize, endOfText } = this.spellingOf();
    // The continuation's text, its leading space kept (" Russia."): piece by piece, which is exact for the English the slots hear.
    const decode = (ids: readonly number[]) => ids.map(tokenText).join('');
    this.boundary ??= boundaryMask(vocabSize, tokenText, endOfText);
    const tokens = prefixes.map((p) => (p.trim() === '' ? [] : encode(p.trim())));
    return completeNamesAfter(decoder, hidden, { prompt, prefixes: tokens, trie, vocabSize, boundary: this.boundary, endOfText, decode }, options);
  }
}
