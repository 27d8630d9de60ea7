// Moonshine's tokenizer, decode direction only (the engine never prompts Moonshine with text).
//
// Moonshine uses LLaMA's SentencePiece vocabulary: 32000 pieces, padded to 32768 logits with
// unused ids (Jeffries et al., "Moonshine: Speech Recognition for Live Transcription and Voice
// Commands", 2024, §3.2). No tokenizer file ships with the ONNX weights; the published web app,
// moonshine-js 0.1.15 (`src/model.ts`), decodes with llama-tokenizer-js, whose embedded vocabulary
// staging extracts into `tokenizer-vocab.txt` (one piece per line, by id; models/manifest.json).
//
// Decoding a SentencePiece BPE sequence needs no merges: concatenate the pieces, turn byte-fallback
// pieces (`<0x0A>`) into raw bytes, read the bytes as UTF-8, turn the word-boundary mark `▁` into a
// space and drop the one space SentencePiece's `add_dummy_prefix` put before the first word. The
// same steps as llama-tokenizer-js's `decode` and Hugging Face tokenizers' LLaMA decoder (Replace
// ▁ → space, ByteFallback, Fuse, Strip one leading space).

/** What the Moonshine recogniser needs from a tokenizer. */
export interface MoonshineTokenizer {
  /** Number of pieces in the vocabulary (ids 0 … vocabSize − 1). */
  readonly vocabSize: number;
  /** Text of generated ids: control ids (`<unk>`, `<s>`, `</s>`) and ids past the vocabulary are skipped. */
  decode(ids: readonly number[]): string;
  /** One id's text as it reads inside a sequence: its word-boundary space kept ('' for control and unused ids). */
  pieceText(id: number): string;
}

/** SentencePiece's word-boundary mark, U+2581 LOWER ONE EIGHTH BLOCK. */
const WORD_BOUNDARY = '\u2581';
const BYTE_PIECE = /^<0x([0-9A-Fa-f]{2})>$/;
/** LLaMA's control pieces: <unk> 0, <s> 1, </s> 2. */
const LLAMA_CONTROL_IDS = [0, 1, 2];

export class SentencePieceDecoder implements MoonshineTokenizer {
  readonly vocabSize: number;
  /** UTF-8 bytes of every piece by id; byte-fallback pieces hold their one byte; control pieces none. */
  private readonly bytesOfId: readonly Uint8Array[];
  // Not fatal: a transcript cut inside a multi-byte character ends in U+FFFD instead of throwing.
  private readonly utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

  /**
   * @param vocabularyText one piece per line, line i holding id i (no trailing newline), as in
   * llama-tokenizer-js's embedded vocabulary.
   */
  static fromVocabularyText(vocabularyText: string, controlIds: readonly number[] = LLAMA_CONTROL_IDS): SentencePieceDecoder {
    return new SentencePieceDecoder(vocabularyText.split('\n'), controlIds);
  }

  constructor(pieces: readonly string[], controlIds: readonly number[] = LLAMA_CONTROL_IDS) {
    if (pieces.length < 259 || pieces[3] !== '<0x00>') {
      throw new Error(`Moonshine vocabulary: expected LLaMA's pieces (byte pieces from id 3), got ${pieces.length} pieces starting ${JSON.stringify(pieces.slice(0, 4))}`);
    }
    const encoder = new TextEncoder();
    const control = new Set(controlIds);
    this.vocabSize = pieces.length;
    this.bytesOfId = pieces.map((piece, id) => {
      if (control.has(id)) return new Uint8Array(0);
      const byte = BYTE_PIECE.exec(piece);
      return byte ? Uint8Array.of(parseInt(byte[1], 16)) : encoder.encode(piece.replaceAll(WORD_BOUNDARY, ' '));
    });
  }

  pieceText(id: number): string {
    const bytes = this.bytesOfId[id];
    return bytes ? this.utf8.decode(bytes) : '';
  }

  decode(ids: readonly number[]): string {
    const parts: Uint8Array[] = [];
    let length = 0;
    for (const id of ids) {
      const bytes = this.bytesOfId[id];
      if (!bytes) continue; // past the vocabulary: Moonshine's unused ids 32000–32767
      parts.push(bytes);
      length += bytes.length;
    }
    const joined = new Uint8Array(length);
    let offset = 0;
    for (const part of parts) {
      joined.set(part, offset);
      offset += part.length;
    }
    const text = this.utf8.decode(joined);
    return text.startsWith(' ') ? text.slice(1) : text;
  }
}
