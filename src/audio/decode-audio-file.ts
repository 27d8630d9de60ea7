/**
 * An uploaded or dropped audio file → mono Float32 PCM at 16 kHz, a chunk at a time
 * (audio-chunks.ts). A WAV file is read from its header and decoded a slice at a time, so a long
 * recording is never held whole; anything else goes through the browser's own decoder
 * (decodeAudioData: MP3, Ogg/Opus, FLAC, AAC/M4A, WebM… and WAV encodings ours does not read),
 * which decodes it whole. Decoding through an OfflineAudioContext at 16 kHz makes the browser
 * resample; channels are then averaged.
 */
import { AudioDecodeError, readWavLayout } from '../engine/audio/wav';
import { pcmChunks, wavChunks, DEFAULT_AUDIO_CHUNK_OPTIONS } from './audio-chunks';

export const RECOGNIZER_SAMPLE_RATE = 16_000;
/**
 * A file up to this long is one spoken query (Whisper hears 30 s at once); a longer one is
 * transcribed segment by segment as a recording (long-audio.ts).
 */
export const MAX_QUERY_FILE_SECONDS = 30;
/** Bytes read to find a WAV file's data chunk; metadata chunks before it rarely come near. */
const WAV_HEAD_BYTES = 64 * 1024;

export class AudioFileError extends Error {
  override name = 'AudioFileError';
}

export interface OpenedAudioFile {
  /** The file's name in quotes, for messages: “talk.wav”. */
  label: string;
  /** Length of the file's audio. */
  seconds: number;
  /** True when read a slice at a time (WAV); false when the browser decoded it whole. */
  streamed: boolean;
  /** Mono 16 kHz chunks, each read and decoded when asked for. */
  chunks(): AsyncIterable<Float32Array>;
}

export async function openAudioFile(file: Blob & { name?: string }): Promise<OpenedAudioFile> {
  const label = file.name ? `“${file.name}”` : 'the file';
  if (file.size === 0) throw new AudioFileError(`Couldn't read ${label}: it is empty.`);
  const head = new Uint8Array(await file.slice(0, WAV_HEAD_BYTES).arrayBuffer());
  if (looksLikeWav(head)) {
    try {
      const layout = readWavLayout(head, file.size);
      return { label, seconds: layout.frameCount / layout.sampleRate, streamed: true, chunks: () => wavChunks(file, layout) };
    } catch (error) {
      // An encoding ours does not read (ADPCM, µ-law…) may still be one the browser reads.
      if (!(error instanceof AudioDecodeError) || error.reason !== 'unsupported-format') {
        throw new AudioFileError(`Couldn't read ${label}: ${error instanceof Error ? error.message : String(error)}.`);
      }
    }
  }
  const pcm = await decodeWhole(file, label);
  const chunkSamples = DEFAULT_AUDIO_CHUNK_OPTIONS.chunkSeconds * RECOGNIZER_SAMPLE_RATE;
  return { label, seconds: pcm.length / RECOGNIZER_SAMPLE_RATE, streamed: false, chunks: () => pcmChunks(pcm, chunkSamples) };
}

/** Every chunk of a (short) file joined into one array. */
export async function readAllChunks(chunks: AsyncIterable<Float32Array>): Promise<Float32Array> {
  const parts: Float32Array[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  const pcm = new Float32Array(parts.reduce((n, part) => n + part.length, 0));
  let at = 0;
  for (const part of parts) {
    pcm.set(part, at);
    at += part.length;
  }
  return pcm;
}

function looksLikeWav(head: Uint8Array): boolean {
  const text = String.fromCharCode(...head.subarray(0, 4)) + String.fromCharCode(...head.subarray(8, 12));
  return text === 'RIFFWAVE' || text === 'RF64WAVE';
}

async function decodeWhole(file: Blob, label: string): Promise<Float32Array> {
  let decoded: AudioBuffer;
  try {
    const bytes = await file.arrayBuffer();
    // The length is irrelevant for decoding; decodeAudioData resamples to the context's rate.
    const context = new OfflineAudioContext(1, 1, RECOGNIZER_SAMPLE_RATE);
    decoded = await context.decodeAudioData(bytes);
  } catch {
    throw new AudioFileError(`Couldn't read ${label}: it is not audio this browser can decode. Try a WAV, MP3, Ogg or FLAC file.`);
  }
  if (decoded.length === 0) throw new AudioFileError(`Couldn't read ${label}: it has no audio in it.`);
  const pcm = new Float32Array(decoded.length);
  for (let channel = 0; channel < decoded.numberOfChannels; channel++) {
    const samples = decoded.getChannelData(channel);
    for (let i = 0; i < pcm.length; i++) pcm[i]! += samples[i]! / decoded.numberOfChannels;
  }
  return pcm;
}
