/**
 * The worker's model-file reader against a real HTTP server, with Cache Storage played by an
 * in-memory store (Node has no `caches`): downloads are checked and kept, a cached copy is read
 * without a request, a damaged copy is replaced, an old version is deleted, and a store that is
 * full leaves a working model and a reason.
 */
/// <reference lib="dom" />
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ModelEntry } from '../engine';
import { LoadProgressTracker } from './load-progress';
import { modelCacheKey } from './model-cache-key';
import { describeStoreFailure, modelFileFetcher, type ModelFilesOptions, type ModelFileStats } from './model-files';

const BYTES = new Uint8Array(Array.from({ length: 4096 }, (_, i) => (i * 7) & 0xff));
const SHA256 = createHash('sha256').update(BYTES).digest('hex');

/** Only what the reader looks at: the id and one file. */
const model = {
  id: 'tiny-test',
  files: [{ role: 'encoder', path: 'onnx/encoder.onnx', bytes: BYTES.byteLength, sha256: SHA256 }],
} as unknown as ModelEntry;

let server: Server;
let origin: string;
let requests = 0;
let served: Uint8Array = BYTES;

beforeAll(async () => {
  server = createServer((req, res) => {
    requests++;
    res.setHeader('Content-Length', served.byteLength);
    res.end(Buffer.from(served));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** An in-memory Cache Storage bucket; `full` makes every put fail as a full disk does. */
class MemoryCache {
  entries = new Map<string, Uint8Array>();
  full = false;
  async match(key: string): Promise<Response | undefined> {
    const bytes = this.entries.get(key);
    return bytes ? new Response(bytes.slice()) : undefined;
  }
  async put(key: string, response: Response): Promise<void> {
    if (this.full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    this.entries.set(key, new Uint8Array(await response.arrayBuffer()));
  }
  async delete(key: string | Request): Promise<boolean> {
    return this.entries.delete(typeof key === 'string' ? key : key.url);
  }
  async keys(): Promise<Request[]> {
    return [...this.entries.keys()].map((url) => new Request(url));
  }
}

let cache: MemoryCache;
const g = globalThis as { caches?: unknown };

function read(options: Partial<ModelFilesOptions> = {}): { stats: ModelFileStats; bytes: Promise<Uint8Array>; checked: Promise<boolean> } {
  g.caches = { open: async () => cache };
  const stats: ModelFileStats = { fromNetwork: 0, fromCache: 0 };
  let checked!: (intact: boolean) => void;
  const check = new Promise<boolean>((resolve) => (checked = resolve));
  const fetchFile = modelFileFetcher(model, new LoadProgressTracker(() => undefined), stats, { origin, onCachedCheck: (_path, intact) => checked(intact), ...options });
  return { stats, bytes: fetchFile('encoder'), checked: check };
}

describe('modelFileFetcher', () => {
  afterEach(() => {
    delete g.caches;
    served = BYTES;
    requests = 0;
  });

  it('downloads, checks and keeps a file, then reads it from the cache with no request', async () => {
    cache = new MemoryCache();
    const first = read();
    expect(await first.bytes).toEqual(BYTES);
    expect(first.stats).toEqual({ fromNetwork: 1, fromCache: 0 });
    expect(requests).toBe(1);

    const second = read();
    expect(await second.bytes).toEqual(BYTES);
    expect(second.stats).toEqual({ fromNetwork: 0, fromCache: 1 });
    expect(requests).toBe(1);
  });

  it('replaces a damaged cached copy and deletes other versions of the file', async () => {
    cache = new MemoryCache();
    const url = `${origin}/models/tiny-test/encoder.onnx`;
    cache.entries.set(modelCacheKey(url, SHA256), BYTES.slice(0, 100));
    cache.entries.set(modelCacheKey(url, 'a'.repeat(64)), new Uint8Array(8));
    const { stats, bytes } = read();
    expect(await bytes).toEqual(BYTES);
    expect(stats.fromNetwork).toBe(1);
    expect([...cache.entries.keys()]).toEqual([modelCacheKey(url, SHA256)]);
  });

  it('hands a cached copy over before hashing it, and deletes it when the hash then fails', async () => {
    cache = new MemoryCache();
    const url = `${origin}/models/tiny-test/encoder.onnx`;
    // The manifest's size, one byte flipped: only the hash can tell.
    const damaged = BYTES.slice();
    damaged[10]! ^= 1;
    cache.entries.set(modelCacheKey(url, SHA256), damaged);
    const { stats, bytes, checked } = read();
    expect(await bytes).toEqual(damaged);
    expect(stats).toEqual({ fromNetwork: 0, fromCache: 1 });
    expect(await checked).toBe(false);
    expect(cache.entries.size).toBe(0);
    // The next load downloads it afresh.
    const next = read();
    expect(await next.bytes).toEqual(BYTES);
    expect(next.stats.fromNetwork).toBe(1);
    expect(await read().checked).toBe(true);
  });

  it('with verifyCached before-use, hashes a cached copy first and downloads instead of a damaged one', async () => {
    cache = new MemoryCache();
    const url = `${origin}/models/tiny-test/encoder.onnx`;
    const damaged = BYTES.slice();
    damaged[10]! ^= 1;
    cache.entries.set(modelCacheKey(url, SHA256), damaged);
    const { stats, bytes } = read({ verifyCached: 'before-use' });
    expect(await bytes).toEqual(BYTES);
    expect(stats.fromNetwork).toBe(1);
  });

  it('refuses bytes whose sha256 is not the manifest’s, and keeps nothing', async () => {
    cache = new MemoryCache();
    served = BYTES.map((b) => b ^ 1);
    await expect(read().bytes).rejects.toThrow(/sha256 [0-9a-f]{64} does not match the manifest's/);
    expect(cache.entries.size).toBe(0);
  });

  it('with storage full, still returns the file and says why it was not kept', async () => {
    cache = new MemoryCache();
    cache.full = true;
    const { stats, bytes } = read();
    expect(await bytes).toEqual(BYTES);
    expect(stats.notStored).toBe('storage is full');
    expect(cache.entries.size).toBe(0);
  });

  it('names other storage failures by their message', () => {
    expect(describeStoreFailure(new DOMException('x', 'QuotaExceededError'))).toBe('storage is full');
    expect(describeStoreFailure(new Error('disk on fire'))).toBe('storage failed (disk on fire)');
  });
});
