/**
 * Whisper's failure modes and the checks that catch them, with every threshold in one place.
 * Each check is a small piece of its own, tested on its own:
 * - made-up text on silence or noise ("Thank you.", "you"): the no-speech rule (isNoSpeech);
 * - a confused or looping decode: temperature fallback (needsFallback, compression-ratio.ts),
 *   keeping the most probable attempt when none passes (mostProbable);
 * - a paragraph from a 2 s clip: the token budget (decoding/token-budget.ts);
 * - endless repetition: the repetition guard (decoding/repetition-guard.ts).
 * DecodeOptions.safeguards turns all of them on or off together (for comparison).
 */
import { isSilencePhrase } from './silence-phrases';

export interface SafeguardOptions {
  /** No speech when the no-speech probability is above this... */
  noSpeechThreshold: number;
  /** ...and the average log-probability is below `logprobThreshold`. Also a fallback trigger. */
  logprobThreshold: number;
  /** Decode again, hotter, when the text's compression ratio is above this (a loop). */
  compressionRatioThreshold: number;
  /** Temperatures tried in turn; the first result that passes is kept, else the last. */
  temperatures: readonly number[];
  /** Seed of the sampler used at temperatures above 0, so results are reproducible. */
  samplingSeed: number;
  /**
   * A transcript that is only subtitle filler ("Thank you.", "you", "♪"; silence-phrases.ts) is
   * silence when the no-speech probability is above this, however confident the text.
   */
  silencePhraseThreshold: number;
}

/**
 * openai/whisper `whisper/transcribe.py` (v20240930) defaults: no_speech_threshold 0.6,
 * logprob_threshold -1.0, compression_ratio_threshold 2.4, temperature (0.0, 0.2, …, 1.0).
 */
export const DEFAULT_SAFEGUARDS: SafeguardOptions = {
  noSpeechThreshold: 0.6,
  logprobThreshold: -1,
  compressionRatioThreshold: 2.4,
  temperatures: [0, 0.2, 0.4, 0.6, 0.8, 1],
  samplingSeed: 0x5eed,
  // Below Whisper's 0.6 because these phrases are never a search anyway. Measured on the 240
  // generated queries and the 60 noise clips: whisper-tiny-q8's no-speech probability was above
  // 0.45 for 11 spoken queries, none of which came out as a silence phrase, while on noise it
  // wrote "Thank you." at 0.52–0.90 and "the" or "you" at 0.48–0.57; moonshine-tiny-q8's
  // end-of-text-first probability was above 0.45 for 6 spoken queries (none a silence phrase)
  // and 0.57–1.0 on the noise clips.
  silencePhraseThreshold: 0.45,
};

/**
 * Whisper's rule for silence: the no-speech token is likely AND the text is unlikely
 * (`transcribe.py`: `no_speech_prob > no_speech_threshold and avg_logprob < logprob_threshold`).
 * A confident transcript is kept even when the no-speech probability is high. NaN (models
 * without a no-speech token) is never silence by this rule.
 */
export function isNoSpeech(noSpeechProb: number, avgLogprob: number, options: SafeguardOptions = DEFAULT_SAFEGUARDS): boolean {
  return noSpeechProb > options.noSpeechThreshold && avgLogprob < options.logprobThreshold;
}

/**
 * Whether a transcript should be dropped as silence: Whisper's rule above, or subtitle filler
 * (silence-phrases.ts) with at least moderate no-speech evidence. A "Thank you." that the model
 * is sure is speech (no-speech probability at or below the threshold) is kept.
 */
export function heardNothing(
  transcript: { noSpeechProb: number; avgLogprob: number; text: string },
  options: SafeguardOptions = DEFAULT_SAFEGUARDS,
): boolean {
  if (isNoSpeech(transcript.noSpeechProb, transcript.avgLogprob, options)) return true;
  return transcript.noSpeechProb > options.silencePhraseThreshold && isSilencePhrase(transcript.text);
}

/**
 * Whether a decode at one temperature failed and the next should be tried (`transcribe.py`
 * decode_with_fallback): the text looks like a loop, or is improbable — unless it is silence,
 * which no temperature will turn into speech.
 */
export function needsFallback(
  result: { compressionRatio: number; avgLogprob: number; noSpeechProb: number },
  options: SafeguardOptions = DEFAULT_SAFEGUARDS,
): boolean {
  if (isNoSpeech(result.noSpeechProb, result.avgLogprob, options)) return false;
  return result.compressionRatio > options.compressionRatioThreshold || result.avgLogprob < options.logprobThreshold;
}

/**
 * The attempt to keep when no temperature passed: the one with the highest average
 * log-probability (openai/whisper keeps the last, hottest one, which suits long-form transcripts
 * better than a search box: a sampled guess at temperature 1.0 is rarely the query).
 */
export function mostProbable<T extends { avgLogprob: number }>(attempts: readonly T[]): T {
  if (attempts.length === 0) throw new Error('mostProbable: no attempts');
  return attempts.reduce((best, a) => (a.avgLogprob > best.avgLogprob ? a : best));
}
