/**
 * Parity with an independent implementation: our engine's greedy transcript equals
 * transformers.js's greedy transcript on the same npm model files, for every committed recording.
 * Both run on onnxruntime-node 1.30.0, so any difference comes from features, prompt, rules or the
 * decoding loop — not from the runtime's kernels. Ours decodes as transformers.js does here: the
 * full 30 s window and plain greedy, without our safeguards (each tested on its own).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAudioFile } from '../../cli/audio-file';
import { FIXTURE_AUDIO_DIR, fixtureRecordings } from '../../cli/fixture-manifest';
import { loadRecognizer, readManifest, type LoadedRecognizer } from '../../cli/recognizer-options';
import { loadTransformersWhisper, type ReferenceRecognizer } from '../../scripts/reference/transformers-whisper';
import { findModel } from './index';

const recordings = fixtureRecordings();

describe.each(['whisper-tiny-q8', 'whisper-base-q8'])('%s: engine vs transformers.js (greedy, onnxruntime-node)', (id) => {
  let ours: LoadedRecognizer;
  let reference: ReferenceRecognizer;

  beforeAll(async () => {
    ours = await loadRecognizer({ model: id, runtime: 'node', threads: '2' });
    reference = await loadTransformersWhisper(findModel(await readManifest(), id));
  }, 300_000);

  afterAll(async () => {
    await ours?.recognizer.release();
    await reference?.release();
  });

  it.each(recordings.map((r) => r.path))('%s', async (path) => {
    const audio = await readAudioFile(FIXTURE_AUDIO_DIR + path);
    const plainGreedy = { fitContext: false, safeguards: false };
    const [mine, theirs] = [(await ours.recognizer.transcribe(audio, plainGreedy)).text, await reference.transcribe(audio)];
    expect(mine).toBe(theirs);
  });
});
