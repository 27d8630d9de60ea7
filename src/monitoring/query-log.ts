/**
 * The query log's store: IndexedDB through `idb` (a small, well-kept promise wrapper over the
 * IndexedDB API), one object store of QueryRecords keyed by an increasing id, indexed by time,
 * and one of the recordings the person chose to keep (recordings.ts), keyed by their record's id;
 * a record with a recording says its size (`recordingBytes`), so the limit is kept without
 * reading the audio.
 * A write that fails (storage full, private mode, a blocked upgrade) is reported on the console
 * and otherwise ignored: the log must never break a search.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { DEFAULT_QUERY_LOG_OPTIONS, recordsToPrune, type QueryLogOptions, type QueryRecord } from './query-record';
import { makeRoomFor, type RecordingOptions, type StoredRecording } from './recordings';

const DATABASE = 'voice-search-monitoring';
const STORE = 'queries';
const RECORDINGS = 'recordings';

interface LogSchema extends DBSchema {
  queries: { key: number; value: QueryRecord; indexes: { time: number } };
  recordings: { key: number; value: StoredRecording };
}

export class QueryLog {
  private constructor(
    private readonly db: IDBPDatabase<LogSchema>,
    private readonly options: QueryLogOptions,
  ) {}

  static async open(options: Partial<QueryLogOptions> = {}): Promise<QueryLog> {
    const db = await openDB<LogSchema>(DATABASE, 2, {
      upgrade(database, oldVersion) {
        if (oldVersion < 1) {
          const store = database.createObjectStore(STORE, { keyPath: 'id', autoIncrement: true });
          store.createIndex('time', 'time');
        }
        // Version 2: the recordings kept for review.
        if (oldVersion < 2) database.createObjectStore(RECORDINGS, { keyPath: 'id' });
      },
    });
    return new QueryLog(db, { ...DEFAULT_QUERY_LOG_OPTIONS, ...options });
  }

  /** Adds a record; its id, or undefined when it could not be written. */
  async add(record: QueryRecord): Promise<number | undefined> {
    try {
      const { id: _ignored, ...rest } = record;
      return await this.db.add(STORE, rest as QueryRecord);
    } catch (error) {
      console.warn('query log: a record was not written', error);
      return undefined;
    }
  }

  /** Merges `change` into record `id`; nothing when it is gone or the write fails. */
  async update(id: number, change: Partial<QueryRecord>): Promise<void> {
    try {
      const tx = this.db.transaction(STORE, 'readwrite');
      const current = await tx.store.get(id);
      if (current) await tx.store.put({ ...current, ...change, id });
      await tx.done;
    } catch (error) {
      console.warn('query log: a record was not updated', error);
    }
  }

  /** Every record, oldest first. */
  all(): Promise<QueryRecord[]> {
    return this.db.getAllFromIndex(STORE, 'time');
  }

  /**
   * Keeps record `id`'s audio (a WAV file), deleting the oldest recordings to stay within the size
   * limit; false when it was not kept (larger than the limit, or the write failed).
   */
  async keepRecording(id: number, wav: Uint8Array, options: Partial<RecordingOptions> = {}): Promise<boolean> {
    try {
      const tx = this.db.transaction([STORE, RECORDINGS], 'readwrite');
      const queries = tx.objectStore(STORE);
      const record = await queries.get(id);
      if (!record) return false;
      const kept = (await queries.getAll()).filter((r) => r.recordingBytes !== undefined).map((r) => ({ id: r.id!, time: r.time, bytes: r.recordingBytes! }));
      const room = makeRoomFor(kept, wav.byteLength, options);
      if (!room.keep) return false;
      for (const doomed of room.drop) {
        await tx.objectStore(RECORDINGS).delete(doomed);
        const { recordingBytes: _gone, ...rest } = (await queries.get(doomed))!;
        await queries.put(rest);
      }
      await tx.objectStore(RECORDINGS).put({ id, time: record.time, wav });
      await queries.put({ ...record, recordingBytes: wav.byteLength });
      await tx.done;
      return true;
    } catch (error) {
      console.warn('query log: a recording was not kept', error);
      return false;
    }
  }

  /** Record `id`'s recording, if one is kept. */
  async recording(id: number): Promise<Uint8Array | undefined> {
    return (await this.db.get(RECORDINGS, id))?.wav;
  }

  /** Deletes every kept recording (the records stay). */
  async deleteRecordings(): Promise<void> {
    const tx = this.db.transaction([STORE, RECORDINGS], 'readwrite');
    await tx.objectStore(RECORDINGS).clear();
    for (const record of await tx.objectStore(STORE).getAll()) {
      if (record.recordingBytes === undefined) continue;
      const { recordingBytes: _gone, ...rest } = record;
      await tx.objectStore(STORE).put(rest);
    }
    await tx.done;
  }

  /** Deletes what the retention limits leave out (age and count), recordings with their records. */
  async prune(now = Date.now()): Promise<number> {
    try {
      const doomed = recordsToPrune(await this.all(), now, this.options);
      const tx = this.db.transaction([STORE, RECORDINGS], 'readwrite');
      await Promise.all([...doomed.flatMap((id) => [tx.objectStore(STORE).delete(id), tx.objectStore(RECORDINGS).delete(id)]), tx.done]);
      return doomed.length;
    } catch (error) {
      console.warn('query log: pruning failed', error);
      return 0;
    }
  }

  /** Replaces the log with `records` (an import: its recordings stayed on the device that made it). */
  async replaceAll(records: readonly QueryRecord[]): Promise<void> {
    const tx = this.db.transaction([STORE, RECORDINGS], 'readwrite');
    await tx.objectStore(STORE).clear();
    await tx.objectStore(RECORDINGS).clear();
    for (const { recordingBytes: _elsewhere, ...record } of records) await tx.objectStore(STORE).put(record);
    await tx.done;
  }

  async clear(): Promise<void> {
    const tx = this.db.transaction([STORE, RECORDINGS], 'readwrite');
    await Promise.all([tx.objectStore(STORE).clear(), tx.objectStore(RECORDINGS).clear(), tx.done]);
  }
}
