/**
 * The query log's store: IndexedDB through `idb` (a small, well-kept promise wrapper over the
 * IndexedDB API), one object store of QueryRecords keyed by an increasing id, indexed by time.
 * A write that fails (storage full, private mode, a blocked upgrade) is reported on the console
 * and otherwise ignored: the log must never break a search.
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { DEFAULT_QUERY_LOG_OPTIONS, recordsToPrune, type QueryLogOptions, type QueryRecord } from './query-record';

const DATABASE = 'voice-search-monitoring';
const STORE = 'queries';

interface LogSchema extends DBSchema {
  queries: { key: number; value: QueryRecord; indexes: { time: number } };
}

export class QueryLog {
  private constructor(
    private readonly db: IDBPDatabase<LogSchema>,
    private readonly options: QueryLogOptions,
  ) {}

  static async open(options: Partial<QueryLogOptions> = {}): Promise<QueryLog> {
    const db = await openDB<LogSchema>(DATABASE, 1, {
      upgrade(database) {
        const store = database.createObjectStore(STORE, { keyPath: 'id', autoIncrement: true });
        store.createIndex('time', 'time');
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

  /** Deletes what the retention limits leave out (age and count). */
  async prune(now = Date.now()): Promise<number> {
    try {
      const doomed = recordsToPrune(await this.all(), now, this.options);
      const tx = this.db.transaction(STORE, 'readwrite');
      await Promise.all([...doomed.map((id) => tx.store.delete(id)), tx.done]);
      return doomed.length;
    } catch (error) {
      console.warn('query log: pruning failed', error);
      return 0;
    }
  }

  /** Replaces the log with `records` (an import). */
  async replaceAll(records: readonly QueryRecord[]): Promise<void> {
    const tx = this.db.transaction(STORE, 'readwrite');
    await tx.store.clear();
    for (const record of records) await tx.store.put(record);
    await tx.done;
  }

  async clear(): Promise<void> {
    await this.db.clear(STORE);
  }
}
