/**
 * Owns an uploaded or dropped audio file. A file up to MAX_QUERY_FILE_SECONDS is one spoken
 * query: its PCM goes to `onAudio`. A longer one is a recording: it is transcribed segment by
 * segment (src/audio/long-audio.ts) through `transcribeSegment`, with progress and Cancel, and
 * its text is shown as a transcript whose segments can be searched.
 */
import { useCallback, useRef, useState } from 'react';
import { AudioFileError, MAX_QUERY_FILE_SECONDS, openAudioFile, readAllChunks, RECOGNIZER_SAMPLE_RATE } from '../../audio/decode-audio-file';
import { withLeadingSilence } from '../../audio/leading-silence';
import { transcribeLongAudio, type TranscribedSegment } from '../../audio/long-audio';
import { DEFAULT_VOICE_CAPTURE_OPTIONS } from '../../audio/voice-capture-options';
import type { AudioToTranscribe } from './useTranscription';

/** A long file's transcription as the page shows it. */
export interface LongFileView {
  /** The file's name in quotes. */
  label: string;
  totalSeconds: number;
  doneSeconds: number;
  segments: readonly TranscribedSegment[];
  phase: 'transcribing' | 'done' | 'cancelled' | 'failed';
  /** Why a failed transcription stopped, naming the segment. */
  message?: string;
}

export interface AudioFileState {
  decoding: boolean;
  error?: string;
  transcribeFile(file: File): void;
  clearError(): void;
  longFile?: LongFileView;
  /** Stops a long file's transcription before its next segment. */
  cancelLongFile(): void;
  /** Puts the transcript away. */
  closeLongFile(): void;
}

export function useAudioFile(onAudio: (audio: AudioToTranscribe) => void, transcribeSegment: (pcm: Float32Array) => Promise<string>): AudioFileState {
  const [decoding, setDecoding] = useState(false);
  const [error, setError] = useState<string>();
  const [longFile, setLongFile] = useState<LongFileView>();
  const latest = useRef({ onAudio, transcribeSegment });
  latest.current = { onAudio, transcribeSegment };
  const running = useRef<AbortController | undefined>(undefined);

  const transcribeLong = useCallback(async (label: string, totalSeconds: number, chunks: AsyncIterable<Float32Array>) => {
    running.current?.abort();
    const controller = new AbortController();
    running.current = controller;
    const view: LongFileView = { label, totalSeconds, doneSeconds: 0, segments: [], phase: 'transcribing' };
    setLongFile(view);
    // A file chosen since, or a transcript put away, ends this run's say over the view.
    const update = (change: Partial<LongFileView>) => {
      if (running.current === controller) setLongFile((current) => current && { ...current, ...change });
    };
    const segments: TranscribedSegment[] = [];
    const result = await transcribeLongAudio({
      chunks,
      totalSeconds,
      transcribe: (pcm) => latest.current.transcribeSegment(pcm),
      onSegment: (segment) => {
        segments.push(segment);
        update({ segments: [...segments] });
      },
      onProgress: ({ doneSeconds }) => update({ doneSeconds }),
      signal: controller.signal,
    });
    update({ phase: result.state, segments: result.segments, ...(result.state === 'failed' && { message: result.message }) });
    if (running.current === controller) running.current = undefined;
  }, []);

  const transcribeFile = useCallback(
    (file: File) => {
      setError(undefined);
      setDecoding(true);
      void (async () => {
        try {
          const opened = await openAudioFile(file);
          if (opened.seconds > MAX_QUERY_FILE_SECONDS) {
            setDecoding(false);
            await transcribeLong(opened.label, opened.seconds, opened.chunks());
            return;
          }
          const pcm = await readAllChunks(opened.chunks());
          // A recording trimmed to the first word needs the same lead as a microphone utterance.
          latest.current.onAudio({
            pcm: withLeadingSilence(pcm, DEFAULT_VOICE_CAPTURE_OPTIONS.leadingSilenceMs, RECOGNIZER_SAMPLE_RATE),
            endedAt: performance.now(),
          });
        } catch (failure) {
          setError(failure instanceof AudioFileError ? failure.message : `Couldn't read “${file.name}”: ${String(failure)}`);
        } finally {
          setDecoding(false);
        }
      })();
    },
    [transcribeLong],
  );

  const cancelLongFile = useCallback(() => running.current?.abort(), []);
  const closeLongFile = useCallback(() => {
    running.current?.abort();
    running.current = undefined;
    setLongFile(undefined);
  }, []);
  const clearError = useCallback(() => setError(undefined), []);
  return { decoding, error, transcribeFile, clearError, longFile, cancelLongFile, closeLongFile };
}
