/**
 * MoonshineRecognizer's contract on the real moonshine-tiny weights (onnxruntime-node): the
 * Transcript fields, the token budget and its stop reason, and input too short for the encoder.
 * Accuracy on the committed recordings is src/engine/recognition.test.ts's job.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAudioFile } from '../../../cli/audio-file';
import { FIXTURE_AUDIO_DIR } from '../../../cli/fixture-manifest';
import { loadRecognizer, type LoadedRecognizer } from '../../../cli/recognizer-options';
import { createRecognizer, type Recognizer } from '../index';
import { SentencePieceDecoder } from './tokenizer';

describe('MoonshineRecognizer (moonshine-tiny-q8, onnxruntime-node)', () => {
  let loaded: LoadedRecognizer;
  let recognizer: Recognizer;
  let jfk: Float32Array;

  beforeAll(async () => {
    loaded = await loadRecognizer({ model: 'moonshine-tiny-q8', runtime: 'node', threads: '2' });
    recognizer = loaded.recognizer;
    jfk = await readAudioFile(FIXTURE_AUDIO_DIR + 'jfk.wav');
  }, 300_000);

  afterAll(() => loaded?.recognizer.release());

  it('is what createRecognizer picks for the moonshine family', () => {
    expect(recognizer.constructor.name).toBe('MoonshineRecognizer');
    expect(recognizer.model.family).toBe('moonshine');
  });

  it('fills every Transcript field; the no-speech probability is that of ending before the first word', async () => {
    const t = await recognizer.transcribe(jfk);
    const vocabulary = readFileSync('public/models/moonshine-tiny-q8/tokenizer-vocab.txt', 'utf8');
    expect(t.text).toBe(SentencePieceDecoder.fromVocabularyText(vocabulary).decode(t.tokens).trim());
    expect(t.tokens).not.toContain(1);
    expect(t.tokens).not.toContain(2);
    expect(t.stopReason).toBe('end-of-text');
    expect(t.noSpeechProb).toBeGreaterThanOrEqual(0);
    expect(t.noSpeechProb).toBeLessThan(0.1);
    expect(t.noSpeech).toBe(false);
    expect(t.avgLogprob).toBeLessThan(0);
    expect(t.avgLogprob).toBeGreaterThan(-1);
    expect(t.language).toBe('en');
    expect(t.audioSeconds).toBe(11);
    expect(t.timings.decoderSteps).toBe(t.tokens.length + 1);
    expect(t.timings.totalMs).toBeGreaterThanOrEqual(t.timings.encoderMs + t.timings.decoderMs);
  }, 120_000);

  it('stops at maxNewTokens with stop reason max-tokens', async () => {
    const t = await recognizer.transcribe(jfk, { maxNewTokens: 5 });
    expect(t.tokens).toHaveLength(5);
    expect(t.stopReason).toBe('max-tokens');
    expect(t.text).toBe('And so, my fellow');
  }, 120_000);

  it('keeps to 6.5 tokens per second of audio: a second of jfk.wav gets at most 7 tokens', async () => {
    const t = await recognizer.transcribe(jfk.subarray(0, 16_000));
    expect(t.tokens.length).toBeLessThanOrEqual(7);
  }, 120_000);

  it('accepts audio shorter than the encoder needs (padded), even none at all', async () => {
    for (const audio of [new Float32Array(0), new Float32Array(100)]) {
      const t = await recognizer.transcribe(audio);
      expect(t.tokens.length).toBeLessThanOrEqual(4);
    }
  }, 120_000);

  it('hears a single word with seconds of silence around it (e2e fixture files): safeguards on, and off', async () => {
    // 1 s of silence, "Berlin" (flite slt), 3 s of silence. Untrimmed, moonshine-tiny ended the
    // transcript before the word (front-end.ts cuts the edges to 0.3 s).
    const berlin = await readAudioFile('e2e/fixtures/berlin.wav');
    for (const safeguards of [true, false]) {
      const t = await recognizer.transcribe(berlin, { safeguards });
      expect(t.text).toMatch(/^Berlin\W*$/);
      expect(t.audioSeconds).toBeCloseTo(berlin.length / 16_000, 6);
    }
  }, 120_000);

  it('writes nothing for noise and says it heard nothing (forced past end-of-text it writes "You" or "♪")', async () => {
    const noise = await readAudioFile('e2e/fixtures/noise-only.wav');
    const t = await recognizer.transcribe(noise);
    expect(t.text).toBe('');
    expect(t.noSpeech).toBe(true);
    expect(t.noSpeechProb).toBeGreaterThan(0.9);
  }, 120_000);

  it('rejects a model entry of a family it does not know, naming it', async () => {
    const model = { ...recognizer.model, family: 'parakeet' } as unknown as Recognizer['model'];
    await expect(createRecognizer({ ort: loaded.runtime.ort, model, fetchFile: async () => new Uint8Array() })).rejects.toThrow(
      /model 'moonshine-tiny-q8' has unsupported family 'parakeet'/,
    );
  });
});
