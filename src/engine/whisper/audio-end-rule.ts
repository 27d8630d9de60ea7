import type { DecodingState, LogitsRule } from '../decoding/logits-rule';

/**
 * Ends a transcript where the audio ends, for decoding over a cut encoder window
 * (context-window.ts). Whisper learned to stop from the silent padding of its 30 s window; given
 * only the audio and a short margin it writes the words, then starts a new segment after the
 * audio's end and repeats them (measured with `npm run -s context-accuracy`: the repeated
 * segments' timestamps lie past the end of the audio). Decoding with timestamps, this rule:
 * 1. forbids timestamps later than the audio's end plus `slackSeconds`, so no segment can start
 *    or end in audio that is not there;
 * 2. once a segment closes within `closeWithinSeconds` of the end, allows only end-of-text: the
 *    audio left is too short to hold another segment.
 * It runs after TimestampRules (Whisper's grammar), in the same chain.
 */
export interface AudioEndRuleOptions {
  /** Length of the real audio, in seconds (not the padded window). */
  audioSeconds: number;
  /** Timestamps up to this much past the end stay allowed (Whisper's segment ends are approximate). */
  slackSeconds: number;
  /** A segment closing at least this close to the end is the last one. */
  closeWithinSeconds: number;
}

/**
 * closeWithinSeconds was 1.0 at first and lost a second sentence after a short pause: the
 * benchmark's 5 s clip (cards-005, 0.4 s of silence, cards-001) came out without its last "ten of
 * clubs" (`npm run -s bench`, onnxruntime-node). 0.3 s leaves room for a short word; a segment
 * that only repeats the one before is cut by the repeated-segment guard instead.
 */
export const DEFAULT_AUDIO_END_RULE: Omit<AudioEndRuleOptions, 'audioSeconds'> = {
  slackSeconds: 0.5,
  closeWithinSeconds: 0.3,
};

export interface AudioEndRuleTokens {
  /** `<|0.00|>`; timestamp token k is k × `secondsPerTimestamp`. */
  timestampBegin: number;
  endOfText: number;
  /** Whisper: 0.02 s. */
  secondsPerTimestamp: number;
}

export class AudioEndRule implements LogitsRule {
  private readonly lastAllowed: number;
  private readonly closesLast: number;

  constructor(
    private readonly tokens: AudioEndRuleTokens,
    options: Pick<AudioEndRuleOptions, 'audioSeconds'> & Partial<AudioEndRuleOptions>,
  ) {
    const { audioSeconds, slackSeconds, closeWithinSeconds } = { ...DEFAULT_AUDIO_END_RULE, ...options };
    const step = tokens.secondsPerTimestamp;
    this.lastAllowed = tokens.timestampBegin + Math.ceil((audioSeconds + slackSeconds) / step);
    this.closesLast = tokens.timestampBegin + Math.max(0, Math.floor((audioSeconds - closeWithinSeconds) / step));
  }

  apply(logits: Float32Array, state: DecodingState): void {
    const { timestampBegin, endOfText } = this.tokens;
    if (this.lastAllowed + 1 < logits.length) logits.fill(-Infinity, this.lastAllowed + 1, logits.length);
    const seq = state.generated;
    const n = seq.length;
    // A closing timestamp: a timestamp right after text (a pair's second half opens the next segment).
    const closed = n >= 2 && seq[n - 1] >= timestampBegin && seq[n - 2] < timestampBegin;
    if (closed && seq[n - 1] >= this.closesLast) {
      const keep = logits[endOfText];
      logits.fill(-Infinity);
      logits[endOfText] = Number.isFinite(keep) ? keep : 0;
    }
  }
}
