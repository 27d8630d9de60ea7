import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SentencePieceEncoder } from './sentencepiece-encoder';
import { SentencePieceDecoder } from './tokenizer';

const vocabulary = readFileSync('public/models/moonshine-tiny-q8/tokenizer-vocab.txt', 'utf8');
const encoder = new SentencePieceEncoder(vocabulary.split('\n'));
const decoder = SentencePieceDecoder.fromVocabularyText(vocabulary);
const reference = JSON.parse(readFileSync('fixtures/reference/llama-tokenizer.json', 'utf8')) as { cases: { text: string; ids: number[] }[] };

describe('SentencePieceEncoder (Moonshine)', () => {
  it.each(reference.cases)('encodes "$text" as llama-tokenizer-js does', ({ text, ids }) => {
    // The reference adds <s> (id 1) first; the engine's prompt holds it instead.
    expect(encoder.encode(text)).toEqual(ids.slice(1));
  });

  it('round-trips place queries through the decoder', () => {
    for (const text of ['weather in Lucknow', 'flights to Hanoi Vietnam', 'Reykjavík', 'São Paulo']) expect(decoder.decode(encoder.encode(text))).toBe(text);
  });
});
