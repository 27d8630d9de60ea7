// Text → Moonshine's token ids: LLaMA's SentencePiece BPE, encode direction, for scoring candidate
// transcripts (decoding/teacher-forced.ts). As SentencePiece's BPE model encodes
// (`bpe_model.cc`, Model::Encode) with LLaMA's normaliser: a space before the text
// (add_dummy_prefix), every space written as `▁`, then the text split into characters and the
// adjacent pair whose joined piece scores highest merged, again and again. LLaMA's merged pieces
// score lower the higher their id (score −(id − 259) in its tokenizer.model), so the best pair is
// the one whose piece has the lowest id. A character with no piece falls back to its UTF-8 bytes
// (`<0x..>`, ids 3–258). Checked against llama-tokenizer-js 1.2.2, an independent implementation
// (fixtures/reference/llama-tokenizer.json; sentencepiece-encoder.test.ts).

const WORD_BOUNDARY = '\u2581';
const BYTE_PIECE = /^<0x[0-9A-Fa-f]{2}>$/;
/** LLaMA's byte pieces start at id 3 (<0x00>). */
const FIRST_BYTE_ID = 3;

export class SentencePieceEncoder {
  private readonly idOfPiece = new Map<string, number>();
  private readonly utf8 = new TextEncoder();

  /** @param pieces the vocabulary by id; `controlIds` (<unk>, <s>, </s>) are never produced. */
  constructor(pieces: readonly string[], controlIds: readonly number[] = [0, 1, 2]) {
    const control = new Set(controlIds);
    pieces.forEach((piece, id) => {
      if (control.has(id) || BYTE_PIECE.test(piece) || this.idOfPiece.has(piece)) return;
      this.idOfPiece.set(piece, id);
    });
  }

  encode(text: string): number[] {
    const symbols = Array.from(WORD_BOUNDARY + text.replaceAll(' ', WORD_BOUNDARY));
    for (;;) {
      let best = -1;
      let bestId = Infinity;
      for (let i = 0; i + 1 < symbols.length; i++) {
        const id = this.idOfPiece.get(symbols[i]! + symbols[i + 1]!);
        if (id !== undefined && id < bestId) {
          bestId = id;
          best = i;
        }
      }
      if (best < 0) break;
      symbols.splice(best, 2, symbols[best]! + symbols[best + 1]!);
    }
    const ids: number[] = [];
    for (const symbol of symbols) {
      const id = this.idOfPiece.get(symbol);
      if (id !== undefined) ids.push(id);
      else for (const byte of this.utf8.encode(symbol)) ids.push(FIRST_BYTE_ID + byte);
    }
    return ids;
  }
}
