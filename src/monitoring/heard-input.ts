/**
 * What the recogniser was given to hear, measured where the samples are: in the recognition worker
 * (src/worker/engine-host.ts), so the page's main thread never walks the audio for the query log
 * (issue #19's "under 2 ms on the main thread"). The level feeds the log and its drift check; the
 * envelope is the waveform the "How it worked" panel draws. Pure, tested in Node.
 */

export interface InputLevel {
  /** Root mean square of the samples, in dBFS. */
  rmsDb: number;
  /** Largest absolute sample, in dBFS. */
  peakDb: number;
  /** Share of samples at or beyond ±0.99 (clipping). */
  clippedShare: number;
}

export interface Envelope {
  /** Per bin, the lowest and highest sample. */
  min: number[];
  max: number[];
  seconds: number;
}

export interface HeardInput {
  level: InputLevel;
  envelope: Envelope;
}

/** Samples at or beyond this magnitude count as clipped. */
const CLIPPED = 0.99;
/** The floor of a level in dBFS (digital silence). */
const FLOOR_DB = -120;

const toDb = (v: number) => (v > 0 ? Math.max(FLOOR_DB, 20 * Math.log10(v)) : FLOOR_DB);

/** The input level of PCM: RMS, peak and clipped share. */
export function inputLevel(pcm: Float32Array): InputLevel {
  let sum = 0;
  let peak = 0;
  let clipped = 0;
  for (let i = 0; i < pcm.length; i++) {
    const x = pcm[i]!;
    const a = Math.abs(x);
    sum += x * x;
    if (a > peak) peak = a;
    if (a >= CLIPPED) clipped++;
  }
  const n = Math.max(1, pcm.length);
  return { rmsDb: toDb(Math.sqrt(sum / n)), peakDb: toDb(peak), clippedShare: clipped / n };
}

/** `bins` min/max pairs over `pcm`, in one pass. */
export function envelope(pcm: Float32Array, sampleRate: number, bins = 240): Envelope {
  const min = new Array<number>(bins).fill(0);
  const max = new Array<number>(bins).fill(0);
  const per = pcm.length / bins;
  for (let i = 0; i < pcm.length; i++) {
    const bin = Math.min(bins - 1, Math.floor(i / per));
    const x = pcm[i]!;
    if (x < min[bin]!) min[bin] = x;
    if (x > max[bin]!) max[bin] = x;
  }
  return { min, max, seconds: pcm.length / sampleRate };
}

export function measureHeardInput(pcm: Float32Array, sampleRate: number): HeardInput {
  return { level: inputLevel(pcm), envelope: envelope(pcm, sampleRate) };
}
