import { describe, expect, it } from 'vitest';
import { DEFAULT_VOICE_CAPTURE_OPTIONS, voiceCaptureOptions } from './voice-capture-options';

describe('voiceCaptureOptions', () => {
  it('gives the defaults, with overrides on top', () => {
    expect(voiceCaptureOptions()).toEqual(DEFAULT_VOICE_CAPTURE_OPTIONS);
    expect(voiceCaptureOptions({ redemptionMs: 500 }).redemptionMs).toBe(500);
  });

  it('keeps a pre-speech pad and caps one utterance', () => {
    expect(DEFAULT_VOICE_CAPTURE_OPTIONS.preSpeechPadMs).toBeGreaterThanOrEqual(300);
    expect(DEFAULT_VOICE_CAPTURE_OPTIONS.maxUtteranceMs).toBeLessThanOrEqual(30_000); // Whisper's window
  });

  it('throws on values out of range, naming the option', () => {
    expect(() => voiceCaptureOptions({ positiveSpeechThreshold: 1.5 })).toThrow(/positiveSpeechThreshold/);
    expect(() => voiceCaptureOptions({ negativeSpeechThreshold: 0.9 })).toThrow(/negativeSpeechThreshold/);
    expect(() => voiceCaptureOptions({ redemptionMs: -1 })).toThrow(/redemptionMs/);
    expect(() => voiceCaptureOptions({ maxUtteranceMs: 100 })).toThrow(/maxUtteranceMs/);
  });
});
