/**
 * The query log's IndexedDB store, on fake-indexeddb (an in-memory IndexedDB for Node, pinned):
 * the recordings' size limit as the store keeps it, pruning with recordings, and an import that
 * brings no recordings. The page's use of it is tested in Chromium (e2e/monitoring.spec.ts).
 */
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { QueryLog } from './query-log';
import type { QueryRecord } from './query-record';

const DAY = 86_400_000;
const wav = (bytes: number) => new Uint8Array(bytes).fill(7);

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

async function logWith(times: number[]): Promise<{ log: QueryLog; ids: number[] }> {
  const log = await QueryLog.open();
  const ids: number[] = [];
  for (const time of times) ids.push((await log.add({ time, kind: 'spoken', heard: `at ${time}` }))!);
  return { log, ids };
}

describe('QueryLog', () => {
  it('keeps recordings within the size limit, dropping the oldest and saying so in their records', async () => {
    const { log, ids } = await logWith([1_000, 2_000, 3_000]);
    expect(await log.keepRecording(ids[0]!, wav(400), { maxBytes: 1_000 })).toBe(true);
    expect(await log.keepRecording(ids[1]!, wav(400), { maxBytes: 1_000 })).toBe(true);
    // The third needs room: the oldest goes.
    expect(await log.keepRecording(ids[2]!, wav(400), { maxBytes: 1_000 })).toBe(true);
    expect(await log.recording(ids[0]!)).toBeUndefined();
    expect(await log.recording(ids[2]!)).toEqual(wav(400));
    expect((await log.all()).map((r) => r.recordingBytes)).toEqual([undefined, 400, 400]);
    // One larger than the limit on its own is not kept, and costs the others nothing.
    expect(await log.keepRecording(ids[0]!, wav(1_001), { maxBytes: 1_000 })).toBe(false);
    expect((await log.all()).map((r) => r.recordingBytes)).toEqual([undefined, 400, 400]);
  });

  it('deletes recordings on request, and with their records when those are pruned', async () => {
    const now = Date.UTC(2026, 11, 7);
    const { log, ids } = await logWith([now - 40 * DAY, now - DAY, now]);
    for (const id of ids) await log.keepRecording(id, wav(10));
    expect(await log.prune(now)).toBe(1);
    expect(await log.recording(ids[0]!)).toBeUndefined();
    expect(await log.recording(ids[1]!)).toEqual(wav(10));
    await log.deleteRecordings();
    expect(await log.recording(ids[1]!)).toBeUndefined();
    expect((await log.all()).map((r) => r.recordingBytes)).toEqual([undefined, undefined]);
  });

  it('an import replaces the records and keeps no recordings: they stayed on the device that made them', async () => {
    const { log, ids } = await logWith([1_000]);
    await log.keepRecording(ids[0]!, wav(10));
    const imported: QueryRecord[] = [{ id: 5, time: 2_000, kind: 'typed', searched: 'lisbon', recordingBytes: 99 }];
    await log.replaceAll(imported);
    expect(await log.all()).toEqual([{ id: 5, time: 2_000, kind: 'typed', searched: 'lisbon' }]);
    expect(await log.recording(ids[0]!)).toBeUndefined();
  });

  it('merges an update into its record, and ignores one for a record that is gone', async () => {
    const { log, ids } = await logWith([1_000]);
    await log.update(ids[0]!, { opened: { rank: 2 } });
    await log.update(999, { feedback: 'wrong-result' });
    expect(await log.all()).toEqual([{ id: ids[0], time: 1_000, kind: 'spoken', heard: 'at 1000', opened: { rank: 2 } }]);
  });
});
