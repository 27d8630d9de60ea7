/** A WAV file read a slice at a time gives the samples reading it whole gives. */
import { describe, expect, it } from 'vitest';
import { decodeWav, encodeWav, readWavLayout, toMono16k } from '../engine/audio';
import { AudioDecodeError } from '../engine/audio/wav';
import { pcmChunks, wavChunks, wavSlicing } from './audio-chunks';

/** A chirp-and-noise signal: content across the band, different in each channel. */
function signal(rate: number, seconds: number, channels: number): Float32Array[] {
  let seed = 7;
  const noise = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648 - 0.5) * 0.2;
  return Array.from({ length: channels }, (_, c) =>
    Float32Array.from({ length: Math.round(rate * seconds) }, (_, i) => 0.5 * Math.sin((2 * Math.PI * (200 + 40 * i / rate) * i) / rate + c) + noise()),
  );
}

async function collect(chunks: AsyncIterable<Float32Array>): Promise<{ joined: Float32Array; sizes: number[] }> {
  const parts: Float32Array[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  const joined = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) joined.set(part, (at += part.length) - part.length);
  return { joined, sizes: parts.map((p) => p.length) };
}

function maxDifference(a: Float32Array, b: Float32Array): number {
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i]! - b[i]!));
  return max;
}

describe('wavChunks', () => {
  it.each([
    [48_000, 2, 'pcm16'],
    [44_100, 1, 'pcm24'],
    [22_050, 2, 'float32'],
    [16_000, 1, 'pcm16'],
    [8_000, 1, 'pcm8'],
  ] as const)('%i Hz, %i channel(s), %s: slices of 1 s give the whole file’s samples', async (rate, channels, encoding) => {
    const bytes = encodeWav({ sampleRate: rate, channels: signal(rate, 3.7, channels) }, encoding);
    const layout = readWavLayout(bytes.subarray(0, 256), bytes.length);
    const whole = toMono16k(decodeWav(bytes));
    const { joined, sizes } = await collect(wavChunks(new Blob([bytes as Uint8Array<ArrayBuffer>]), layout, { chunkSeconds: 1 }));
    expect(sizes.length).toBe(4);
    expect(joined.length).toBe(whole.length);
    expect(maxDifference(joined, whole)).toBeLessThan(1e-6);
  });

  it('a rate with no short period (16,001 Hz) is sliced on whole seconds and still matches', async () => {
    const bytes = encodeWav({ sampleRate: 16_001, channels: signal(16_001, 2.5, 1) });
    expect(wavSlicing(16_001).period).toBe(16_001);
    const whole = toMono16k(decodeWav(bytes));
    const { joined } = await collect(wavChunks(new Blob([bytes as Uint8Array<ArrayBuffer>]), readWavLayout(bytes, bytes.length), { chunkSeconds: 1 }));
    expect(joined.length).toBe(whole.length);
    expect(maxDifference(joined, whole)).toBeLessThan(1e-5);
  });

  it('reads only a slice at a time: no read is more than a chunk and its padding', async () => {
    const bytes = encodeWav({ sampleRate: 48_000, channels: signal(48_000, 30, 2) });
    const layout = readWavLayout(bytes.subarray(0, 256), bytes.length);
    const reads: number[] = [];
    const file = new Blob([bytes as Uint8Array<ArrayBuffer>]);
    const spy = { slice: (start: number, end: number) => (reads.push(end - start), file.slice(start, end)) } as unknown as Blob;
    const { pad, chunkFrames } = wavSlicing(48_000, { chunkSeconds: 10 });
    await collect(wavChunks(spy, layout, { chunkSeconds: 10 }));
    expect(reads.length).toBe(3);
    expect(Math.max(...reads)).toBeLessThanOrEqual((chunkFrames + 2 * pad) * layout.frameBytes);
  });

  it('a file cut short inside its audio is refused by its header, naming the bytes', () => {
    const bytes = encodeWav({ sampleRate: 16_000, channels: signal(16_000, 1, 1) });
    expect(() => readWavLayout(bytes.subarray(0, 256), bytes.length - 1000)).toThrow(/truncated WAV: data chunk declares 32000 bytes but only 31000 are present/);
    expect(() => readWavLayout(bytes.subarray(0, 256), bytes.length - 1000)).toThrow(AudioDecodeError);
  });

  it('a header cut before the data chunk says the data chunk was not found in what was read', () => {
    const bytes = encodeWav({ sampleRate: 16_000, channels: signal(16_000, 1, 1) });
    expect(() => readWavLayout(bytes.subarray(0, 40), bytes.length)).toThrow(/no data chunk within the first 40 bytes/);
  });
});

describe('pcmChunks', () => {
  it('hands samples on in order, the last chunk shorter', async () => {
    const pcm = Float32Array.from({ length: 25 }, (_, i) => i);
    const { joined, sizes } = await collect(pcmChunks(pcm, 10));
    expect(sizes).toEqual([10, 10, 5]);
    expect(Array.from(joined)).toEqual(Array.from(pcm));
  });
});
