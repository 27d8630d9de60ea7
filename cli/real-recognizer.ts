/**
 * For tests of a real model: registers hooks that load `model` on onnxruntime-node (2 threads)
 * and read one utterance before the suite, and release the sessions after it. Read the fields
 * inside tests, once the hooks have run.
 */
import { afterAll, beforeAll } from 'vitest';
import type { Recognizer } from '../src/engine';
import { readAudioFile } from './audio-file';
import { loadRecognizer } from './recognizer-options';

export function realRecognizer(model: string, audioPath: string): { recognizer: Recognizer; audio: Float32Array } {
  const loaded = {} as { recognizer: Recognizer; audio: Float32Array };
  beforeAll(async () => {
    ({ recognizer: loaded.recognizer } = await loadRecognizer({ model, runtime: 'node', threads: '2' }));
    loaded.audio = await readAudioFile(audioPath);
  }, 120_000);
  afterAll(() => loaded.recognizer?.release());
  return loaded;
}
