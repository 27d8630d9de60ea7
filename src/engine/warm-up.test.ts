/**
 * The warm-up (warm-up.ts) on the real models, onnxruntime-node: it runs the hot path the rounds
 * it is asked for, greedy and batched, gives way as soon as it is asked to, and changes nothing
 * a transcription computes. (What it is for, the first query's speed, is a benchmark figure:
 * `npm run -s bench:browser-models`, never a timed test.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAudioFile } from '../../cli/audio-file';
import { loadRecognizer, type LoadedRecognizer } from '../../cli/recognizer-options';
import type { InferenceSession } from './runtime';
import { warmUpAudio } from './warm-up';

describe('warmUpAudio', () => {
  it('is the length asked for, quiet and the same every time', () => {
    const a = warmUpAudio(0.5);
    expect(a.length).toBe(8000);
    expect(Math.max(...a.map(Math.abs))).toBeLessThan(0.07);
    expect(warmUpAudio(0.5)).toEqual(a);
  });
});

describe.each(['whisper-tiny-q8', 'moonshine-tiny-q8'])('%s warm-up', (modelId) => {
  let loaded: LoadedRecognizer;
  let audio: Float32Array;
  /** Decoder runs and their batch sizes, counted by wrapping the session's run. */
  let decoderRuns: number[] = [];

  beforeAll(async () => {
    loaded = await loadRecognizer({ model: modelId, runtime: 'node', threads: '2' });
    audio = await readAudioFile('fixtures/audio/pocketsphinx/cards-001.wav');
    const decoder = (loaded.recognizer as unknown as { decoder: InferenceSession }).decoder;
    const run = decoder.run.bind(decoder);
    decoder.run = ((feeds: InferenceSession.FeedsType, ...rest: never[]) => {
      decoderRuns.push(feeds.input_ids.dims[0]);
      return run(feeds, ...rest);
    }) as InferenceSession['run'];
  });
  afterAll(() => loaded?.recognizer.release());

  it('runs every round, greedy and at the beam width, to the full number of steps', async () => {
    decoderRuns = [];
    let yields = 0;
    const yieldToHost = async () => void yields++;
    const report = await loaded.recognizer.warmUp({ rounds: 2, decoderSteps: 4, beamSize: 3, yieldToHost });
    expect(report).toMatchObject({ rounds: 2, completed: true });
    // The host got its turn before every run: two encoder runs and every decoder run.
    expect(yields).toBe(2 + decoderRuns.length);
    // Per round: greedy (prompt pass + 3 cached steps for 4 tokens), then the beam (prompt pass at
    // batch 1, then 3 passes over 3 hypotheses): end-of-text is suppressed, so none ends early.
    const round = [1, 1, 1, 1, 1, 3, 3, 3];
    expect(decoderRuns).toEqual([...round, ...round]);
  });

  it('stops between decoder steps when asked to', async () => {
    decoderRuns = [];
    let asked = 0;
    const report = await loaded.recognizer.warmUp({ rounds: 6, shouldStop: () => ++asked > 3 });
    expect(report.completed).toBe(false);
    expect(report.rounds).toBe(0);
    expect(decoderRuns.length).toBeLessThanOrEqual(3);
  });

  it('leaves transcripts as they were', async () => {
    const before = await loaded.recognizer.transcribe(audio, { beamSize: 3 });
    await loaded.recognizer.warmUp({ rounds: 1, beamSize: 3 });
    const after = await loaded.recognizer.transcribe(audio, { beamSize: 3 });
    expect(after.text).toBe(before.text);
    expect(after.tokens).toEqual(before.tokens);
    expect(after.alternatives).toEqual(before.alternatives);
  });
});
