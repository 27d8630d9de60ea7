/**
 * An uploaded or dropped audio file → mono Float32 PCM at 16 kHz, with the browser's own decoder
 * (anything decodeAudioData reads: WAV, MP3, Ogg/Opus, FLAC, AAC/M4A, WebM…). Decoding through
 * an OfflineAudioContext at 16 kHz makes the browser resample; channels are then averaged.
 */

export const RECOGNIZER_SAMPLE_RATE = 16_000;
/** Whisper hears at most 30 s at once; a longer file is cut there. */
export const MAX_FILE_SECONDS = 30;

export class AudioFileError extends Error {
  override name = 'AudioFileError';
}

export interface DecodedAudioFile {
  pcm: Float32Array;
  /** Length of the file's audio, before any cut. */
  seconds: number;
  /** True when only the first MAX_FILE_SECONDS were kept. */
  truncated: boolean;
}

export async function decodeAudioFile(file: Blob & { name?: string }): Promise<DecodedAudioFile> {
  const label = file.name ? `“${file.name}”` : 'the file';
  if (file.size === 0) throw new AudioFileError(`Couldn't read ${label}: it is empty.`);
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

  const keep = Math.min(decoded.length, MAX_FILE_SECONDS * RECOGNIZER_SAMPLE_RATE);
  const pcm = new Float32Array(keep);
  for (let channel = 0; channel < decoded.numberOfChannels; channel++) {
    const samples = decoded.getChannelData(channel);
    for (let i = 0; i < keep; i++) pcm[i]! += samples[i]! / decoded.numberOfChannels;
  }
  return { pcm, seconds: decoded.duration, truncated: keep < decoded.length };
}
