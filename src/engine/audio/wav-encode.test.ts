import { describe, expect, it } from 'vitest';
import { decodeWav } from './wav';
import { encodeWav, type WavEncoding } from './wav-encode';

const text = (bytes: Uint8Array, start: number): string => String.fromCharCode(...bytes.subarray(start, start + 4));

/** A ramp over [-1, 1] including both ends and zero. */
function ramp(length: number): Float32Array {
  return Float32Array.from({ length }, (_, i) => -1 + (2 * i) / (length - 1));
}

describe('encodeWav', () => {
  it('writes the canonical 44-byte header', () => {
    const bytes = encodeWav({ sampleRate: 22050, channels: [new Float32Array(3), new Float32Array(3)] });
    const view = new DataView(bytes.buffer);
    expect(bytes.length).toBe(44 + 3 * 2 * 2);
    expect(text(bytes, 0)).toBe('RIFF');
    expect(view.getUint32(4, true)).toBe(bytes.length - 8);
    expect(text(bytes, 8)).toBe('WAVE');
    expect(text(bytes, 12)).toBe('fmt ');
    expect(view.getUint32(16, true)).toBe(16);
    expect(view.getUint16(20, true)).toBe(1); // PCM
    expect(view.getUint16(22, true)).toBe(2); // channels
    expect(view.getUint32(24, true)).toBe(22050);
    expect(view.getUint32(28, true)).toBe(22050 * 4); // byte rate
    expect(view.getUint16(32, true)).toBe(4); // block align
    expect(view.getUint16(34, true)).toBe(16);
    expect(text(bytes, 36)).toBe('data');
    expect(view.getUint32(40, true)).toBe(12);
  });

  it('interleaves channels and maps full scale to the extreme codes', () => {
    const bytes = encodeWav({ sampleRate: 8000, channels: [Float32Array.of(1, 0), Float32Array.of(-1, 0.5)] });
    const view = new DataView(bytes.buffer, 44);
    expect([0, 2, 4, 6].map((at) => view.getInt16(at, true))).toEqual([32767, -32768, 0, 16384]);
  });

  it.each<[WavEncoding, number]>([
    ['pcm8', 1 / 128],
    ['pcm16', 1 / 32768],
    ['pcm24', 1 / 8388608],
    ['pcm32', 1 / 2 ** 24], // limited by float32 samples (24-bit mantissa), not by the format
    ['float32', 0],
    ['float64', 0],
  ])('round-trips %s through decodeWav within half a step (one at +1)', (encoding, step) => {
    const left = ramp(201);
    const right = left.map((x) => -x / 2);
    const decoded = decodeWav(encodeWav({ sampleRate: 44100, channels: [left, right] }, encoding));
    expect(decoded.sampleRate).toBe(44100);
    expect(decoded.channels).toHaveLength(2);
    [left, right].forEach((original, c) => {
      original.forEach((x, i) => {
        expect(Math.abs(x - decoded.channels[c][i])).toBeLessThanOrEqual(x === 1 ? step : step / 2);
      });
    });
  });

  it('clips samples outside [-1, 1] and writes NaN as silence', () => {
    const bytes = encodeWav({ sampleRate: 16000, channels: [Float32Array.of(2, -2, Number.NaN)] }, 'pcm16');
    expect([...decodeWav(bytes).channels[0]]).toEqual([32767 / 32768, -1, 0]);
  });

  it('rejects audio it cannot describe in a WAV header', () => {
    expect(() => encodeWav({ sampleRate: 16000, channels: [] })).toThrow(/need 1 to 65535 channels, got 0/);
    expect(() => encodeWav({ sampleRate: 16000.5, channels: [new Float32Array(1)] })).toThrow(
      /positive integer, got 16000.5/,
    );
    expect(() => encodeWav({ sampleRate: 16000, channels: [new Float32Array(2), new Float32Array(3)] })).toThrow(
      /channels differ in length \(2, 3\)/,
    );
  });
});
