// Whisper's tokenizer, both directions: text → token ids for prompts, ids → text for transcripts.
// It is GPT-2's byte-level BPE (see byte-level.ts and bpe.ts) plus Whisper's added tokens: the
// control tokens of the prompt and 1501 timestamps (openai/whisper whisper/tokenizer.py,
// `get_encoding`).
//
// It is built from tokenizer.json alone rather than vocab.json + merges.txt + added_tokens.json:
// tokenizer.json is the one file holding all three tables, and the only one listing the timestamp
// tokens (added_tokens.json in the Xenova exports stops at <|notimestamps|>). It also names the
// pre-tokenizer, model and decoder, so a file for a different scheme is refused rather than
// silently mis-encoded.
import { BytePairEncoding } from './bpe';
import { bytesOfSymbols, splitWords } from './byte-level';
import { parseTokenizerFile } from './tokenizer-file';

/** Ids of the tokens that frame a Whisper prompt and transcript. */
export interface WhisperSpecialTokens {
  /** <|endoftext|>: ends a transcript. */
  readonly endOfText: number;
  /** <|startoftranscript|>: first token of every prompt. */
  readonly startOfTranscript: number;
  readonly translate: number;
  readonly transcribe: number;
  readonly startOfLm: number;
  /** <|startofprev|>: introduces previous text given as context. */
  readonly startOfPrev: number;
  /** <|nocaptions|> in this vocabulary (<|nospeech|> in newer ones): its probability after start-of-transcript is the no-speech score. */
  readonly noSpeech: number;
  readonly noTimestamps: number;
  /** <|0.00|>: the first timestamp token. */
  readonly timestampBegin: number;
}

export interface DecodeOptions {
  /** Leave out control and timestamp tokens; when false they appear as their text, e.g. "<|0.00|>". Default true. */
  skipSpecialTokens?: boolean;
}

/** Timestamp tokens step by 20 ms: the encoder sees 10 ms mel frames and halves their rate (openai/whisper whisper/audio.py, TOKENS_PER_SECOND). */
const TIMESTAMP_STEPS_PER_SECOND = 50;

export class WhisperTokenizer {
  readonly special: WhisperSpecialTokens;
  /** One past the highest id: the width of the decoder's logits (51865 for whisper-tiny). */
  readonly vocabSize: number;
  private readonly lastTimestamp: number;
  /** The UTF-8 bytes of every id, so decoding needs no per-character work. */
  private readonly bytesOfId: readonly Uint8Array[];
  /** 1 for added tokens (control and timestamp), by id. */
  private readonly isAddedId: Uint8Array;
  private readonly idOfAddedToken: ReadonlyMap<string, number>;
  private readonly idOfVocabToken: ReadonlyMap<string, number>;
  private readonly bpe: BytePairEncoding;
  // ignoreBOM keeps a leading U+FEFF in the text instead of swallowing it, so decode inverts encode.
  // Not fatal: bytes that are not UTF-8 (a transcript cut inside a character) become U+FFFD.
  private readonly utf8 = new TextDecoder('utf-8', { ignoreBOM: true });

  /** @param tokenizerJson the text of a Whisper tokenizer.json */
  static fromJson(tokenizerJson: string): WhisperTokenizer {
    return new WhisperTokenizer(tokenizerJson);
  }

  private constructor(tokenizerJson: string) {
    const { vocab, merges, addedTokens } = parseTokenizerFile(tokenizerJson);
    this.idOfVocabToken = vocab;
    this.idOfAddedToken = new Map(addedTokens.map(({ content, id }) => [content, id]));
    this.bpe = new BytePairEncoding(vocab, merges);

    const utf8 = new TextEncoder();
    const bytesOfId: Uint8Array[] = [];
    for (const [token, id] of vocab) bytesOfId[id] = bytesOfSymbols(token);
    for (const { content, id } of addedTokens) bytesOfId[id] = utf8.encode(content);
    this.bytesOfId = bytesOfId;
    this.vocabSize = bytesOfId.length; // an array's length is its highest index + 1
    this.isAddedId = new Uint8Array(this.vocabSize);
    for (const { id } of addedTokens) this.isAddedId[id] = 1;

    this.special = {
      endOfText: this.requireAdded('<|endoftext|>'),
      startOfTranscript: this.requireAdded('<|startoftranscript|>'),
      translate: this.requireAdded('<|translate|>'),
      transcribe: this.requireAdded('<|transcribe|>'),
      startOfLm: this.requireAdded('<|startoflm|>'),
      startOfPrev: this.requireAdded('<|startofprev|>'),
      noSpeech: this.requireAdded('<|nocaptions|>', '<|nospeech|>'),
      noTimestamps: this.requireAdded('<|notimestamps|>'),
      timestampBegin: this.requireAdded('<|0.00|>'),
    };
    this.lastTimestamp = this.findLastTimestamp();
  }

  /**
   * Token ids of plain text, without special tokens. Text that looks like a special token, such as
   * "<|en|>", is encoded as the characters it is made of, never as that token.
   */
  encode(text: string): number[] {
    const ids: number[] = [];
    for (const word of splitWords(text)) {
      for (const id of this.bpe.encodeWord(word)) ids.push(id);
    }
    return ids;
  }

  /**
   * The text of a token sequence. Bytes are joined before UTF-8 decoding because a character
   * can be split across tokens (the four bytes of "🎉" take two). Throws a RangeError on an id outside the vocabulary.
   */
  decode(ids: readonly number[], { skipSpecialTokens = true }: DecodeOptions = {}): string {
    const parts: Uint8Array[] = [];
    let length = 0;
    for (const id of ids) {
      const bytes = this.bytesOfId[id];
      if (bytes === undefined) throw new RangeError(`tokenizer: no token has id ${id}`);
      if (skipSpecialTokens && this.isAddedId[id] === 1) continue;
      parts.push(bytes);
      length += bytes.length;
    }
    const joined = new Uint8Array(length);
    let at = 0;
    for (const bytes of parts) {
      joined.set(bytes, at);
      at += bytes.length;
    }
    return this.utf8.decode(joined);
  }

  /** The id of a language token, e.g. 'en' → 50259. Throws on a code the model was not trained with. */
  languageId(code: string): number {
    const id = this.idOfAddedToken.get(`<|${code}|>`);
    // Language tokens sit between start-of-transcript and translate (whisper/tokenizer.py, `sot_sequence`);
    // the range check keeps e.g. 'transcribe' from passing for a language.
    if (id === undefined || id <= this.special.startOfTranscript || id >= this.special.translate) {
      throw new Error(`unknown language '${code}'`);
    }
    return id;
  }

  /** The id of a token given as written in tokenizer.json: "<|en|>" for added tokens, byte-level text such as "Ġthe" for others. */
  tokenId(token: string): number | undefined {
    return this.idOfAddedToken.get(token) ?? this.idOfVocabToken.get(token);
  }

  /** True for control tokens (<|endoftext|>, languages, tasks, …) and timestamps. */
  isSpecial(id: number): boolean {
    return this.isAddedId[id] === 1;
  }

  isTimestamp(id: number): boolean {
    return id >= this.special.timestampBegin && id <= this.lastTimestamp;
  }

  /** The time a timestamp token stands for, e.g. <|1.00|> → 1. Throws a RangeError for other tokens. */
  timestampSeconds(id: number): number {
    if (!this.isTimestamp(id)) throw new RangeError(`tokenizer: ${id} is not a timestamp token`);
    // Dividing (not multiplying by 0.02) gives the double nearest the decimal, e.g. 57 → 1.14, not 1.1400000000000001.
    return (id - this.special.timestampBegin) / TIMESTAMP_STEPS_PER_SECOND;
  }

  private requireAdded(...names: string[]): number {
    for (const name of names) {
      const id = this.idOfAddedToken.get(name);
      if (id !== undefined) return id;
    }
    throw new Error(`tokenizer: the vocabulary has no ${names.join(' or ')} token`);
  }

  /** Timestamps follow <|0.00|> in steps of 0.02 s; the last is the end of the run of ids whose text says so. */
  private findLastTimestamp(): number {
    let id = this.special.timestampBegin;
    while (this.idOfAddedToken.get(timestampText(id + 1 - this.special.timestampBegin)) === id + 1) id++;
    return id;
  }
}

function timestampText(step: number): string {
  return `<|${(step / TIMESTAMP_STEPS_PER_SECOND).toFixed(2)}|>`;
}
