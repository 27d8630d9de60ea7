/**
 * Transcribing an audio file of any length, segment by segment: its chunks (audio-chunks.ts) are
 * gathered into segments of at most `maxSegmentSeconds`, each cut at the quietest moment in its
 * last `searchSeconds` (engine/audio/windows.ts, the rule Whisper's 30 s windows use here), and
 * each segment is transcribed as it is complete. At most one segment and one chunk of samples are
 * held at once. Progress is reported after every segment; a cancelled run stops before the next
 * segment and keeps what it has; a failed segment is named by its time and keeps the rest.
 * Pure: the chunks and the recogniser come in as arguments, so it runs in Node tests.
 */
import { splitIntoWindows } from '../engine/audio/windows';

export interface LongAudioOptions {
  /**
   * Longest segment handed to the recogniser, in seconds (default 20). Under Whisper's 30 s
   * window, so a segment is one decoding window; Moonshine has no window, and its cost grows with
   * the length, so shorter segments also bring the first words sooner.
   */
  maxSegmentSeconds: number;
  /** How far back from a segment's longest end to look for a quiet cut, in seconds (default 5). */
  searchSeconds: number;
  /** Length of the frames whose energy is compared, in seconds (default 0.05). */
  frameSeconds: number;
  /** Sample rate of the chunks (default 16 kHz). */
  sampleRate: number;
}

export const DEFAULT_LONG_AUDIO_OPTIONS: Readonly<LongAudioOptions> = Object.freeze({
  maxSegmentSeconds: 20,
  searchSeconds: 5,
  frameSeconds: 0.05,
  sampleRate: 16_000,
});

export interface AudioSegment {
  /** First sample of the segment in the whole audio. */
  startSample: number;
  pcm: Float32Array;
}

/** Gathers chunks into segments; `held` is how many samples wait for the next cut. */
export class LongAudioSegmenter {
  private readonly maxSamples: number;
  private readonly searchSamples: number;
  private readonly frameSamples: number;
  private buffer = new Float32Array(0);
  private bufferStart = 0;

  constructor(options: Partial<LongAudioOptions> = {}) {
    const o = { ...DEFAULT_LONG_AUDIO_OPTIONS, ...options };
    this.maxSamples = Math.round(o.maxSegmentSeconds * o.sampleRate);
    this.searchSamples = Math.round(o.searchSeconds * o.sampleRate);
    this.frameSamples = Math.max(1, Math.round(o.frameSeconds * o.sampleRate));
  }

  get held(): number {
    return this.buffer.length;
  }

  /** Adds a chunk; returns the segments it completed, in order. */
  push(chunk: Float32Array): AudioSegment[] {
    const joined = new Float32Array(this.buffer.length + chunk.length);
    joined.set(this.buffer);
    joined.set(chunk, this.buffer.length);
    this.buffer = joined;
    const segments: AudioSegment[] = [];
    while (this.buffer.length > this.maxSamples) {
      const [, cut] = splitIntoWindows(this.buffer, { maxSamples: this.maxSamples, searchSamples: this.searchSamples, frameSamples: this.frameSamples })[0]!;
      segments.push(this.take(cut));
    }
    return segments;
  }

  /** The audio has ended: the rest, if any, is the last segment. */
  finish(): AudioSegment[] {
    return this.buffer.length === 0 ? [] : [this.take(this.buffer.length)];
  }

  private take(samples: number): AudioSegment {
    const segment = { startSample: this.bufferStart, pcm: this.buffer.slice(0, samples) };
    this.buffer = this.buffer.slice(samples);
    this.bufferStart += samples;
    return segment;
  }
}

export interface TranscribedSegment {
  startSeconds: number;
  endSeconds: number;
  text: string;
}

export interface LongAudioProgress {
  /** Seconds of audio transcribed so far. */
  doneSeconds: number;
  totalSeconds: number;
}

export interface LongAudioRun {
  chunks: AsyncIterable<Float32Array>;
  totalSeconds: number;
  /** A segment's text; '' when nothing was said in it. */
  transcribe(pcm: Float32Array): Promise<string>;
  onSegment?(segment: TranscribedSegment): void;
  onProgress?(progress: LongAudioProgress): void;
  signal?: AbortSignal;
  options?: Partial<LongAudioOptions>;
}

export type LongAudioResult =
  | { state: 'done'; segments: TranscribedSegment[] }
  | { state: 'cancelled'; segments: TranscribedSegment[]; doneSeconds: number }
  | { state: 'failed'; segments: TranscribedSegment[]; message: string };

/** m:ss, for naming a moment of a recording. */
export function clockTime(seconds: number): string {
  const whole = Math.floor(seconds);
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}

export async function transcribeLongAudio(run: LongAudioRun): Promise<LongAudioResult> {
  const rate = run.options?.sampleRate ?? DEFAULT_LONG_AUDIO_OPTIONS.sampleRate;
  const segmenter = new LongAudioSegmenter(run.options);
  const segments: TranscribedSegment[] = [];
  let doneSeconds = 0;
  const cancelled = (): LongAudioResult | undefined => (run.signal?.aborted ? { state: 'cancelled', segments, doneSeconds } : undefined);

  const transcribeAll = async (ready: AudioSegment[]): Promise<LongAudioResult | undefined> => {
    for (const segment of ready) {
      const stop = cancelled();
      if (stop) return stop;
      const startSeconds = segment.startSample / rate;
      const endSeconds = (segment.startSample + segment.pcm.length) / rate;
      let text: string;
      try {
        text = (await run.transcribe(segment.pcm)).trim();
      } catch (error) {
        const why = error instanceof Error ? error.message : String(error);
        return { state: 'failed', segments, message: `Couldn't transcribe ${clockTime(startSeconds)}–${clockTime(endSeconds)}: ${why}` };
      }
      if (text !== '') {
        const transcribed = { startSeconds, endSeconds, text };
        segments.push(transcribed);
        run.onSegment?.(transcribed);
      }
      doneSeconds = Math.min(run.totalSeconds, endSeconds);
      run.onProgress?.({ doneSeconds, totalSeconds: run.totalSeconds });
    }
    return undefined;
  };

  try {
    for await (const chunk of run.chunks) {
      const stop = cancelled() ?? (await transcribeAll(segmenter.push(chunk)));
      if (stop) return stop;
    }
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return { state: 'failed', segments, message: `Couldn't read the file after ${clockTime(doneSeconds)}: ${why}` };
  }
  return (await transcribeAll(segmenter.finish())) ?? { state: 'done', segments };
}
