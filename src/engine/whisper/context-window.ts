/**
 * How many mel frames the encoder runs over for an utterance. Whisper was trained on 30 s windows
 * and pads every input to 3,000 frames; with the variable-length encoder
 * (models/variable-length-encoder.ts) a short query needs only its own frames plus a little
 * silence after the speech, rounded up to a granularity (fewer distinct shapes to run).
 *
 * Without a stop rule a cut window loops (jfk.wav looped with a 12–13 s window); with
 * audio-end-rule.ts and the repetition guards it ends where the audio ends. Measured with
 * `npm run -s context-accuracy -- --models whisper-tiny-q8 --margins 300 --limit 120`
 * (onnxruntime-node, safeguards on): the cut window is more accurate than the full one on the
 * generated queries and as accurate on the committed recordings (docs/BENCHMARKS.md, "Encoder
 * window", has the figures). Why 3 s:
 * a one-word query from the microphone path (the detector's 0.48 s pre-speech pad and 0.8 s of
 * trailing silence, 0.3 s more in front) needs it: with 1 s, tiny wrote "London London",
 * "Mexico City Mexico City" and "Perluen." for the e2e fixtures; with 2 s one was still wrong;
 * with 3 s all ten were right. A 3 s query's window is then 6 s, a fifth of Whisper's.
 *
 * Only short audio is cut (`maxCutFrames`): the encoder's self-attention sees the padding too, and
 * on longer real speech a cut window cost words — with cuts up to 15 s, whisper-base garbled
 * jfk.wav said three times over 41 s ("And so my fellow American asked not…", a sentence dropped)
 * where the full window is word for word — while the time saved shrinks as the audio fills the
 * window. A voice query is a few seconds.
 */

export interface ContextWindowOptions {
  /** Silence kept after the audio, in mel frames (10 ms each). */
  marginFrames: number;
  /** The window is rounded up to a multiple of this many frames (fewer distinct shapes to run). */
  granularityFrames: number;
  /** Whisper's full window: 3,000 frames = 30 s. Never exceeded. */
  maxFrames: number;
  /** Audio longer than this many frames gets the full window. */
  maxCutFrames: number;
  /** Samples per mel frame (hop length). */
  hopSamples: number;
}

export const DEFAULT_CONTEXT_WINDOW: ContextWindowOptions = {
  marginFrames: 300,
  granularityFrames: 100,
  maxFrames: 3000,
  maxCutFrames: 1000,
  hopSamples: 160,
};

/** Frames to compute and encode for `samples` of audio; always even (the encoder halves it). */
export function contextFrames(samples: number, options: Partial<ContextWindowOptions> = {}): number {
  const { marginFrames, granularityFrames, maxFrames, maxCutFrames, hopSamples } = { ...DEFAULT_CONTEXT_WINDOW, ...options };
  const audioFrames = Math.ceil(samples / hopSamples);
  if (audioFrames > maxCutFrames) return maxFrames;
  const needed = audioFrames + marginFrames;
  const rounded = Math.ceil(needed / granularityFrames) * granularityFrames;
  const frames = Math.min(maxFrames, rounded);
  return frames % 2 === 0 ? frames : frames + 1;
}
