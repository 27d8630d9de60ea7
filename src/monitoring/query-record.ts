/**
 * One record of the on-device query log (issue #19): what happened to one utterance or typed
 * query. Nothing leaves the device; the person can export it (export.ts). No audio is kept here
 * (recordings, when the person keeps them, are a store of their own: recordings.ts); the query
 * text only while "Keep query text" is on.
 */
import type { TranscriptAlternative } from '../engine/transcript';
import type { SpokenQueryAnswer } from '../query';
import type { InputLevel } from './heard-input';

export type { InputLevel };

/** A step of the spoken-query pipeline that can change what was heard into what is searched. */
export type ChangeStep = 'rescoring' | 'correction' | 'verification';

/** Where one spoken query's time went, ms (the "How it worked" bar's stages). */
export interface QueryStages {
  /** End of speech → the recogniser starting: waiting in the queue, handing the audio over. */
  queueMs: number;
  featuresMs: number;
  encoderMs: number;
  decoderMs: number;
  /** Transcript → results on screen: the catalogue steps, verification and the search. */
  catalogueMs?: number;
}

export interface QueryRecord {
  /** Assigned by the log. */
  id?: number;
  /** Milliseconds since the epoch. */
  time: number;
  kind: 'spoken' | 'typed';
  modelId?: string;
  backend?: string;
  audioSeconds?: number;
  level?: InputLevel;
  /** Share of the detector's frames in the utterance scored as speech (microphone only). */
  speechShare?: number;
  stages?: QueryStages;
  /** End of speech → transcript, ms. */
  recognitionMs?: number;
  /** End of speech → results on screen, ms. */
  resultsMs?: number;
  /** Transcript.avgLogprob: the recogniser's confidence. */
  avgLogprob?: number;
  noSpeechProb?: number;
  /** Best minus second-best hypothesis's avg log-probability in the n-best (beam search only). */
  beamMargin?: number;
  /** The recogniser said nothing was heard (no query made). */
  nothingHeard?: boolean;
  /** The search worker's pipeline searched something other than the transcript. */
  changedByPipeline?: boolean;
  /** Which steps changed it (changeSteps); empty when it searched what was heard. */
  changedBy?: ChangeStep[];
  /** What was heard and what was searched; absent when query text is not kept. */
  heard?: string;
  searched?: string;
  /** Words in the query searched (kept even when the text is not). */
  queryWords?: number;
  results?: number;
  /** The result the person opened: its rank (0 first), and the place when query text is kept. */
  opened?: { rank: number; placeId?: string };
  /** Bytes of this query's recording, kept for review (recordings.ts); absent when none is kept. */
  recordingBytes?: number;
  feedback?: 'not-what-i-said' | 'wrong-result';
  /** What the person typed after flagging it ("Not what I said"), when query text is kept. */
  typedInstead?: string;
}

export interface QueryLogOptions {
  /** Records older than this are pruned (default 30 days). */
  retentionDays: number;
  /** At most this many records are kept, the oldest pruned first (default 5,000). */
  maxRecords: number;
}

export const DEFAULT_QUERY_LOG_OPTIONS: Readonly<QueryLogOptions> = Object.freeze({ retentionDays: 30, maxRecords: 5_000 });

const DAY_MS = 86_400_000;

/** Ids of the records to delete, given all records oldest first: past the age limit or the count. */
export function recordsToPrune(records: readonly Pick<QueryRecord, 'id' | 'time'>[], now: number, options: Partial<QueryLogOptions> = {}): number[] {
  const { retentionDays, maxRecords } = { ...DEFAULT_QUERY_LOG_OPTIONS, ...options };
  const oldest = now - retentionDays * DAY_MS;
  const sorted = [...records].sort((a, b) => a.time - b.time);
  const overCount = Math.max(0, sorted.length - maxRecords);
  return sorted.filter((r, i) => i < overCount || r.time < oldest).map((r) => r.id!).filter((id) => id !== undefined);
}

/** The n-best's margin: how much surer the recogniser was of its choice than of the runner-up. */
export function beamMargin(alternatives: readonly Pick<TranscriptAlternative, 'avgLogprob'>[] | undefined): number | undefined {
  if (!alternatives || alternatives.length < 2) return undefined;
  return alternatives[0]!.avgLogprob - alternatives[1]!.avgLogprob;
}

/** Which pipeline steps made what was searched differ from the recogniser's first hypothesis. */
export function changeSteps(answer: SpokenQueryAnswer): ChangeStep[] {
  if (!answer.accepted) return [];
  const steps: ChangeStep[] = [];
  if (answer.chosen > 0) steps.push('rescoring');
  if (answer.correction.replacements.some((r) => r.applied)) steps.push('correction');
  if (answer.verification?.replaced) steps.push('verification');
  return steps;
}
