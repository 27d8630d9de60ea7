/**
 * Owns the way from audio to query: utterances (from the microphone or a file) wait in an
 * UtteranceQueue, are transcribed one at a time, pass the transcript guard, and an accepted
 * one becomes the query; a query continued after a pause replaces the one before it. Measures
 * recognition time from the end of speech to the transcript.
 */
import { useCallback, useRef, useState } from 'react';
import { UtteranceQueue, type UtteranceQueueState } from '../../audio/utterance-queue';
import type { Outcome } from '../status/status';
import { judgeTranscript, type HeardUtterance } from '../../query';
import { errorText } from './useRecognizer';
import { markTimeline } from '../timeline';
import type { HeardTranscript } from '../../worker/engine-api';

export interface AudioToTranscribe {
  pcm: Float32Array;
  /** performance.now() at the end of speech (or when a file was decoded). */
  endedAt: number;
  /**
   * The spoken query this audio is (src/audio/query-joining.ts): a continuation holds the audio of
   * its query's earlier parts, so those still waiting are not transcribed on their own.
   */
  queryId?: number;
  /** Share of the audio's detector frames scored as speech (query-joining.ts); absent for a file. */
  speechShare?: number;
}

/** One utterance as it was heard, for the query log (src/monitoring): before its query is searched. */
export interface HeardReport {
  /** With the level and outline of its audio (`input`), measured in the recognition worker. */
  transcript: HeardTranscript & { standIn?: string };
  recognitionMs: number;
  endedAt: number;
  speechShare?: number;
  /** A copy of the audio, only while recordings are kept for review (the original went to the worker). */
  pcm?: Float32Array;
  /** The transcript guard's query; undefined when nothing was heard. */
  query?: string;
}

export interface TranscriptionState extends UtteranceQueueState {
  outcome?: Outcome;
  submit(audio: AudioToTranscribe): void;
  /** Clears the last outcome (e.g. when the user starts typing). */
  dismiss(): void;
}

export function useTranscription(
  transcribe: (pcm: Float32Array) => Promise<HeardTranscript & { standIn?: string }>,
  /** An accepted transcript: the guard's query, and what the recogniser said (n-best included) for the pipeline. */
  onQuery: (query: string, utterance: HeardUtterance) => void,
  /** Every transcript, accepted or not (the query log). */
  onHeard?: (report: HeardReport) => void,
  /** Whether the report should carry a copy of the audio ("Keep recordings for review"). */
  keepAudio?: () => boolean,
): TranscriptionState {
  const [queueState, setQueueState] = useState<UtteranceQueueState>({ busy: false, pending: 0 });
  const [outcome, setOutcome] = useState<Outcome>();
  const latest = useRef({ transcribe, onQuery, onHeard, keepAudio });
  /** Utterances dropped since the last answer; the next answer's status lists them. */
  const skipped = useRef(0);
  latest.current = { transcribe, onQuery, onHeard, keepAudio };

  const queue = useRef<UtteranceQueue<AudioToTranscribe> | undefined>(undefined);
  queue.current ??= new UtteranceQueue<AudioToTranscribe>(
    async ({ pcm, endedAt, speechShare }) => {
      const copy = latest.current.keepAudio?.() ? pcm.slice() : undefined;
      const transcript = await latest.current.transcribe(pcm);
      const recognitionMs = performance.now() - endedAt;
      markTimeline('transcript', { audioSeconds: transcript.audioSeconds, endedAt });
      const verdict = judgeTranscript(transcript);
      latest.current.onHeard?.({ transcript, recognitionMs, endedAt, speechShare, ...(copy && { pcm: copy }), ...(verdict.accepted && { query: verdict.query }) });
      if (verdict.accepted) {
        latest.current.onQuery(verdict.query, { text: transcript.text, noSpeech: transcript.noSpeech, alternatives: transcript.alternatives, heardId: transcript.heardId });
        setOutcome({ kind: 'query', text: verdict.query, recognitionMs, ...(skipped.current > 0 && { skipped: skipped.current }) });
        skipped.current = 0;
      } else {
        setOutcome({ kind: 'nothing-heard' });
      }
    },
    {
      onChange: setQueueState,
      onError: (error) => setOutcome({ kind: 'error', message: `Couldn't transcribe that: ${errorText(error)}.` }),
      onDrop: () => {
        skipped.current++;
        markTimeline('utterance-skipped', undefined);
        setOutcome({ kind: 'error', message: 'Recognition fell behind; an older utterance was skipped.' });
      },
      supersedes: (newer, older) => newer.queryId !== undefined && newer.queryId === older.queryId,
    },
  );

  const submit = useCallback((audio: AudioToTranscribe) => queue.current?.push(audio), []);
  const dismiss = useCallback(() => setOutcome(undefined), []);
  return { ...queueState, outcome, submit, dismiss };
}
