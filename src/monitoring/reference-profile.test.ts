import { describe, expect, it } from 'vitest';
import { driftReport } from './drift';
import { referenceProfile } from './reference-profile';

describe('referenceProfile', () => {
  it('keeps the signals the drift check reads, and no text', () => {
    const [heard, silent] = referenceProfile(
      [
        { audio: new Float32Array([0.5, -0.5]), avgLogprob: -0.3, noSpeechProb: 0.01, audioSeconds: 1.2, alternatives: [{ avgLogprob: -0.3 }, { avgLogprob: -0.8 }], query: 'hotels in lisbon' },
        { audio: new Float32Array(4), avgLogprob: -1.5, noSpeechProb: 0.9, audioSeconds: 2, query: '' },
      ],
      'moonshine-tiny-q8',
      1_000,
    );
    expect(heard).toEqual({ time: 1_000, kind: 'spoken', modelId: 'moonshine-tiny-q8', audioSeconds: 1.2, level: { rmsDb: expect.closeTo(-6.02, 2), peakDb: expect.closeTo(-6.02, 2), clippedShare: 0 }, avgLogprob: -0.3, noSpeechProb: 0.01, beamMargin: 0.5, queryWords: 3 });
    expect(silent).toMatchObject({ nothingHeard: true, level: { rmsDb: -120 } });
    expect(silent).not.toHaveProperty('queryWords');
  });

  it('serves as the drift check’s reference: quieter recent inputs are named', () => {
    const loud = Array.from({ length: 40 }, (_, i) => ({ audio: new Float32Array(100).fill(0.3 + i * 0.005), avgLogprob: -0.3, noSpeechProb: 0.01, audioSeconds: 1.5, query: 'tokyo' }));
    const profile = referenceProfile(loud, 'm', 0);
    const now = Date.UTC(2026, 11, 7);
    const quiet = referenceProfile(loud.map((u) => ({ ...u, audio: u.audio.map((x) => x / 10) })), 'm', now - 1_000);
    const level = driftReport(quiet, now, {}, profile).find((v) => v.signal === 'input level')!;
    expect(level).toMatchObject({ verdict: 'drift', meaning: expect.stringMatching(/^inputs are quieter/) });
  });
});
