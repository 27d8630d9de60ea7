/**
 * Decodes WAV files (RIFF/WAVE) into float samples, one array per channel.
 *
 * Layout: a 12-byte RIFF header ('RIFF', size, 'WAVE') followed by chunks, each an id, a
 * little-endian 32-bit size and a body padded to an even length. The 'fmt ' chunk describes the
 * encoding (WAVEFORMATEX, or WAVE_FORMAT_EXTENSIBLE whose sub-format GUID starts with the real
 * format tag); the 'data' chunk holds interleaved sample frames. Source: Microsoft's "Multimedia
 * Programming Interface and Data Specifications 1.0" (1991) and its WAVE_FORMAT_EXTENSIBLE
 * addendum. The RIFF size field is ignored, as many writers get it wrong; chunks are walked until
 * both 'fmt ' and 'data' are found, so trailing junk after them is harmless.
 */
import { clampSample } from './sample-range';

export interface DecodedAudio {
  sampleRate: number;
  /** One array per channel, all of the same length, samples in [-1, 1]. */
  channels: Float32Array[];
}

export type AudioDecodeErrorReason =
  /** The input has no bytes at all. */
  | 'empty'
  /** Not a RIFF/WAVE file (another format, or random bytes). */
  | 'not-wav'
  /** A header or chunk declares more bytes than the file holds. */
  | 'truncated'
  /** Header fields that are missing or contradict each other. */
  | 'malformed'
  /** A well-formed WAV in an encoding this decoder does not read (ADPCM, 12-bit PCM, ...). */
  | 'unsupported-format'
  /** No data chunk, or not one whole sample frame in it. */
  | 'no-audio-data';

export class AudioDecodeError extends Error {
  override readonly name = 'AudioDecodeError';
  readonly reason: AudioDecodeErrorReason;

  constructor(reason: AudioDecodeErrorReason, message: string) {
    super(message);
    this.reason = reason;
  }
}

const RIFF_HEADER_BYTES = 12;
const CHUNK_HEADER_BYTES = 8;
/** WAVEFORMAT: tag, channels, sample rate, byte rate, block align, bits per sample. */
const FMT_BASE_BYTES = 16;
/** WAVEFORMATEXTENSIBLE: the base, cbSize, valid bits, channel mask and the sub-format GUID. */
const FMT_EXTENSIBLE_BYTES = 40;
const SUB_FORMAT_OFFSET = 24;
/** Data chunk sizes that streaming writers leave when they cannot seek back to fill them in. */
const STREAMED_SIZES = new Set([0, 0xffffffff]);

const FORMAT_PCM = 0x0001;
const FORMAT_IEEE_FLOAT = 0x0003;
const FORMAT_EXTENSIBLE = 0xfffe;

const SUPPORTED = 'supported: PCM 8/16/24/32-bit, float 32/64-bit';

/** Names of common encodings we do not decode, only so that errors can say what a file is. */
const FORMAT_NAMES: ReadonlyMap<number, string> = new Map([
  [0x0002, 'ADPCM'],
  [0x0006, 'A-law'],
  [0x0007, 'µ-law'],
  [0x0011, 'IMA ADPCM'],
  [0x0031, 'GSM 6.10'],
  [0x0050, 'MPEG'],
  [0x0055, 'MP3'],
]);

type SampleReader = (view: DataView, byteOffset: number) => number;

// Integers are scaled by 2^(bits-1), so the most negative code maps to exactly -1. 8-bit WAV is
// unsigned with 128 as zero; the others are two's complement.
const readPcm8: SampleReader = (view, at) => (view.getUint8(at) - 0x80) / 0x80;
const readPcm16: SampleReader = (view, at) => view.getInt16(at, true) / 0x8000;
const readPcm24: SampleReader = (view, at) =>
  ((view.getInt8(at + 2) << 16) | view.getUint16(at, true)) / 0x800000;
const readPcm32: SampleReader = (view, at) => view.getInt32(at, true) / 0x80000000;
const readFloat32: SampleReader = (view, at) => clampSample(view.getFloat32(at, true));
const readFloat64: SampleReader = (view, at) => clampSample(view.getFloat64(at, true));

/** Sample readers by format tag, then by bits per sample. */
const READERS: ReadonlyMap<number, ReadonlyMap<number, SampleReader>> = new Map([
  [
    FORMAT_PCM,
    new Map([
      [8, readPcm8],
      [16, readPcm16],
      [24, readPcm24],
      [32, readPcm32],
    ]),
  ],
  [
    FORMAT_IEEE_FLOAT,
    new Map([
      [32, readFloat32],
      [64, readFloat64],
    ]),
  ],
]);

export interface SampleFormat {
  sampleRate: number;
  channelCount: number;
  bytesPerSample: number;
  read: SampleReader;
}

interface DataRange {
  start: number;
  byteLength: number;
}

/**
 * Decodes a WAV file. Throws AudioDecodeError, with a message naming the problem, for anything
 * it cannot decode faithfully. A trailing partial frame is dropped.
 */
export function decodeWav(bytes: Uint8Array): DecodedAudio {
  const layout = readWavLayout(bytes, bytes.length);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return decodeFrames(view, layout.format, { start: layout.dataStart, byteLength: layout.dataBytes });
}

/** Where a WAV file's samples lie and how they are encoded, read from its header alone. */
export interface WavLayout {
  sampleRate: number;
  channelCount: number;
  /** Bytes of one sample frame (every channel's sample at one instant). */
  frameBytes: number;
  /** Whole sample frames in the data chunk. */
  frameCount: number;
  /** Byte offset of the data chunk's first sample in the file. */
  dataStart: number;
  /** Bytes of sample data, as declared (or to the end of the file for a streamed size). */
  dataBytes: number;
  format: SampleFormat;
}

/**
 * Reads a WAV file's layout from its first bytes (`head`, which must reach the data chunk's
 * header) and its size in bytes, so that a long file can be decoded a slice at a time
 * (decodeWavFrames) without reading it whole. Throws AudioDecodeError as decodeWav does.
 */
export function readWavLayout(head: Uint8Array, fileBytes: number): WavLayout {
  if (fileBytes === 0) throw new AudioDecodeError('empty', 'empty file (0 bytes)');
  checkRiffHeader(head);

  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  let format: SampleFormat | undefined;
  let data: DataRange | undefined;
  const chunkIds: string[] = [];

  let offset = RIFF_HEADER_BYTES;
  const needsMore = (): boolean => format === undefined || data === undefined;
  while (needsMore() && offset + CHUNK_HEADER_BYTES <= head.length) {
    const id = chunkId(head, offset);
    const declared = view.getUint32(offset + 4, true);
    const start = offset + CHUNK_HEADER_BYTES;
    const present = fileBytes - start;
    chunkIds.push(id);

    if (id === 'data' && data === undefined && STREAMED_SIZES.has(declared)) {
      data = { start, byteLength: present };
      break;
    }
    if (declared > present) {
      const problem = `${chunkName(id)} chunk declares ${declared} bytes but only ${present} are present`;
      throw new AudioDecodeError('truncated', `truncated WAV: ${problem}`);
    }
    if (id === 'fmt ' && format === undefined) {
      if (start + declared > head.length) throw new AudioDecodeError('malformed', 'malformed WAV: the fmt chunk lies beyond the header read');
      format = parseFormat(view, start, declared);
    }
    if (id === 'data' && data === undefined) data = { start, byteLength: declared };
    offset = start + declared + (declared & 1);
  }

  if (data === undefined && offset < fileBytes && offset + CHUNK_HEADER_BYTES > fileBytes) {
    const problem = `the file ends inside the chunk header at byte ${offset}, before any data chunk`;
    throw new AudioDecodeError('truncated', `truncated WAV: ${problem}`);
  }
  const found = chunkIds.length ? `chunks found: ${chunkIds.map(chunkName).join(', ')}` : 'no chunks';
  if (data === undefined && offset < fileBytes) {
    throw new AudioDecodeError('malformed', `malformed WAV: no data chunk within the first ${head.length} bytes (${found})`);
  }
  if (data === undefined) throw new AudioDecodeError('no-audio-data', `WAV has no data chunk (${found})`);
  if (format === undefined) throw new AudioDecodeError('malformed', `WAV has no fmt chunk (${found})`);
  const frameBytes = format.channelCount * format.bytesPerSample;
  const frameCount = Math.floor(data.byteLength / frameBytes);
  if (frameCount === 0) {
    const problem = `the data chunk holds ${data.byteLength} bytes, less than one ${frameBytes}-byte sample frame`;
    throw new AudioDecodeError('no-audio-data', `WAV has no audio: ${problem}`);
  }
  return {
    sampleRate: format.sampleRate,
    channelCount: format.channelCount,
    frameBytes,
    frameCount,
    dataStart: data.start,
    dataBytes: data.byteLength,
    format,
  };
}

/** Decodes whole sample frames from `bytes`, a slice of a file's data chunk starting on a frame. */
export function decodeWavFrames(bytes: Uint8Array, layout: WavLayout): DecodedAudio {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return decodeFrames(view, layout.format, { start: 0, byteLength: bytes.length });
}

function checkRiffHeader(bytes: Uint8Array): void {
  const magic = chunkId(bytes, 0);
  if (magic === 'RIFX') {
    throw new AudioDecodeError('unsupported-format', 'unsupported WAV encoding: big-endian (RIFX) file');
  }
  // RF64 is RIFF with 64-bit sizes in a 'ds64' chunk; its 32-bit data size reads 0xFFFFFFFF, which
  // the streamed-size rule already handles, so the rest of the format is the same.
  if (magic !== 'RIFF' && magic !== 'RF64') {
    throw new AudioDecodeError('not-wav', `not a WAV file: expected 'RIFF' at byte 0, found '${magic}'`);
  }
  if (bytes.length < RIFF_HEADER_BYTES) {
    const problem = `the file is ${bytes.length} bytes, shorter than the ${RIFF_HEADER_BYTES}-byte RIFF header`;
    throw new AudioDecodeError('truncated', `truncated WAV: ${problem}`);
  }
  const form = chunkId(bytes, 8);
  if (form !== 'WAVE') {
    throw new AudioDecodeError('not-wav', `not a WAV file: RIFF form type is '${form}', expected 'WAVE'`);
  }
}

function parseFormat(view: DataView, start: number, size: number): SampleFormat {
  if (size < FMT_BASE_BYTES) {
    const problem = `fmt chunk is ${size} bytes, shorter than the ${FMT_BASE_BYTES} bytes of a format header`;
    throw new AudioDecodeError('malformed', `malformed WAV: ${problem}`);
  }
  const formatTag = view.getUint16(start, true);
  const channelCount = view.getUint16(start + 2, true);
  const sampleRate = view.getUint32(start + 4, true);
  const blockAlign = view.getUint16(start + 12, true);
  const bitsPerSample = view.getUint16(start + 14, true);

  if (channelCount === 0) {
    throw new AudioDecodeError('malformed', 'malformed WAV: fmt chunk declares 0 channels');
  }
  if (sampleRate === 0) {
    throw new AudioDecodeError('malformed', 'malformed WAV: fmt chunk declares a sample rate of 0 Hz');
  }

  let encoding = formatTag;
  if (formatTag === FORMAT_EXTENSIBLE) {
    if (size < FMT_EXTENSIBLE_BYTES) {
      const problem = `extensible fmt chunk is ${size} bytes, too short for its ${FMT_EXTENSIBLE_BYTES}-byte layout`;
      throw new AudioDecodeError('malformed', `malformed WAV: ${problem}`);
    }
    // The sub-format GUID is the format tag followed by a fixed suffix, so its first two bytes
    // are the encoding. bitsPerSample is then the container size; the valid bits are its high
    // ones, so decoding by container size gives the right scale.
    encoding = view.getUint16(start + SUB_FORMAT_OFFSET, true);
  }

  const read = sampleReader(encoding, bitsPerSample, formatTag);
  const bytesPerSample = bitsPerSample / 8;
  const frameBytes = channelCount * bytesPerSample;
  if (blockAlign !== frameBytes) {
    const frame = `${channelCount} channel(s) of ${bitsPerSample}-bit samples take ${frameBytes}`;
    throw new AudioDecodeError('malformed', `malformed WAV: block align is ${blockAlign} bytes, but ${frame}`);
  }
  return { sampleRate, channelCount, bytesPerSample, read };
}

function sampleReader(encoding: number, bitsPerSample: number, formatTag: number): SampleReader {
  const readers = READERS.get(encoding);
  if (readers === undefined) {
    const name = FORMAT_NAMES.get(encoding);
    const tag = `format tag ${hex16(encoding)}${name ? ` (${name})` : ''}`;
    const described = formatTag === FORMAT_EXTENSIBLE ? `extensible WAV with sub-${tag}` : tag;
    throw new AudioDecodeError('unsupported-format', `unsupported WAV encoding: ${described}; ${SUPPORTED}`);
  }
  const read = readers.get(bitsPerSample);
  if (read === undefined) {
    const described = `${bitsPerSample}-bit ${encoding === FORMAT_PCM ? 'PCM' : 'float'}`;
    throw new AudioDecodeError('unsupported-format', `unsupported WAV encoding: ${described}; ${SUPPORTED}`);
  }
  return read;
}

function decodeFrames(view: DataView, format: SampleFormat, data: DataRange): DecodedAudio {
  const { channelCount, bytesPerSample, read } = format;
  const frameBytes = channelCount * bytesPerSample;
  const frameCount = Math.floor(data.byteLength / frameBytes);
  if (frameCount === 0) {
    const problem = `the data chunk holds ${data.byteLength} bytes, less than one ${frameBytes}-byte sample frame`;
    throw new AudioDecodeError('no-audio-data', `WAV has no audio: ${problem}`);
  }
  const channels = Array.from({ length: channelCount }, () => new Float32Array(frameCount));
  let at = data.start;
  for (let frame = 0; frame < frameCount; frame++) {
    for (let channel = 0; channel < channelCount; channel++) {
      channels[channel][frame] = read(view, at);
      at += bytesPerSample;
    }
  }
  return { sampleRate: format.sampleRate, channels };
}

/** Up to four bytes as text, non-printable bytes escaped (\x03), for chunk ids and messages. */
function chunkId(bytes: Uint8Array, offset: number): string {
  let id = '';
  for (const byte of bytes.subarray(offset, offset + 4)) {
    const printable = byte >= 0x20 && byte < 0x7f;
    id += printable ? String.fromCharCode(byte) : `\\x${byte.toString(16).padStart(2, '0')}`;
  }
  return id;
}

/** A chunk id as messages show it: 'fmt ' as fmt. */
function chunkName(id: string): string {
  return id.trimEnd();
}

function hex16(value: number): string {
  return `0x${value.toString(16).toUpperCase().padStart(4, '0')}`;
}
