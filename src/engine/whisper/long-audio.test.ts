/** Audio over Whisper's 30 s window is split at pauses and fully transcribed, never truncated. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAudioFile } from '../../../cli/audio-file';
import { FIXTURE_AUDIO_DIR } from '../../../cli/fixture-manifest';
import { loadRecognizer, type LoadedRecognizer } from '../../../cli/recognizer-options';
import { normalizeForWer } from '../../eval/normalize';

describe('whisper-tiny-q8 on 41 s of speech (jfk.wav three times, 4 s pauses)', () => {
  let loaded: LoadedRecognizer;
  let audio: Float32Array;

  beforeAll(async () => {
    loaded = await loadRecognizer({ model: 'whisper-tiny-q8', runtime: 'node', threads: '2' });
    const jfk = await readAudioFile(FIXTURE_AUDIO_DIR + 'jfk.wav');
    // Pauses as a speaker makes them; one falls in the last seconds before the 30 s boundary,
    // where the window is cut (a boundary inside a word is what timestamp-based seeking would fix).
    const gap = 4 * 16_000;
    audio = new Float32Array(jfk.length * 3 + gap * 2);
    for (let i = 0; i < 3; i++) audio.set(jfk, i * (jfk.length + gap));
  }, 120_000);

  afterAll(() => loaded?.recognizer.release());

  it('transcribes all three sentences in order', async () => {
    const t = await loaded.recognizer.transcribe(audio);
    const sentence = 'and so my fellow americans ask not what your country can do for you ask what you can do for your country';
    expect(normalizeForWer(t.text)).toBe([sentence, sentence, sentence].join(' '));
    expect(t.audioSeconds).toBeCloseTo(41, 0);
  }, 300_000);
});
