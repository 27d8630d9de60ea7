/**
 * How many mel frames the encoder runs over for an utterance. Whisper was trained on 30 s windows
 * and pads every input to 3,000 frames; with the variable-length encoder
 * (models/variable-length-encoder.ts) a short query needs only its own frames plus some silence
 * after the speech. Too little trailing silence and Whisper never emits end-of-text and repeats
 * itself (jfk.wav looped with a 12–13 s window, was clean at 15 s), so the window keeps a margin
 * and is rounded up to a granularity. Measured with `npm run -s context-accuracy` (whisper-tiny,
 * greedy, no stop rule): margins of 1–6 s still loop on short clips, so the cut window is opt-in
 * (DecodeOptions.fitContext) until a stop rule ends decoding at the audio's end.
 */

export interface ContextWindowOptions {
  /** Silence kept after the audio, in mel frames (10 ms each). */
  marginFrames: number;
  /** The window is rounded up to a multiple of this many frames (fewer distinct shapes to run). */
  granularityFrames: number;
  /** Whisper's full window: 3,000 frames = 30 s. Never exceeded. */
  maxFrames: number;
  /** Samples per mel frame (hop length). */
  hopSamples: number;
}

export const DEFAULT_CONTEXT_WINDOW: ContextWindowOptions = {
  marginFrames: 1000,
  granularityFrames: 100,
  maxFrames: 3000,
  hopSamples: 160,
};

/** Frames to compute and encode for `samples` of audio; always even (the encoder halves it). */
export function contextFrames(samples: number, options: Partial<ContextWindowOptions> = {}): number {
  const { marginFrames, granularityFrames, maxFrames, hopSamples } = { ...DEFAULT_CONTEXT_WINDOW, ...options };
  const needed = Math.ceil(samples / hopSamples) + marginFrames;
  const rounded = Math.ceil(needed / granularityFrames) * granularityFrames;
  const frames = Math.min(maxFrames, rounded);
  return frames % 2 === 0 ? frames : frames + 1;
}
