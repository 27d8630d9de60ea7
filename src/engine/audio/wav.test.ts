import { describe, expect, it } from 'vitest';
import { AudioDecodeError, decodeWav, type AudioDecodeErrorReason } from './wav';

// WAV files are assembled byte by byte here, independently of encodeWav, so that the decoder is
// checked against the format itself rather than against our own encoder.

type Bytes = number[];

const ascii = (text: string): Bytes => [...text].map((c) => c.charCodeAt(0));
const u16 = (n: number): Bytes => [n & 0xff, (n >>> 8) & 0xff];
const u32 = (n: number): Bytes => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff, (n >>> 24) & 0xff];

/** A chunk: id, size (the body's length unless `declared` says otherwise), body, pad byte. */
function chunk(id: string, body: Bytes, declared = body.length): Bytes {
  return [...ascii(id), ...u32(declared), ...body, ...(body.length % 2 ? [0] : [])];
}

function riff(chunks: Bytes[], form = 'WAVE'): Uint8Array {
  const content = [...ascii(form), ...chunks.flat()];
  return new Uint8Array([...ascii('RIFF'), ...u32(content.length), ...content]);
}

interface FmtFields {
  tag?: number;
  channels?: number;
  rate?: number;
  bits?: number;
  blockAlign?: number;
}

function fmtBody({ tag = 1, channels = 1, rate = 16000, bits = 16, blockAlign }: FmtFields = {}): Bytes {
  const align = blockAlign ?? (channels * bits) / 8;
  return [...u16(tag), ...u16(channels), ...u32(rate), ...u32(rate * align), ...u16(align), ...u16(bits)];
}

/** WAVE_FORMAT_EXTENSIBLE: the base fields, cbSize 22, valid bits, channel mask, sub-format GUID. */
function extensibleFmtBody(subFormat: number, fields: FmtFields & { validBits?: number } = {}): Bytes {
  const guidSuffix = [0x00, 0x00, 0x00, 0x00, 0x10, 0x00, 0x80, 0x00, 0x00, 0xaa, 0x00, 0x38, 0x9b, 0x71];
  return [
    ...fmtBody({ ...fields, tag: 0xfffe }),
    ...u16(22),
    ...u16(fields.validBits ?? fields.bits ?? 16),
    ...u32(0x3),
    ...u16(subFormat),
    ...guidSuffix,
  ];
}

function wav(fields: FmtFields, data: Bytes): Uint8Array {
  return riff([chunk('fmt ', fmtBody(fields)), chunk('data', data)]);
}

function float32Bytes(values: number[]): Bytes {
  return [...new Uint8Array(new Float32Array(values).buffer)];
}

function float64Bytes(values: number[]): Bytes {
  return [...new Uint8Array(new Float64Array(values).buffer)];
}

function expectDecodeError(bytes: Uint8Array, reason: AudioDecodeErrorReason, message: RegExp): void {
  let thrown: unknown;
  try {
    decodeWav(bytes);
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(AudioDecodeError);
  expect((thrown as AudioDecodeError).reason).toBe(reason);
  expect((thrown as AudioDecodeError).message).toMatch(message);
}

/** Deterministic pseudo-random bytes (mulberry32), so failures reproduce. */
function randomBytes(length: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t ^= t + Math.imul(t ^ (t >>> 7), 61 | t);
    bytes[i] = (t ^ (t >>> 14)) & 0xff;
  }
  return bytes;
}

const ONE_STEP_16 = 1 / 32768;

describe('decodeWav: sample encodings', () => {
  it('decodes unsigned 8-bit PCM with 128 as zero', () => {
    const audio = decodeWav(wav({ bits: 8 }, [0x00, 0x80, 0xff, 0x40]));
    expect([...audio.channels[0]]).toEqual([-1, 0, 127 / 128, -0.5]);
  });

  it('decodes signed 16-bit PCM', () => {
    const audio = decodeWav(wav({ bits: 16 }, [0x00, 0x80, 0x00, 0x00, 0xff, 0x7f, 0xff, 0xff, 0x00, 0x40]));
    expect([...audio.channels[0]]).toEqual([-1, 0, 32767 / 32768, -1 / 32768, 0.5]);
  });

  it('decodes signed 24-bit PCM, sign-extending the top byte', () => {
    const samples = [0x00, 0x00, 0x80, 0xff, 0xff, 0x7f, 0xff, 0xff, 0xff, 0x00, 0x00, 0x40, 0x00, 0x00, 0x00];
    const audio = decodeWav(wav({ bits: 24 }, samples));
    expect([...audio.channels[0]]).toEqual([-1, Math.fround(8388607 / 8388608), Math.fround(-1 / 8388608), 0.5, 0]);
  });

  it('decodes signed 32-bit PCM', () => {
    const samples = [0x00, 0x00, 0x00, 0x80, 0x00, 0x00, 0x00, 0x40, 0x00, 0x00, 0x00, 0xc0, 0xff, 0xff, 0xff, 0x7f];
    const audio = decodeWav(wav({ bits: 32 }, samples));
    expect([...audio.channels[0]]).toEqual([-1, 0.5, -0.5, 1]); // 2^31 - 1 rounds to 1 in float32
  });

  it('decodes 32-bit float, clamping to [-1, 1] and turning NaN into silence', () => {
    const audio = decodeWav(wav({ tag: 3, bits: 32 }, float32Bytes([0.25, -0.75, 1.5, -3, Number.NaN, 1])));
    expect([...audio.channels[0]]).toEqual([0.25, -0.75, 1, -1, 0, 1]);
  });

  it('decodes 64-bit float', () => {
    const audio = decodeWav(wav({ tag: 3, bits: 64 }, float64Bytes([0.1, -0.5, 2])));
    expect([...audio.channels[0]]).toEqual([Math.fround(0.1), -0.5, 1]);
  });

  it('decodes WAVE_FORMAT_EXTENSIBLE by the sub-format in its GUID', () => {
    const pcm24 = [0x00, 0x00, 0x40, 0x00, 0x00, 0xc0];
    const pcmFmt = extensibleFmtBody(1, { bits: 24, validBits: 20 });
    const extensiblePcm = riff([chunk('fmt ', pcmFmt), chunk('data', pcm24)]);
    expect([...decodeWav(extensiblePcm).channels[0]]).toEqual([0.5, -0.5]);

    const floatFmt = extensibleFmtBody(3, { bits: 32 });
    const extensibleFloat = riff([chunk('fmt ', floatFmt), chunk('data', float32Bytes([0.125]))]);
    expect([...decodeWav(extensibleFloat).channels[0]]).toEqual([0.125]);
  });
});

describe('decodeWav: channels and rates', () => {
  it('de-interleaves stereo frames', () => {
    // Frames (L, R): (0.5, -0.5), (0.25, 0)
    const audio = decodeWav(wav({ channels: 2 }, [0x00, 0x40, 0x00, 0xc0, 0x00, 0x20, 0x00, 0x00]));
    expect(audio.channels).toHaveLength(2);
    expect([...audio.channels[0]]).toEqual([0.5, 0.25]);
    expect([...audio.channels[1]]).toEqual([-0.5, 0]);
  });

  it('de-interleaves three channels of 24-bit samples', () => {
    const frame = (a: number, b: number, c: number): Bytes => [0, 0, a, 0, 0, b, 0, 0, c];
    const audio = decodeWav(wav({ channels: 3, bits: 24 }, [...frame(0x40, 0xc0, 0x00), ...frame(0x20, 0x00, 0x80)]));
    expect(audio.channels.map((channel) => [...channel])).toEqual([
      [0.5, 0.25],
      [-0.5, 0],
      [0, -1],
    ]);
  });

  it.each([8000, 11025, 22050, 44100, 48000, 96000, 192000])('reports a sample rate of %i Hz', (rate) => {
    expect(decodeWav(wav({ rate }, [0, 0])).sampleRate).toBe(rate);
  });

  it('drops a partial trailing frame', () => {
    const audio = decodeWav(wav({ channels: 2 }, [0x00, 0x40, 0x00, 0xc0, 0x00, 0x20]));
    expect(audio.channels.map((channel) => [...channel])).toEqual([[0.5], [-0.5]]);
  });

  it('reads a Uint8Array that is a view into a larger buffer', () => {
    const file = wav({}, [0x00, 0x40]);
    const padded = new Uint8Array(file.length + 7);
    padded.set(file, 3);
    expect([...decodeWav(padded.subarray(3, 3 + file.length)).channels[0]]).toEqual([0.5]);
  });
});

describe('decodeWav: chunk layout', () => {
  it('skips unknown chunks, including the pad byte after an odd-sized one', () => {
    const file = riff([
      chunk('LIST', ascii('INFOISFT')),
      chunk('junk', [1, 2, 3]),
      chunk('fmt ', fmtBody()),
      chunk('fact', u32(1)),
      chunk('data', [0x00, 0x40]),
    ]);
    expect([...decodeWav(file).channels[0]]).toEqual([0.5]);
  });

  it('accepts a fmt chunk after the data chunk', () => {
    const file = riff([chunk('data', [0x00, 0xc0]), chunk('fmt ', fmtBody())]);
    expect([...decodeWav(file).channels[0]]).toEqual([-0.5]);
  });

  it('ignores whatever follows the chunks it needs, however broken', () => {
    const file = riff([chunk('fmt ', fmtBody()), chunk('data', [0x00, 0x40]), chunk('LIST', [1, 2], 5000)]);
    expect([...decodeWav(file).channels[0]]).toEqual([0.5]);
  });

  it.each([0, 0xffffffff])('takes the rest of the file when the data size is %i (streamed)', (size) => {
    const file = riff([chunk('fmt ', fmtBody()), chunk('data', [0x00, 0x40, 0x00, 0xc0], size)]);
    expect([...decodeWav(file).channels[0]]).toEqual([0.5, -0.5]);
  });

  it('reads RF64 files, whose 32-bit data size is 0xFFFFFFFF', () => {
    const ds64 = chunk('ds64', new Array(28).fill(0));
    const file = riff([ds64, chunk('fmt ', fmtBody()), chunk('data', [0x00, 0x40], 0xffffffff)]);
    file.set(ascii('RF64'), 0);
    expect([...decodeWav(file).channels[0]]).toEqual([0.5]);
  });
});

describe('decodeWav: bad input', () => {
  const validFmt = chunk('fmt ', fmtBody());

  it('rejects an empty file', () => {
    expectDecodeError(new Uint8Array(0), 'empty', /^empty file \(0 bytes\)$/);
  });

  it('rejects random bytes', () => {
    expectDecodeError(randomBytes(1000, 7), 'not-wav', /^not a WAV file: expected 'RIFF' at byte 0, found '/);
  });

  it('names what it found instead, escaping unprintable bytes', () => {
    const mp3 = new Uint8Array([...ascii('ID3'), 3, 0, 0, 0, 0, 0, 0]);
    expectDecodeError(mp3, 'not-wav', /found 'ID3\\x03'$/);
  });

  it('rejects a RIFF file of another form type', () => {
    expectDecodeError(riff([chunk('avih', [0, 0])], 'AVI '), 'not-wav', /RIFF form type is 'AVI ', expected 'WAVE'/);
  });

  it('rejects a RIFF header cut short', () => {
    const cut = new Uint8Array(ascii('RIFF\x10\x00\x00\x00WA'));
    expectDecodeError(cut, 'truncated', /file is 10 bytes, shorter than the 12-byte RIFF header/);
  });

  it('rejects big-endian RIFX files as unsupported', () => {
    const rifx = riff([validFmt]);
    rifx.set(ascii('RIFX'), 0);
    expectDecodeError(rifx, 'unsupported-format', /big-endian \(RIFX\)/);
  });

  it('rejects a header cut in the middle of the fmt chunk', () => {
    const file = riff([validFmt, chunk('data', [0, 0])]).subarray(0, 12 + 8 + 10);
    expectDecodeError(file, 'truncated', /^truncated WAV: fmt chunk declares 16 bytes but only 10 are present$/);
  });

  it('rejects a file cut inside a chunk header', () => {
    const file = riff([validFmt, chunk('data', [0, 0])]);
    expectDecodeError(file.subarray(0, 12 + 24 + 5), 'truncated', /ends inside the chunk header at byte 36/);
  });

  it('rejects a file without a data chunk, listing the chunks it has', () => {
    const noData = riff([validFmt, chunk('LIST', [1, 2])]);
    expectDecodeError(noData, 'no-audio-data', /^WAV has no data chunk \(chunks found: fmt, LIST\)$/);
    expectDecodeError(riff([]), 'no-audio-data', /no data chunk \(no chunks\)/);
  });

  it('rejects a file without a fmt chunk', () => {
    expectDecodeError(riff([chunk('data', [0, 0])]), 'malformed', /no fmt chunk \(chunks found: data\)/);
  });

  it('rejects a data chunk that declares more bytes than the file holds', () => {
    const file = riff([validFmt, chunk('data', new Array(1000).fill(0), 88200)]);
    expectDecodeError(file, 'truncated', /^truncated WAV: data chunk declares 88200 bytes but only 1000 are present$/);
  });

  it('rejects a chunk before the data that overruns the file', () => {
    const overrun = riff([validFmt, chunk('LIST', [1, 2], 5000)]);
    expectDecodeError(overrun, 'truncated', /LIST chunk declares 5000 bytes but only 2 are present/);
  });

  it('rejects a data chunk shorter than one frame', () => {
    const partialFrame = wav({ channels: 2 }, [0, 0, 0]);
    expectDecodeError(partialFrame, 'no-audio-data', /data chunk holds 3 bytes, less than one 4-byte sample frame/);
    expectDecodeError(wav({}, []), 'no-audio-data', /holds 0 bytes/);
  });

  it('rejects compressed encodings, naming them', () => {
    const adpcm = wav({ tag: 2, bits: 4, blockAlign: 256 }, new Array(256).fill(0));
    expectDecodeError(
      adpcm,
      'unsupported-format',
      /^unsupported WAV encoding: format tag 0x0002 \(ADPCM\); supported: PCM 8\/16\/24\/32-bit, float 32\/64-bit$/,
    );
    expectDecodeError(wav({ tag: 0x1234 }, [0, 0]), 'unsupported-format', /format tag 0x1234;/);
    const extensibleMuLaw = riff([chunk('fmt ', extensibleFmtBody(7, { bits: 8 })), chunk('data', [0])]);
    expectDecodeError(extensibleMuLaw, 'unsupported-format', /extensible WAV with sub-format tag 0x0007 \(µ-law\)/);
  });

  it('rejects sample sizes it does not decode', () => {
    expectDecodeError(wav({ bits: 12, blockAlign: 2 }, [0, 0]), 'unsupported-format', /12-bit PCM; supported/);
    expectDecodeError(wav({ tag: 3, bits: 16 }, [0, 0]), 'unsupported-format', /16-bit float; supported/);
    expectDecodeError(wav({ bits: 0, blockAlign: 2 }, [0, 0]), 'unsupported-format', /0-bit PCM/);
  });

  it('rejects zero channels and a zero sample rate', () => {
    expectDecodeError(wav({ channels: 0, blockAlign: 2 }, [0, 0]), 'malformed', /fmt chunk declares 0 channels/);
    expectDecodeError(wav({ rate: 0 }, [0, 0]), 'malformed', /sample rate of 0 Hz/);
  });

  it('rejects a block align that contradicts channels and sample size', () => {
    const file = wav({ channels: 2, blockAlign: 2 }, [0, 0, 0, 0]);
    expectDecodeError(file, 'malformed', /block align is 2 bytes, but 2 channel\(s\) of 16-bit samples take 4/);
  });

  it('rejects fmt chunks too short for their format', () => {
    const shortFmt = riff([chunk('fmt ', fmtBody().slice(0, 14)), chunk('data', [0, 0])]);
    expectDecodeError(shortFmt, 'malformed', /fmt chunk is 14 bytes/);
    const shortExtensible = riff([chunk('fmt ', [...fmtBody({ tag: 0xfffe }), ...u16(0)]), chunk('data', [0, 0])]);
    expectDecodeError(shortExtensible, 'malformed', /extensible fmt chunk is 18 bytes/);
  });

  it('throws only AudioDecodeError for any truncation or corruption of a valid file', () => {
    const fmt = chunk('fmt ', fmtBody({ channels: 2, bits: 24 }));
    const valid = riff([chunk('LIST', ascii('INFO')), fmt, chunk('data', [...randomBytes(60, 1)])]);
    const attempts: Uint8Array[] = [];
    for (let length = 0; length < valid.length; length++) attempts.push(valid.subarray(0, length));
    for (let seed = 0; seed < 2000; seed++) {
      const corrupt = valid.slice();
      const noise = randomBytes(3, seed);
      corrupt[noise[0] % 60] = noise[1]; // the headers span the first 56 bytes
      corrupt[noise[2] % 60] ^= 0xff;
      attempts.push(corrupt);
    }
    for (const bytes of attempts) {
      try {
        const audio = decodeWav(bytes);
        for (const channel of audio.channels) expect(channel.every((x) => x >= -1 && x <= 1)).toBe(true);
      } catch (error) {
        expect(error).toBeInstanceOf(AudioDecodeError);
      }
    }
  });
});
