// GPT-2's byte-level scheme, which Whisper's vocabulary inherits: text is split into words by a
// regular expression, each word's UTF-8 bytes are written as one visible character per byte, and
// BPE works on those characters. tokenizer.json calls this the "ByteLevel" pre-tokenizer/decoder.

/**
 * The word-splitting pattern of GPT-2 (openai/gpt-2 src/encoder.py, `self.pat`) and Whisper
 * (openai/whisper whisper/tokenizer.py, `pat_str`): English contractions, a run of letters,
 * of digits or of other symbols (each with at most one leading space), then whitespace. The
 * `\s+(?!\S)` branch leaves a run's last space to prefix the next word, as in " world".
 */
const WORD_PATTERN = /'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+/gu;

/** Splits text into the words BPE encodes one at a time; joined, they give back the text. */
export function splitWords(text: string): string[] {
  return text.match(WORD_PATTERN) ?? [];
}

/**
 * The character standing for each byte (openai/gpt-2 src/encoder.py, `bytes_to_unicode`). The
 * 188 printable Latin-1 bytes ('!'..'~', '¡'..'¬', '®'..'ÿ') stand for themselves; the other
 * 68 (controls, space, DEL, NBSP, soft hyphen) are given U+0100, U+0101, … in byte order, so
 * space becomes 'Ġ' (U+0120) and newline 'Ċ' (U+010A). Every byte thus has a printable,
 * non-space stand-in, which lets vocab.json and merges.txt be plain text split on spaces.
 */
export const SYMBOL_OF_BYTE: readonly string[] = (() => {
  const isPrintable = (byte: number) =>
    (byte >= 0x21 && byte <= 0x7e) || (byte >= 0xa1 && byte <= 0xac) || (byte >= 0xae && byte <= 0xff);
  const symbols: string[] = [];
  let nextStandIn = 0x100;
  for (let byte = 0; byte < 256; byte++) {
    symbols.push(String.fromCharCode(isPrintable(byte) ? byte : nextStandIn++));
  }
  return symbols;
})();

/** Inverse of SYMBOL_OF_BYTE, indexed by UTF-16 code unit; -1 for characters outside the alphabet. */
const BYTE_OF_SYMBOL: Int16Array = (() => {
  const bytes = new Int16Array(0x100 + 68).fill(-1);
  SYMBOL_OF_BYTE.forEach((symbol, byte) => {
    bytes[symbol.charCodeAt(0)] = byte;
  });
  return bytes;
})();

/** The bytes a vocabulary entry such as "Ġthe" stands for; throws on a character outside the alphabet. */
export function bytesOfSymbols(symbols: string): Uint8Array {
  const bytes = new Uint8Array(symbols.length);
  for (let i = 0; i < symbols.length; i++) {
    const byte = BYTE_OF_SYMBOL[symbols.charCodeAt(i)] ?? -1;
    if (byte < 0) throw new Error(`tokenizer: vocabulary entry ${JSON.stringify(symbols)} is not byte-level text`);
    bytes[i] = byte;
  }
  return bytes;
}
