import { describe, expect, it } from 'vitest';
import { QueryJoiner } from './query-joining';

const RATE = 1000; // one sample per millisecond keeps the arithmetic readable
const FRAME = 10;
const LEAD = 3;

/** A detector driven by hand: frames heard, speech starting, utterances handed over. */
function drive(options: ConstructorParameters<typeof QueryJoiner>[1] = {}) {
  const joiner = new QueryJoiner(RATE, { joinPauseMs: 1500, redemptionMs: 800, ...options });
  const heard: number[] = [];
  /** `ms` of audio whose samples are `value`. */
  const hear = (value: number, ms: number, speechProbability?: number) => {
    for (let t = 0; t < ms; t += FRAME) {
      joiner.heard(new Float32Array(FRAME).fill(value), speechProbability);
      for (let i = 0; i < FRAME; i++) heard.push(value);
    }
  };
  /** The detector's utterance: the last `ms` heard, behind LEAD zeros. */
  const utterance = (ms: number, cut = false) => {
    const pcm = new Float32Array(LEAD + ms);
    pcm.set(heard.slice(heard.length - ms), LEAD);
    return joiner.add({ pcm, leadSamples: LEAD, endedAt: heard.length, cut });
  };
  return { joiner, hear, utterance };
}

/** Speech of `value` for `speechMs`, then the redemption's silence; the detector hands over pad + speech + redemption. */
function say(d: ReturnType<typeof drive>, value: number, speechMs: number, padMs = 100) {
  d.joiner.speechStarted();
  d.hear(value, speechMs);
  d.hear(0, 800);
  return d.utterance(padMs + speechMs + 800);
}

describe('QueryJoiner', () => {
  it('a first utterance is its own query, as the detector gave it', () => {
    const d = drive();
    d.hear(0, 500);
    const audio = say(d, 1, 300);
    expect(audio).toMatchObject({ queryId: 1, parts: 1 });
    expect(audio.pcm.length).toBe(LEAD + 100 + 300 + 800);
  });

  it('speech resumed within the pause continues the query: everything heard since its start, pause included', () => {
    const d = drive();
    d.hear(0, 500);
    say(d, 1, 300);
    d.hear(0, 600); // voice stopped 800 + 600 = 1,400 ms before speech resumes
    expect((d.joiner.speechStarted(), d.joiner.continues())).toBe(true);
    d.hear(2, 200);
    d.hear(0, 800);
    const second = d.utterance(100 + 200 + 800);
    expect(second).toMatchObject({ queryId: 1, parts: 2 });
    const expected = [...Array(LEAD).fill(0), ...Array(100).fill(0), ...Array(300).fill(1), ...Array(1400).fill(0), ...Array(200).fill(2), ...Array(800).fill(0)];
    expect(Array.from(second.pcm)).toEqual(expected);
  });

  it('speech the detector let go as too short stays in the query and keeps it open', () => {
    const d = drive();
    say(d, 1, 300);
    d.hear(0, 400);
    // "ask not": heard, but a misfire — no utterance.
    d.joiner.speechStarted();
    d.hear(3, 100);
    d.hear(0, 800);
    d.joiner.misfired();
    d.hear(0, 500); // 1,300 ms after the short speech stopped, 2,100 ms after the first
    d.joiner.speechStarted();
    d.hear(2, 200);
    d.hear(0, 800);
    const audio = d.utterance(100 + 200 + 800);
    expect(audio).toMatchObject({ queryId: 1, parts: 2 });
    expect(Array.from(audio.pcm).filter((v) => v === 3)).toHaveLength(100);
  });

  it('a longer pause starts a new query', () => {
    const d = drive();
    say(d, 1, 300);
    d.hear(0, 701); // 1,501 ms
    const next = say(d, 2, 200);
    expect(next).toMatchObject({ queryId: 2, parts: 1 });
    expect(next.pcm.length).toBe(LEAD + 100 + 200 + 800);
  });

  it('a query does not grow past maxQueryMs: the speech after it starts a new one', () => {
    const d = drive({ maxQueryMs: 3000 });
    say(d, 1, 300);
    d.hear(0, 500);
    expect(say(d, 2, 300)).toMatchObject({ queryId: 1, parts: 2 }); // 1,200 + 500 + 1,100 = 2,800 ms
    d.hear(0, 100);
    expect(say(d, 3, 300)).toMatchObject({ queryId: 2, parts: 1 });
  });

  it('an utterance cut at the longest length is continued by the speech that goes on', () => {
    const d = drive({ maxQueryMs: 20_000 });
    d.joiner.speechStarted();
    d.hear(1, 1000);
    expect(d.utterance(1000, true)).toMatchObject({ queryId: 1, parts: 1 });
    expect(say(d, 2, 300, 0)).toMatchObject({ queryId: 1, parts: 2 });
  });

  it('after reset (listening stopped) the next utterance is a new query', () => {
    const d = drive();
    say(d, 1, 300);
    d.joiner.reset();
    expect(say(d, 2, 300)).toMatchObject({ queryId: 2, parts: 1 });
  });

  it('keeps no more than maxQueryMs of audio', () => {
    const d = drive({ maxQueryMs: 1000 });
    d.hear(0, 5000);
    const kept = (d.joiner as unknown as { kept: Float32Array[] }).kept;
    expect(kept.reduce((n, f) => n + f.length, 0)).toBeLessThanOrEqual(1000 + FRAME);
  });

  it('refuses options out of range, naming them', () => {
    expect(() => new QueryJoiner(RATE, { joinPauseMs: -1 })).toThrow(/joinPauseMs/);
    expect(() => new QueryJoiner(RATE, { maxQueryMs: 0 })).toThrow(/maxQueryMs/);
    expect(() => new QueryJoiner(RATE, { redemptionMs: -5 })).toThrow(/redemptionMs/);
  });

  it('measures the share of the query’s frames the detector scored as speech, joined parts and pause included', () => {
    const d = drive();
    d.hear(0, 500, 0.1);
    d.joiner.speechStarted();
    d.hear(1, 300, 0.9);
    d.hear(0, 800, 0.2);
    // pad 100 + speech 300 + redemption 800 ms: 120 frames, 30 of them speech.
    expect(d.utterance(100 + 300 + 800).speechShare).toBe(30 / 120);
    d.hear(0, 600, 0.1);
    d.joiner.speechStarted();
    d.hear(2, 200, 0.5); // at the threshold: speech
    d.hear(0, 800, 0.49);
    // The whole query: 120 + 60 + 20 + 80 frames, 30 + 20 of them speech.
    expect(d.utterance(100 + 200 + 800)).toMatchObject({ parts: 2, speechShare: 50 / 280 });
  });

  it('gives no speech share when the frames came without probabilities', () => {
    const d = drive();
    d.hear(0, 500);
    expect(say(d, 1, 300)).not.toHaveProperty('speechShare');
  });
});
