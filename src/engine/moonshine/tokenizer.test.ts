/**
 * Moonshine's decoder over the staged vocabulary (public/models/moonshine-tiny-q8/, put there and
 * hash-checked by `npm run stage`): token ids Moonshine produced for jfk.wav decode to the known
 * transcript, and text encoded by llama-tokenizer-js (the tokenizer moonshine-js decodes with, an
 * independent implementation) decodes back to itself.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SentencePieceDecoder } from './tokenizer';

const vocabulary = readFileSync('public/models/moonshine-tiny-q8/tokenizer-vocab.txt', 'utf8');
const tokenizer = SentencePieceDecoder.fromVocabularyText(vocabulary);

describe('SentencePieceDecoder (Moonshine)', () => {
  it("holds LLaMA's 32000 pieces", () => {
    expect(tokenizer.vocabSize).toBe(32_000);
  });

  it("decodes moonshine-tiny's tokens for jfk.wav (onnxruntime-node)", () => {
    const ids = [1126, 577, 29892, 590, 10404, 23035, 29892, 2244, 451, 825, 596, 4234, 508, 437, 363, 366, 29892, 2244, 825, 366, 508, 437, 363, 596, 4234, 29889];
    expect(tokenizer.decode(ids)).toBe('And so, my fellow Americans, ask not what your country can do for you, ask what you can do for your country.');
  });

  it("decodes moonshine-base's tokens for jfk.wav", () => {
    const ids = [1126, 577, 590, 10404, 23035, 2244, 451, 825, 596, 4234, 508, 437, 363, 366, 2244, 825, 366, 508, 437, 363, 596, 4234];
    expect(tokenizer.decode(ids)).toBe('And so my fellow Americans ask not what your country can do for you ask what you can do for your country');
  });

  it('skips the control tokens <unk>, <s>, </s> and the unused ids past 32000', () => {
    expect(tokenizer.decode([1, 1126, 577, 2])).toBe('And so');
    expect(tokenizer.decode([0, 1126, 32_000, 577, 32_767])).toBe('And so');
    expect(tokenizer.decode([])).toBe('');
  });

  it('joins byte-fallback pieces into UTF-8 characters', () => {
    // "é" as its two UTF-8 bytes <0xC3><0xA9>; byte pieces start at id 3 (<0x00>).
    expect(tokenizer.decode([3 + 0xc3, 3 + 0xa9])).toBe('é');
    // A character cut in half becomes U+FFFD rather than throwing.
    expect(tokenizer.decode([1126, 3 + 0xc3])).toBe('And\uFFFD');
  });

  it('removes only the one leading space SentencePiece adds', () => {
    // 29871 is the bare word-boundary piece "▁".
    expect(tokenizer.decode([29871, 1126])).toBe(' And');
  });

  it('refuses a vocabulary that is not LLaMA-shaped', () => {
    expect(() => SentencePieceDecoder.fromVocabularyText('a\nb\nc')).toThrow(/expected LLaMA's pieces/);
  });
});

// Ids from llama-tokenizer-js 1.2.2 (the tokenizer moonshine-js decodes with), committed by
// scripts/reference/make-moonshine-tokenizer-reference.ts.
const reference = JSON.parse(readFileSync('fixtures/reference/llama-tokenizer.json', 'utf8')) as {
  cases: { text: string; ids: number[] }[];
};

describe('SentencePieceDecoder against llama-tokenizer-js 1.2.2', () => {
  it.each(reference.cases)('decodes their ids for $text back to the text', ({ text, ids }) => {
    expect(tokenizer.decode(ids)).toBe(text);
  });
});
