/**
 * One record of the on-device query log (issue #19): what happened to one utterance or typed
 * query. Nothing leaves the device; the person can export it (export.ts). No audio is kept; the
 * query text only while "Keep query text" is on.
 */

export interface InputLevel {
  /** Root mean square of the samples, in dBFS. */
  rmsDb: number;
  /** Largest absolute sample, in dBFS. */
  peakDb: number;
  /** Share of samples at or beyond ±0.99 (clipping). */
  clippedShare: number;
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
  /** End of speech → transcript, ms. */
  recognitionMs?: number;
  /** End of speech → results on screen, ms. */
  resultsMs?: number;
  /** Transcript.avgLogprob: the recogniser's confidence. */
  avgLogprob?: number;
  noSpeechProb?: number;
  /** The recogniser said nothing was heard (no query made). */
  nothingHeard?: boolean;
  /** The search worker's pipeline searched something other than the transcript. */
  changedByPipeline?: boolean;
  /** What was heard and what was searched; absent when query text is not kept. */
  heard?: string;
  searched?: string;
  /** Words in the query searched (kept even when the text is not). */
  queryWords?: number;
  results?: number;
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

/** The input level of 16 kHz PCM (pure, for the log). */
export function inputLevel(pcm: Float32Array): InputLevel {
  let sum = 0;
  let peak = 0;
  let clipped = 0;
  for (let i = 0; i < pcm.length; i++) {
    const x = pcm[i]!;
    const a = Math.abs(x);
    sum += x * x;
    if (a > peak) peak = a;
    if (a >= 0.99) clipped++;
  }
  const n = Math.max(1, pcm.length);
  const db = (v: number) => (v > 0 ? Math.max(-120, 20 * Math.log10(v)) : -120);
  return { rmsDb: db(Math.sqrt(sum / n)), peakDb: db(peak), clippedShare: clipped / n };
}
