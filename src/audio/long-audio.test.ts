/** A file of any length is cut into bounded segments at pauses and transcribed one by one. */
import { describe, expect, it } from 'vitest';
import { pcmChunks } from './audio-chunks';
import { clockTime, LongAudioSegmenter, transcribeLongAudio, type AudioSegment } from './long-audio';

const RATE = 16_000;

/** `seconds` of "speech" (a loud tone) with a silent second every 7 s, starting at 6 s. */
function talk(seconds: number): Float32Array {
  const pcm = new Float32Array(seconds * RATE);
  for (let i = 0; i < pcm.length; i++) {
    const t = i / RATE;
    pcm[i] = t % 4 >= 3 ? 0 : 0.5 * Math.sin(2 * Math.PI * 220 * t);
  }
  return pcm;
}

async function* chunksOf(seconds: number, chunkSeconds: number): AsyncGenerator<Float32Array> {
  // Built chunk by chunk, as a streamed file is: ten minutes never exist at once.
  for (let start = 0; start < seconds; start += chunkSeconds) {
    const chunk = new Float32Array(Math.min(chunkSeconds, seconds - start) * RATE);
    for (let i = 0; i < chunk.length; i++) {
      const t = start + i / RATE;
      chunk[i] = t % 4 >= 3 ? 0 : 0.5 * Math.sin(2 * Math.PI * 220 * t);
    }
    yield chunk;
  }
}

describe('LongAudioSegmenter', () => {
  it('tiles ten minutes with segments of at most 20 s, cut in the pauses, holding at most 20 s and a chunk', async () => {
    const segmenter = new LongAudioSegmenter();
    const segments: AudioSegment[] = [];
    let mostHeld = 0;
    for await (const chunk of chunksOf(600, 10)) {
      segments.push(...segmenter.push(chunk));
      mostHeld = Math.max(mostHeld, segmenter.held);
    }
    segments.push(...segmenter.finish());
    expect(mostHeld).toBeLessThanOrEqual(20 * RATE);
    let next = 0;
    for (const segment of segments) {
      expect(segment.startSample).toBe(next);
      expect(segment.pcm.length).toBeLessThanOrEqual(20 * RATE);
      next += segment.pcm.length;
    }
    expect(next).toBe(600 * RATE);
    // Every cut but the file's end lies inside a silent second (3–4 s of each 4).
    for (const segment of segments.slice(1)) expect((segment.startSample / RATE) % 4).toBeGreaterThanOrEqual(3);
  });

  it('audio shorter than a segment is one segment, given at the end', () => {
    const segmenter = new LongAudioSegmenter();
    expect(segmenter.push(talk(5))).toEqual([]);
    const [only, ...rest] = segmenter.finish();
    expect(rest).toEqual([]);
    expect(only!.pcm.length).toBe(5 * RATE);
    expect(segmenter.finish()).toEqual([]);
  });
});

describe('transcribeLongAudio', () => {
  const heard = (pcm: Float32Array) => Promise.resolve(`${(pcm.length / RATE).toFixed(0)} seconds`);

  it('transcribes every segment in order with its times, and reports progress to the end', async () => {
    const progress: number[] = [];
    const result = await transcribeLongAudio({ chunks: chunksOf(95, 10), totalSeconds: 95, transcribe: heard, onProgress: (p) => progress.push(p.doneSeconds) });
    expect(result.state).toBe('done');
    expect(result.segments.length).toBeGreaterThanOrEqual(5);
    expect(result.segments[0]!.startSeconds).toBe(0);
    expect(result.segments.at(-1)!.endSeconds).toBe(95);
    for (let i = 1; i < result.segments.length; i++) expect(result.segments[i]!.startSeconds).toBe(result.segments[i - 1]!.endSeconds);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.at(-1)).toBe(95);
  });

  it('leaves out segments where nothing was said, and still counts them as done', async () => {
    let call = 0;
    const result = await transcribeLongAudio({ chunks: chunksOf(60, 10), totalSeconds: 60, transcribe: () => Promise.resolve(call++ % 2 ? '' : 'words') });
    expect(result.state).toBe('done');
    expect(result.segments.length).toBe(Math.ceil(call / 2));
    expect(result.segments.every((s) => s.text === 'words')).toBe(true);
  });

  it('Cancel stops before the next segment and keeps what was transcribed', async () => {
    const controller = new AbortController();
    let calls = 0;
    const result = await transcribeLongAudio({
      chunks: chunksOf(600, 10),
      totalSeconds: 600,
      transcribe: async (pcm) => {
        if (++calls === 2) controller.abort();
        return heard(pcm);
      },
      signal: controller.signal,
    });
    expect(calls).toBe(2);
    expect(result).toMatchObject({ state: 'cancelled', segments: [{ startSeconds: 0 }, {}] });
    expect(result.state === 'cancelled' && result.doneSeconds).toBe(result.segments[1]!.endSeconds);
  });

  it('a failing segment is named by its time; the segments before it are kept', async () => {
    let calls = 0;
    const result = await transcribeLongAudio({
      chunks: pcmChunks(talk(60), 10 * RATE),
      totalSeconds: 60,
      transcribe: async (pcm) => {
        if (++calls === 2) throw new Error('the speech model stopped');
        return heard(pcm);
      },
    });
    expect(result.state).toBe('failed');
    expect(result.segments.length).toBe(1);
    const { endSeconds } = result.segments[0]!;
    expect(result.state === 'failed' && result.message).toMatch(new RegExp(`^Couldn't transcribe ${clockTime(endSeconds)}–0:\\d\\d: the speech model stopped$`));
  });

  it('a file that cannot be read further says how far it got', async () => {
    async function* broken() {
      yield talk(25);
      throw new RangeError('the file ended at byte 800044, inside its audio');
    }
    const result = await transcribeLongAudio({ chunks: broken(), totalSeconds: 60, transcribe: heard });
    expect(result).toMatchObject({ state: 'failed', segments: [{ startSeconds: 0 }] });
    expect(result.state === 'failed' && result.message).toMatch(/^Couldn't read the file after 0:\d\d: the file ended at byte 800044, inside its audio$/);
  });

  it('clockTime writes m:ss', () => {
    expect([0, 9.9, 61, 600].map(clockTime)).toEqual(['0:00', '0:09', '1:01', '10:00']);
  });
});
