/**
 * Splits audio longer than a model's window into consecutive windows, each cut at the quietest
 * moment in the last few seconds before its end rather than at a fixed sample, so a word is split
 * only when the speaker made no pause there (Whisper's own remedy, seeking to the last timestamp
 * token, would avoid that too). Used for Whisper's 30 s window; no audio is dropped or repeated:
 * the windows tile the input exactly.
 */

export interface WindowOptions {
  /** Longest window, in samples (Whisper: 30 s × 16 kHz = 480,000). */
  maxSamples: number;
  /** How far back from a window's end to look for a quiet cut point, in samples (default 5 s). */
  searchSamples: number;
  /** Length of the frames whose energy is compared, in samples (default 50 ms). */
  frameSamples: number;
}

export const DEFAULT_WINDOW_OPTIONS: WindowOptions = {
  maxSamples: 480_000,
  searchSamples: 80_000,
  frameSamples: 800,
};

/** [start, end) sample ranges covering `audio` in order, each at most `maxSamples` long. */
export function splitIntoWindows(audio: Float32Array, options: Partial<WindowOptions> = {}): [number, number][] {
  const { maxSamples, searchSamples, frameSamples } = { ...DEFAULT_WINDOW_OPTIONS, ...options };
  const windows: [number, number][] = [];
  let start = 0;
  while (audio.length - start > maxSamples) {
    const limit = start + maxSamples;
    let cut = limit;
    let quietest = Infinity;
    // Scan frames ending at or before `limit`, latest first, keeping the lowest-energy one.
    for (let end = limit; end - frameSamples >= limit - searchSamples && end - frameSamples > start; end -= frameSamples) {
      let energy = 0;
      for (let i = end - frameSamples; i < end; i++) energy += audio[i] * audio[i];
      if (energy < quietest) {
        quietest = energy;
        cut = end - (frameSamples >> 1);
      }
    }
    windows.push([start, cut]);
    start = cut;
  }
  windows.push([start, audio.length]);
  return windows;
}
