/**
 * How the microphone is cut into utterances: one options object, its defaults and its validator
 * (pure; tested in Node). Units are milliseconds; vad-web converts them to 32 ms frames
 * (512 samples at 16 kHz for Silero v5).
 *
 * vad-web's own defaults (positive 0.3, negative 0.25, redemption 1400 ms, pre-speech pad 800 ms,
 * minimum speech 400 ms) suit conversation. A search query is one short phrase, often a single
 * word ("Rome" is about 0.4 s), so the values below differ:
 * - thresholds 0.5 / 0.35: Silero's recommended speech threshold, and the negative one 0.15 below
 *   it as its authors advise; 0.3 let keyboard clicks and breathing open utterances.
 * - pre-speech pad 480 ms: Silero's probability crosses the threshold one or two frames after an
 *   onset, later still for a soft consonant ("f" in "flights", "s" in "Sydney"), so half a second
 *   before the first speech frame is kept; Whisper ignores the extra silence.
 * - redemption 800 ms: ends the utterance 0.8 s after the voice stops (the largest part of the
 *   wait before results), yet spans the pause between "weather in" and "Barcelona".
 * - minimum speech 160 ms: five frames of speech, so a one-syllable place still counts.
 * - maxUtteranceMs 15 s: a long monologue is cut there and transcribed, so results still come.
 * - leadingSilenceMs 300: zeros put before each utterance (see leading-silence.ts for why).
 * The e2e fixtures (e2e/fixtures/) check that these keep the first word of every query.
 */

export interface VoiceCaptureOptions {
  /** Silero speech probability at or above which a frame counts as speech (0–1). */
  positiveSpeechThreshold: number;
  /** Probability below which a frame counts as silence; between them nothing changes (0–positive). */
  negativeSpeechThreshold: number;
  /** Audio kept from before the first speech frame, so the first word's onset is not clipped. */
  preSpeechPadMs: number;
  /** Silence that ends an utterance. */
  redemptionMs: number;
  /** Speech shorter than this is a misfire (a click, a cough) and is not transcribed. */
  minSpeechMs: number;
  /** Longest utterance; at this length it is ended and transcribed even while speech goes on. */
  maxUtteranceMs: number;
  /** Digital silence put before each utterance handed to the recogniser. */
  leadingSilenceMs: number;
}

export const DEFAULT_VOICE_CAPTURE_OPTIONS: VoiceCaptureOptions = {
  positiveSpeechThreshold: 0.5,
  negativeSpeechThreshold: 0.35,
  preSpeechPadMs: 480,
  redemptionMs: 800,
  minSpeechMs: 160,
  maxUtteranceMs: 15_000,
  leadingSilenceMs: 300,
};

/** Throws a RangeError naming the first option out of range. */
export function validateVoiceCaptureOptions(options: VoiceCaptureOptions): VoiceCaptureOptions {
  const {
    positiveSpeechThreshold: positive,
    negativeSpeechThreshold: negative,
    preSpeechPadMs,
    redemptionMs,
    minSpeechMs,
    maxUtteranceMs,
    leadingSilenceMs,
  } = options;
  if (!(positive > 0 && positive <= 1)) throw new RangeError(`positiveSpeechThreshold must be in (0, 1], got ${positive}`);
  if (!(negative >= 0 && negative <= positive)) {
    throw new RangeError(`negativeSpeechThreshold must be in [0, positiveSpeechThreshold], got ${negative}`);
  }
  for (const [name, value] of Object.entries({ preSpeechPadMs, redemptionMs, minSpeechMs, leadingSilenceMs })) {
    if (!(value >= 0 && Number.isFinite(value))) throw new RangeError(`${name} must be a finite number ≥ 0, got ${value}`);
  }
  if (!(maxUtteranceMs > minSpeechMs + preSpeechPadMs)) {
    throw new RangeError(`maxUtteranceMs must exceed minSpeechMs + preSpeechPadMs, got ${maxUtteranceMs}`);
  }
  return options;
}

/** Defaults with `overrides` on top, validated. */
export function voiceCaptureOptions(overrides: Partial<VoiceCaptureOptions> = {}): VoiceCaptureOptions {
  return validateVoiceCaptureOptions({ ...DEFAULT_VOICE_CAPTURE_OPTIONS, ...overrides });
}
