/**
 * Encodes float samples as a WAV file with the canonical 44-byte header ('RIFF', a 16-byte
 * 'fmt ' chunk, 'data'), the layout every WAV reader accepts: for saving recordings and writing
 * fixtures. decodeWav (wav.ts) reads every encoding written here.
 */
import { clampSample } from './sample-range';
import type { DecodedAudio } from './wav';

export type WavEncoding = 'pcm8' | 'pcm16' | 'pcm24' | 'pcm32' | 'float32' | 'float64';

type SampleWriter = (view: DataView, byteOffset: number, sample: number) => void;

interface EncodingLayout {
  formatTag: number;
  bitsPerSample: number;
  write: SampleWriter;
}

/**
 * Scales by 2^(bits-1), the inverse of decodeWav, so that a round trip errs by at most half a
 * step. Codes end at 2^(bits-1) - 1, so +1 is clipped by one step: -1 and +1 cannot both be exact.
 */
function quantise(sample: number, bits: number): number {
  const half = 2 ** (bits - 1);
  return Math.min(Math.round(clampSample(sample) * half), half - 1);
}

const PCM = 0x0001;
const IEEE_FLOAT = 0x0003;

const LAYOUTS: Record<WavEncoding, EncodingLayout> = {
  pcm8: {
    formatTag: PCM,
    bitsPerSample: 8,
    write: (view, at, x) => view.setUint8(at, quantise(x, 8) + 0x80), // unsigned, 128 is zero
  },
  pcm16: {
    formatTag: PCM,
    bitsPerSample: 16,
    write: (view, at, x) => view.setInt16(at, quantise(x, 16), true),
  },
  pcm24: {
    formatTag: PCM,
    bitsPerSample: 24,
    write: (view, at, x) => {
      const code = quantise(x, 24);
      view.setUint16(at, code & 0xffff, true);
      view.setInt8(at + 2, code >> 16);
    },
  },
  pcm32: {
    formatTag: PCM,
    bitsPerSample: 32,
    write: (view, at, x) => view.setInt32(at, quantise(x, 32), true),
  },
  float32: {
    formatTag: IEEE_FLOAT,
    bitsPerSample: 32,
    write: (view, at, x) => view.setFloat32(at, clampSample(x), true),
  },
  float64: {
    formatTag: IEEE_FLOAT,
    bitsPerSample: 64,
    write: (view, at, x) => view.setFloat64(at, clampSample(x), true),
  },
};

const HEADER_BYTES = 44;
/** The RIFF size field is 32 bits and counts everything after its first 8 bytes. */
const MAX_RIFF_SIZE = 0xffffffff;

/** Encodes audio as a WAV file; samples outside [-1, 1] are clipped. */
export function encodeWav(audio: DecodedAudio, encoding: WavEncoding = 'pcm16'): Uint8Array {
  const { sampleRate, channels } = audio;
  const { formatTag, bitsPerSample, write } = LAYOUTS[encoding];
  if (!Number.isInteger(sampleRate) || sampleRate <= 0) {
    throw new RangeError(`encodeWav: sample rate must be a positive integer, got ${sampleRate}`);
  }
  if (channels.length === 0 || channels.length > 0xffff) {
    throw new RangeError(`encodeWav: need 1 to 65535 channels, got ${channels.length}`);
  }
  const frameCount = channels[0].length;
  if (channels.some((channel) => channel.length !== frameCount)) {
    const lengths = channels.map((channel) => channel.length).join(', ');
    throw new RangeError(`encodeWav: channels differ in length (${lengths})`);
  }
  const bytesPerSample = bitsPerSample / 8;
  const blockAlign = channels.length * bytesPerSample;
  if (blockAlign > 0xffff) {
    const frame = `${channels.length} channels of ${bitsPerSample}-bit samples`;
    throw new RangeError(`encodeWav: ${frame} exceed WAV's 65535-byte frame`);
  }
  if (sampleRate * blockAlign > 0xffffffff) {
    const rate = `${sampleRate} Hz with ${blockAlign}-byte frames`;
    throw new RangeError(`encodeWav: ${rate} exceeds WAV's 32-bit byte rate`);
  }
  const dataBytes = frameCount * blockAlign;
  if (HEADER_BYTES - 8 + dataBytes > MAX_RIFF_SIZE) {
    throw new RangeError(`encodeWav: ${dataBytes} bytes of samples exceed WAV's 4 GiB limit`);
  }

  const bytes = new Uint8Array(HEADER_BYTES + dataBytes);
  const view = new DataView(bytes.buffer);
  writeId(bytes, 0, 'RIFF');
  view.setUint32(4, HEADER_BYTES - 8 + dataBytes, true);
  writeId(bytes, 8, 'WAVE');
  writeId(bytes, 12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, formatTag, true);
  view.setUint16(22, channels.length, true);
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * blockAlign, true);
  view.setUint16(32, blockAlign, true);
  view.setUint16(34, bitsPerSample, true);
  writeId(bytes, 36, 'data');
  view.setUint32(40, dataBytes, true);

  let at = HEADER_BYTES;
  for (let frame = 0; frame < frameCount; frame++) {
    for (let channel = 0; channel < channels.length; channel++) {
      write(view, at, channels[channel][frame]);
      at += bytesPerSample;
    }
  }
  return bytes;
}

function writeId(bytes: Uint8Array, offset: number, id: string): void {
  for (let i = 0; i < 4; i++) bytes[offset + i] = id.charCodeAt(i);
}
