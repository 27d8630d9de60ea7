import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_QUERY_JOINING_OPTIONS } from '../src/audio/query-joining';
import { readAudioFile } from './audio-file';
import { FIXTURE_AUDIO_DIR } from './fixture-manifest';
import { pausesBetween, speechDetector } from './speech-spans';

describe("the page's detector on recordings", () => {
  it('cuts jfk.wav at its two long pauses, each shorter than the pause that still continues a query', async () => {
    const detect = await speechDetector();
    const spans = await detect(await readAudioFile(join(FIXTURE_AUDIO_DIR, 'jfk.wav')));
    expect(spans).toHaveLength(3);
    const pauses = pausesBetween(spans);
    for (const pause of pauses) {
      // Longer than nothing: the voice really stopped; within joinPauseMs: the sentence is one query.
      expect(pause).toBeGreaterThan(500);
      expect(pause).toBeLessThanOrEqual(DEFAULT_QUERY_JOINING_OPTIONS.joinPauseMs);
    }
    // A query without a long pause is one utterance.
    expect(await detect(await readAudioFile(join(FIXTURE_AUDIO_DIR, 'tts/restaurants-eiffel-tower_flite-rms.wav')))).toHaveLength(1);
  }, 60_000);

  it('measures a pause from the voice stopping, a redemption before the end', () => {
    expect(pausesBetween([{ startMs: 0, endMs: 2000 }, { startMs: 2500, endMs: 4000 }], 800)).toEqual([1300]);
  });
});
