/**
 * The app's whole pipeline in Node (cli/spoken-pipeline.ts over src/query, the real
 * moonshine-tiny-q8 on onnxruntime-node and the staged catalogue): three queries of the spoken
 * set's tuning half that the model mishears, which come out right only when the recogniser names
 * the place itself and listens again (verification), with the app's default settings. The same
 * recordings run in the page in e2e/verification.spec.ts. What is asserted is whether the place
 * is among the first three results, not how the model mishears the synthetic voice. And a long
 * utterance that names no place (jfk.wav, whisper-tiny-q8) passes through verification unchanged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Recognizer } from '../src/engine';
import { DEFAULT_PIPELINE_OPTIONS, decodeOptions } from '../src/query';
import { readAudioFile } from './audio-file';
import { loadRecognizer } from './recognizer-options';
import { loadSpokenPipeline, type SpokenPipeline } from './spoken-pipeline';

const FIXTURES = new URL('../e2e/fixtures/', import.meta.url).pathname;
const MISHEARD = [
  { file: 'restaurants-in-fuzhou.wav', name: 'Fuzhou', country: 'China' },
  { file: 'how-far-is-kigali.wav', name: 'Kigali', country: 'Rwanda' },
  { file: 'things-to-do-in-seoul.wav', name: 'Seoul', country: 'South Korea' },
];

describe('the spoken-query pipeline with verification (moonshine-tiny-q8, node)', () => {
  let recognizer: Recognizer;
  let pipeline: SpokenPipeline;
  beforeAll(async () => {
    [pipeline, { recognizer }] = await Promise.all([loadSpokenPipeline(), loadRecognizer({ model: DEFAULT_PIPELINE_OPTIONS.modelId, runtime: 'node', threads: '2' })]);
  }, 180_000);
  afterAll(() => recognizer?.release());

  it.each(MISHEARD)('finds $name in the top three only when the recogniser listens again', async ({ file, name, country }) => {
    const t = await recognizer.transcribe(await readAudioFile(FIXTURES + file), decodeOptions(DEFAULT_PIPELINE_OPTIONS));
    const finds = (hits: readonly { place: { name: string; countryName: string } }[]) => hits.some((h) => h.place.name === name && h.place.countryName === country);
    const without = pipeline.answer(t, { ...DEFAULT_PIPELINE_OPTIONS, verification: false }, 3);
    expect(without.accepted && finds(without.hits), `without verification: ${without.accepted ? without.query : without.reason}`).toBe(false);
    const verified = await pipeline.answerVerified(t, DEFAULT_PIPELINE_OPTIONS, 3, recognizer, t.heardId);
    expect(verified.accepted && finds(verified.hits), `with verification: ${verified.accepted ? verified.query : verified.reason}`).toBe(true);
    expect(verified.accepted && verified.verification).toMatchObject({ replaced: true });
  }, 60_000);
});

describe('verification on a long utterance that names no place (whisper-tiny-q8, node)', () => {
  it('leaves jfk.wav as it was heard: no slot name stands in for the rest of the speech', async () => {
    const [pipeline, { recognizer }] = await Promise.all([loadSpokenPipeline(), loadRecognizer({ model: 'whisper-tiny-q8', runtime: 'node', threads: '2' })]);
    try {
      const t = await recognizer.transcribe(await readAudioFile(new URL('../fixtures/audio/jfk.wav', import.meta.url).pathname), decodeOptions(DEFAULT_PIPELINE_OPTIONS));
      const plain = pipeline.answer(t, { ...DEFAULT_PIPELINE_OPTIONS, verification: false }, 3);
      const verified = await pipeline.answerVerified(t, DEFAULT_PIPELINE_OPTIONS, 3, recognizer, t.heardId);
      expect(plain.accepted && verified.accepted).toBe(true);
      if (!plain.accepted || !verified.accepted) return;
      expect(verified.query).toBe(plain.query);
      expect(verified.query).toMatch(/ask what you can do for your country/i);
    } finally {
      await recognizer.release();
    }
  }, 120_000);
});
