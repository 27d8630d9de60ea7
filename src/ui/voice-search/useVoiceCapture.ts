/**
 * Owns the microphone and its voice activity detector: start/stop, the listening phase, the input
 * level, and a plain-words error when the microphone cannot be used. Utterances go to `onQuery`
 * as query audio: speech resumed after a short pause continues the query before it, recognised
 * again with everything heard since that query began (src/audio/query-joining.ts); stopping ends
 * the query.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { QueryJoiner, type QueryAudio } from '../../audio/query-joining';
import { MicrophoneUnavailableError, VoiceCapture } from '../../audio/voice-capture';
import { DEFAULT_VOICE_CAPTURE_OPTIONS } from '../../audio/voice-capture-options';
import { MICROPHONE_LOST_MESSAGE } from '../../audio/microphone-errors';
import type { CapturePhase } from '../status/status';

export interface VoiceCaptureState {
  phase: CapturePhase;
  error?: string;
  /** Input level in [0, 1] while listening. */
  level: number;
  /** Milliseconds of audio the detector has processed since listening started (audio time, not wall time). */
  heardMs: number;
  toggle(): void;
  stop(): void;
}

/** The rate vad-web hands utterances over at. */
const SAMPLE_RATE = 16_000;

export function useVoiceCapture(onQuery: (audio: QueryAudio) => void): VoiceCaptureState {
  const [phase, setPhase] = useState<CapturePhase>('off');
  const [error, setError] = useState<string>();
  const [level, setLevel] = useState(0);
  const [heardMs, setHeardMs] = useState(0);
  const capture = useRef<VoiceCapture | undefined>(undefined);
  const starting = useRef(false);
  const deliver = useRef(onQuery);
  deliver.current = onQuery;
  // One joiner for the hook's life (created once, not on every render).
  const [joiner] = useState(() => new QueryJoiner(SAMPLE_RATE, { redemptionMs: DEFAULT_VOICE_CAPTURE_OPTIONS.redemptionMs, speechThreshold: DEFAULT_VOICE_CAPTURE_OPTIONS.positiveSpeechThreshold }));

  const stop = useCallback(() => {
    const running = capture.current;
    capture.current = undefined;
    joiner.reset();
    setPhase('off');
    setLevel(0);
    void running?.stop();
  }, [joiner]);

  const start = useCallback(async () => {
    if (starting.current || capture.current) return;
    starting.current = true;
    setError(undefined);
    setHeardMs(0);
    setPhase('starting');
    try {
      capture.current = await VoiceCapture.start({
        onSpeechStart: () => {
          joiner.speechStarted();
          setPhase('speech');
        },
        onMisfire: () => {
          joiner.misfired();
          setPhase('listening');
        },
        onUtterance: (utterance) => {
          setPhase((p) => (p === 'off' ? p : 'listening'));
          deliver.current(joiner.add(utterance));
        },
        onFrame: (frame, speechProbability) => joiner.heard(frame, speechProbability),
        onMicrophoneLost: () => {
          stop();
          setError(MICROPHONE_LOST_MESSAGE);
        },
        onLevel: (value, frameMs) => {
          setLevel(value);
          setHeardMs((ms) => ms + frameMs);
        },
      });
      setPhase('listening');
    } catch (failure) {
      setPhase('off');
      setError(failure instanceof MicrophoneUnavailableError ? failure.message : `The microphone could not be started (${String(failure)}) — typing still works.`);
    } finally {
      starting.current = false;
    }
  }, [joiner, stop]);

  const toggle = useCallback(() => {
    if (capture.current || starting.current) stop();
    else void start();
  }, [start, stop]);

  // Leaving the page (or unmounting) releases the microphone.
  useEffect(() => stop, [stop]);

  return { phase, error, level, heardMs, toggle, stop };
}
