/**
 * Beam search (decoding/decode-beam.ts) on the real whisper-tiny and moonshine-tiny weights
 * (onnxruntime-node): it transcribes jfk.wav right with an n-best list, beam size 1 is greedy to
 * the last bit, and the batched decoder step (decoding/merged-decoder-batch.ts) computes what the
 * batch-1 step does. Accuracy over every recording and runtime is recognition.test.ts's job.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAudioFile } from '../../cli/audio-file';
import { FIXTURE_AUDIO_DIR, fixtureRecordings } from '../../cli/fixture-manifest';
import { loadRuntime } from '../../cli/onnx-runtime';
import { loadRecognizer, readManifest, type LoadedRecognizer } from '../../cli/recognizer-options';
import { normalizeForWer } from '../eval/normalize';
import { decodeBeam } from './decoding/decode-beam';
import { decodeGreedy, type DecoderStep } from './decoding/decode-greedy';
import { decoderFetches, mergedDecoderSessionOptions, mergedDecoderStep } from './decoding/merged-decoder';
import { batchedMergedDecoderStep } from './decoding/merged-decoder-batch';
import { findModel, modelFile, stagedFileName, type MoonshineModelEntry } from './model-manifest';
import { moonshineInput } from './moonshine/front-end';
import { moonshinePrompt } from './moonshine/prompt';
import type { Transcript } from './transcript';

const { reference } = fixtureRecordings().find((r) => r.path === 'jfk.wav')!;

describe.each(['whisper-tiny-q8', 'moonshine-tiny-q8'])('%s on node', (model) => {
  let loaded: LoadedRecognizer;
  let greedy: Transcript;
  let beam1: Transcript;
  let beam5: Transcript;

  beforeAll(async () => {
    loaded = await loadRecognizer({ model, runtime: 'node', threads: '2' });
    const jfk = await readAudioFile(FIXTURE_AUDIO_DIR + 'jfk.wav');
    greedy = await loaded.recognizer.transcribe(jfk);
    beam1 = await loaded.recognizer.transcribe(jfk, { beamSize: 1 });
    beam5 = await loaded.recognizer.transcribe(jfk, { beamSize: 5 });
  }, 300_000);

  afterAll(() => loaded?.recognizer.release());

  it('transcribes jfk.wav word for word with beam size 5', () => {
    expect(normalizeForWer(beam5.text)).toBe(normalizeForWer(reference));
    expect(beam5.stopReason).toBe('end-of-text');
    expect(beam5.temperature).toBe(0);
  });

  it('returns an n-best list: the transcript first, then other texts', () => {
    const alternatives = beam5.alternatives!;
    expect(alternatives.length).toBeGreaterThanOrEqual(2);
    expect(alternatives.length).toBeLessThanOrEqual(5);
    expect(alternatives[0]).toEqual({ text: beam5.text, tokens: beam5.tokens, sumLogprob: expect.any(Number), avgLogprob: beam5.avgLogprob });
    expect(new Set(alternatives.map((a) => a.text)).size).toBe(alternatives.length);
    for (const a of alternatives) {
      expect(a.sumLogprob).toBeLessThan(0);
      expect(a.avgLogprob).toBeLessThan(0);
    }
  });

  it('with beam size 1 is greedy decoding: the same transcript, and no n-best list', () => {
    // Each transcription has its own id (Transcript.heardId); everything else is the same.
    const { timings: _g, heardId: _gi, ...expected } = greedy;
    const { timings: _b, heardId: _bi, ...actual } = beam1;
    expect(actual).toEqual(expected);
    expect(beam1.timings.decoderSteps).toBe(greedy.timings.decoderSteps);
    expect(beam1).not.toHaveProperty('alternatives');
  });
});

describe('the batched decoder step on moonshine-tiny-q8 (onnxruntime-node)', () => {
  it('gives greedy’s tokens and log-probs, at beam size 1 and with greedy’s path in two swapped rows', async () => {
    const model = findModel(await readManifest(), 'moonshine-tiny-q8') as MoonshineModelEntry;
    const file = (role: 'encoder' | 'decoder') => readFile(`public/models/${model.id}/${stagedFileName(modelFile(model, role))}`);
    const { ort, sessionOptions } = await loadRuntime('node', 2);
    const encoder = await ort.InferenceSession.create(await file('encoder'), sessionOptions);
    const decoder = await ort.InferenceSession.create(await file('decoder'), mergedDecoderSessionOptions(sessionOptions));
    const samples = moonshineInput(await readAudioFile(FIXTURE_AUDIO_DIR + 'jfk.wav'));
    const hidden = (await encoder.run({ input_values: new ort.Tensor('float32', samples, [1, samples.length]) }, ['last_hidden_state'])).last_hidden_state;
    const arch = model.architecture;
    const shape = { layers: arch.decoderLayers, heads: arch.decoderHeads, headDim: arch.headDim };
    const options = { prompt: moonshinePrompt(arch), vocabSize: arch.vocabSize, endOfText: arch.endOfTextTokenId, maxNewTokens: 40, rules: [] };
    const fetches = decoderFetches(decoder);
    const run = async <T>(make: typeof mergedDecoderStep | typeof batchedMergedDecoderStep, use: (step: never) => Promise<T>) => {
      const decoding = make(decoder, ort.Tensor, shape, hidden, fetches);
      try {
        return await use(decoding.step as never);
      } finally {
        decoding.dispose();
      }
    };
    try {
      const greedy = await run(mergedDecoderStep, (step: DecoderStep) => decodeGreedy(step, options));
      const { sequences: _s, ...beam1 } = await run(batchedMergedDecoderStep, (step: Parameters<typeof decodeBeam>[0]) =>
        decodeBeam(step, { ...options, beamSize: 1 }),
      );
      expect(beam1).toEqual(greedy);
      // Both rows carry greedy's path; each pass swaps them, so a wrong gather would show.
      const twoRows = await run(batchedMergedDecoderStep, (step: Parameters<typeof decodeBeam>[0]) => {
        let passes = 0;
        return decodeGreedy(async (ids) => {
          const pass = passes++;
          const first = pass === 0;
          const logits = await step(first ? [ids] : [ids, ids], first ? [] : pass === 1 ? [0, 0] : [1, 0]);
          return first ? logits : logits.subarray(logits.length / 2);
        }, options);
      });
      expect(twoRows).toEqual(greedy);
    } finally {
      hidden.dispose();
      await encoder.release();
      await decoder.release();
    }
  }, 120_000);
});
