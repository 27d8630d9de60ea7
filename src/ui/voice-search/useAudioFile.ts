/** Owns decoding an uploaded or dropped audio file; the PCM goes to `onAudio`. */
import { useCallback, useRef, useState } from 'react';
import { AudioFileError, decodeAudioFile, RECOGNIZER_SAMPLE_RATE } from '../../audio/decode-audio-file';
import { withLeadingSilence } from '../../audio/leading-silence';
import { DEFAULT_VOICE_CAPTURE_OPTIONS } from '../../audio/voice-capture-options';
import type { AudioToTranscribe } from './useTranscription';

export interface AudioFileState {
  decoding: boolean;
  error?: string;
  transcribeFile(file: File): void;
  clearError(): void;
}

export function useAudioFile(onAudio: (audio: AudioToTranscribe) => void): AudioFileState {
  const [decoding, setDecoding] = useState(false);
  const [error, setError] = useState<string>();
  const deliver = useRef(onAudio);
  deliver.current = onAudio;

  const transcribeFile = useCallback((file: File) => {
    setError(undefined);
    setDecoding(true);
    decodeAudioFile(file)
      // A recording trimmed to the first word needs the same lead as a microphone utterance.
      .then(({ pcm }) =>
        deliver.current({
          pcm: withLeadingSilence(pcm, DEFAULT_VOICE_CAPTURE_OPTIONS.leadingSilenceMs, RECOGNIZER_SAMPLE_RATE),
          endedAt: performance.now(),
        }),
      )
      .catch((failure: unknown) =>
        setError(failure instanceof AudioFileError ? failure.message : `Couldn't read “${file.name}”: ${String(failure)}`),
      )
      .finally(() => setDecoding(false));
  }, []);

  const clearError = useCallback(() => setError(undefined), []);
  return { decoding, error, transcribeFile, clearError };
}
