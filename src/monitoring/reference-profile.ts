/**
 * The reference profile: what the model heard on the measured sets (`npm run -s accuracy --
 * --profile`), as query-log records, so the drift check can compare what a device hears with
 * what the model was measured on ("inputs are quieter than when the model was measured"), not
 * only with the device's own first week. It holds the signals the drift check reads (level,
 * confidence, no-speech probability, audio length, query length) and no text. Pure.
 */
import type { TranscriptAlternative } from '../engine/transcript';
import { inputLevel } from './heard-input';
import { beamMargin, type QueryRecord } from './query-record';

/** Where the page finds the committed profile (public/monitoring/). */
export const REFERENCE_PROFILE_PATH = 'monitoring/reference-profile.json';

export interface MeasuredUtterance {
  /** The utterance's samples, as the recogniser was given them. */
  audio: Float32Array;
  avgLogprob: number;
  noSpeechProb: number;
  audioSeconds: number;
  alternatives?: readonly Pick<TranscriptAlternative, 'avgLogprob'>[];
  /** The query the page would have searched ('' when nothing was heard). */
  query: string;
}

export function referenceProfile(utterances: readonly MeasuredUtterance[], modelId: string, time: number): QueryRecord[] {
  return utterances.map((u) => {
    const margin = beamMargin(u.alternatives);
    const words = u.query.trim().split(/\s+/).filter(Boolean).length;
    return {
      time,
      kind: 'spoken',
      modelId,
      audioSeconds: u.audioSeconds,
      level: inputLevel(u.audio),
      avgLogprob: u.avgLogprob,
      noSpeechProb: u.noSpeechProb,
      ...(margin !== undefined && { beamMargin: margin }),
      ...(words === 0 ? { nothingHeard: true } : { queryWords: words }),
    };
  });
}
