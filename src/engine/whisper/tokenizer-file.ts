// Reads a Hugging Face tokenizer.json (the `tokenizers` library's serialisation) into the three
// tables a byte-level BPE needs, and refuses files that describe a different scheme: our encoder
// implements exactly ByteLevel pre-tokenisation + BPE + ByteLevel decoding, with no normaliser.

/** A token outside the BPE vocabulary: Whisper's control tokens and its timestamps, e.g. "<|en|>". */
export interface AddedToken {
  readonly id: number;
  readonly content: string;
}

export interface TokenizerFile {
  /** byte-level token text → id, e.g. "Ġthe" → 264 */
  readonly vocab: ReadonlyMap<string, number>;
  /** merge pairs in priority order */
  readonly merges: readonly (readonly [string, string])[];
  readonly addedTokens: readonly AddedToken[];
}

interface TokenizerJson {
  normalizer: unknown;
  pre_tokenizer: { type?: string; add_prefix_space?: boolean; use_regex?: boolean } | null;
  decoder: { type?: string } | null;
  model: { type?: string; vocab?: Record<string, number>; merges?: (string | [string, string])[] };
  added_tokens?: { id: number; content: string }[];
}

export function parseTokenizerFile(text: string): TokenizerFile {
  const json = JSON.parse(text) as TokenizerJson;
  const check = (holds: boolean, what: string) => {
    if (!holds) throw new Error(`tokenizer.json: expected ${what}`);
  };
  check(json.normalizer == null, 'no normalizer');
  check(json.pre_tokenizer?.type === 'ByteLevel', 'a ByteLevel pre_tokenizer');
  check(json.pre_tokenizer?.use_regex !== false, 'the ByteLevel pre_tokenizer to split with its regex');
  check(json.pre_tokenizer?.add_prefix_space !== true, 'no prefix space added before the text');
  check(json.decoder?.type === 'ByteLevel', 'a ByteLevel decoder');
  check(json.model?.type === 'BPE', 'a BPE model');
  check(typeof json.model.vocab === 'object' && Array.isArray(json.model.merges), 'model.vocab and model.merges');
  const vocab = new Map<string, number>();
  // for…in rather than Object.entries: it skips 50,000 throw-away [key, value] arrays at load.
  for (const token in json.model.vocab) vocab.set(token, json.model.vocab[token]);
  return {
    vocab,
    // tokenizers ≥ 0.20.0 writes each merge as a pair (huggingface/swift-transformers#131); older
    // files, like Xenova's exports, as "left right".
    merges: json.model.merges!.map((merge) => (typeof merge === 'string' ? splitMerge(merge) : merge)),
    addedTokens: (json.added_tokens ?? []).map(({ id, content }) => ({ id, content })),
  };
}

/** Byte-level token text never contains a space (space is written 'Ġ'), so the first space separates the pair. */
function splitMerge(merge: string): [string, string] {
  const space = merge.indexOf(' ');
  if (space <= 0) throw new Error(`tokenizer.json: malformed merge ${JSON.stringify(merge)}`);
  return [merge.slice(0, space), merge.slice(space + 1)];
}
