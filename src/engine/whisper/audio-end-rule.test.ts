import { describe, expect, it } from 'vitest';
import { AudioEndRule } from './audio-end-rule';

// A toy vocabulary: text 0–8, end-of-text 9, timestamps from 10 (0.1 s apart).
const TOKENS = { timestampBegin: 10, endOfText: 9, secondsPerTimestamp: 0.1 };
const VOCAB = 10 + 41; // timestamps 0.0 … 4.0 s

function apply(rule: AudioEndRule, generated: number[]): Float32Array {
  const logits = new Float32Array(VOCAB).fill(1);
  rule.apply(logits, { generated });
  return logits;
}
const allowed = (logits: Float32Array) => [...logits.keys()].filter((i) => logits[i] > -Infinity);
const ts = (seconds: number) => TOKENS.timestampBegin + Math.round(seconds / TOKENS.secondsPerTimestamp);

describe('AudioEndRule', () => {
  const rule = new AudioEndRule(TOKENS, { audioSeconds: 2.0, slackSeconds: 0.5, closeWithinSeconds: 1.0 });

  it('forbids timestamps past the end of the audio plus the slack', () => {
    const ok = allowed(apply(rule, []));
    expect(ok).toContain(ts(2.5));
    expect(ok).not.toContain(ts(2.6));
    expect(ok).toContain(3); // text is untouched
  });

  it('allows only end-of-text once a segment closes near the end', () => {
    // <|0.0|> text text <|1.2|>: closes 0.8 s before the end of 2.0 s of audio.
    expect(allowed(apply(rule, [ts(0), 3, 4, ts(1.2)]))).toEqual([TOKENS.endOfText]);
  });

  it('lets decoding go on after a segment that closes early, or after a segment opens', () => {
    // Closing at 0.5 s leaves 1.5 s of audio: another segment may follow.
    expect(allowed(apply(rule, [ts(0), 3, ts(0.5)]))).toContain(ts(0.6));
    // A pair (close, open) at 1.5 s: the next token is the new segment's text, not forced to end.
    expect(allowed(apply(rule, [ts(0), 3, ts(1.5), ts(1.5)]))).toContain(3);
  });
});
