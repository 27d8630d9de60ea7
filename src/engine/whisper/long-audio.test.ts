/** Audio over Whisper's 30 s window is split at pauses and fully transcribed, never truncated. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAudioFile } from '../../../cli/audio-file';
import { FIXTURE_AUDIO_DIR, fixtureRecordings } from '../../../cli/fixture-manifest';
import { loadRecognizer, type LoadedRecognizer } from '../../../cli/recognizer-options';
import { normalizeForWer } from '../../eval/normalize';
import { wordErrors } from '../../eval/wer';

// Five real recordings, 3 s apart: 43 s, so the first 30 s window ends in the pause after
// "go forward ten meters" and jfk.wav comes again in the second. Different sentences, not jfk.wav
// three times: two copies of one sentence in a window compress past Whisper's 2.4 ratio, which
// sends a correct decode to the temperature fallback (safeguards.ts), a rule this test is not about.
const RECORDINGS = ['jfk.wav', 'pocketsphinx/librivox-sense-and-sensibility-0880.wav', 'pocketsphinx/cards-005.wav', 'pocketsphinx/goforward.wav', 'jfk.wav'];
const GAP_SAMPLES = 3 * 16_000;

describe('whisper-tiny-q8 on 43 s of speech (five recordings, 3 s pauses)', () => {
  let loaded: LoadedRecognizer;
  let audio: Float32Array;
  let reference: string;

  beforeAll(async () => {
    loaded = await loadRecognizer({ model: 'whisper-tiny-q8', runtime: 'node', threads: '2' });
    const manifest = new Map(fixtureRecordings().map((e) => [e.path, e.reference]));
    const parts = await Promise.all(RECORDINGS.map((name) => readAudioFile(FIXTURE_AUDIO_DIR + name)));
    audio = new Float32Array(parts.reduce((n, p) => n + p.length, 0) + GAP_SAMPLES * (parts.length - 1));
    let offset = 0;
    for (const part of parts) {
      audio.set(part, offset);
      offset += part.length + GAP_SAMPLES;
    }
    reference = normalizeForWer(RECORDINGS.map((name) => manifest.get(name)).join(' '));
  }, 120_000);

  afterAll(() => loaded?.recognizer.release());

  it('transcribes every sentence in order: none dropped at the window boundary, none repeated', async () => {
    const t = await loaded.recognizer.transcribe(audio);
    const errors = wordErrors(reference, normalizeForWer(t.text));
    // A dropped or repeated sentence is 4 to 22 words missing or extra; tiny's own slips over a
    // full 30 s window ("clubs" heard as "clothes") are substitutions.
    expect(errors.deletions + errors.insertions).toBeLessThanOrEqual(2);
    expect((errors.substitutions + errors.deletions + errors.insertions) / errors.referenceWords).toBeLessThan(0.1);
    expect(t.audioSeconds).toBeCloseTo(43.3, 0);
  }, 300_000);
});
