/**
 * "Keep recordings for review" (issue #19): off by default. When the person turns it on, each
 * spoken query's audio is kept beside its log record, as a 16-bit 16 kHz WAV (32 KB a second), so
 * an error can be listened to before it is labelled. The recordings share a size limit (default
 * 20 MB, about ten minutes of speech); the oldest go first to make room. They are never exported
 * with the log, which stays text. Pure: what to keep, tested in Node; the store is query-log.ts.
 */

export interface RecordingOptions {
  /** The recordings together stay within this many bytes (default 20 MB). */
  maxBytes: number;
}

export const DEFAULT_RECORDING_OPTIONS: Readonly<RecordingOptions> = Object.freeze({ maxBytes: 20_000_000 });

export interface StoredRecording {
  /** The query record's id. */
  id: number;
  time: number;
  /** A WAV file. */
  wav: Uint8Array;
}

/**
 * Ids of the kept recordings to delete, oldest first, so that `incomingBytes` more fit within
 * `maxBytes`; a recording larger than the limit on its own is not kept (`keep` false).
 */
export function makeRoomFor(kept: readonly { id: number; time: number; bytes: number }[], incomingBytes: number, options: Partial<RecordingOptions> = {}): { keep: boolean; drop: number[] } {
  const { maxBytes } = { ...DEFAULT_RECORDING_OPTIONS, ...options };
  if (incomingBytes > maxBytes) return { keep: false, drop: [] };
  let total = kept.reduce((sum, r) => sum + r.bytes, 0) + incomingBytes;
  const drop: number[] = [];
  for (const r of [...kept].sort((a, b) => a.time - b.time)) {
    if (total <= maxBytes) break;
    drop.push(r.id);
    total -= r.bytes;
  }
  return { keep: true, drop };
}

/** "3.2 MB": a size as the settings show it. */
export function formatMegabytes(bytes: number): string {
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}
