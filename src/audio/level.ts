/**
 * The input level meter's arithmetic (pure; tested in Node): root-mean-square of a frame of
 * samples in [-1, 1], shown on a decibel scale because loudness is heard logarithmically.
 */

export interface LevelScale {
  /** dBFS shown as an empty meter; quieter is clamped to it. Room noise sits around -60 dBFS. */
  floorDb: number;
}

export const DEFAULT_LEVEL_SCALE: LevelScale = { floorDb: -60 };

export function rms(samples: ArrayLike<number>): number {
  if (samples.length === 0) return 0;
  let sum = 0;
  for (let i = 0; i < samples.length; i++) {
    const s = samples[i] as number;
    sum += s * s;
  }
  return Math.sqrt(sum / samples.length);
}

/** RMS → meter position in [0, 1]: 0 at or below the floor, 1 at full scale (0 dBFS). */
export function meterLevel(rmsValue: number, scale: LevelScale = DEFAULT_LEVEL_SCALE): number {
  if (!(rmsValue > 0)) return 0;
  const db = 20 * Math.log10(rmsValue);
  return Math.min(1, Math.max(0, 1 - db / scale.floorDb));
}
