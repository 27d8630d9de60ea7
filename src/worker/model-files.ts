/**
 * Model files for the worker: read from Cache Storage when a verified copy is there, otherwise
 * downloaded from the app's own origin with byte progress, checked against the manifest (size and
 * sha256) and stored for the next visit. A reload therefore makes no model-file request at all.
 */
import type { ModelEntry, ModelFile, ModelFileFetcher } from '../engine';
import type { LoadProgressTracker } from './load-progress';
import type { LoadTrace } from './load-trace';
import { isOutdatedCacheKey, MODEL_CACHE_NAME, modelCacheKey, modelFilePath } from './model-cache-key';

export interface ModelFilesOptions {
  /** URL path the staged models are served under. */
  basePath: string;
  /** Cache Storage bucket; undefined disables caching (e.g. in an insecure context). */
  cacheName: string | undefined;
  /**
   * Hash every file against the manifest: a download before it is used or kept, a cached copy as
   * `verifyCached` says. crypto.subtle hashes moonshine-tiny's 20 MB decoder in about 120 ms in
   * Chromium on a 2-core machine (`npm run -s bench:load` prints it per file).
   */
  verifySha256: boolean;
  /**
   * When a cached copy (hashed when it was stored, and of the manifest's size) is hashed again:
   * `after-read` hands its bytes over at once and hashes them beside the session's creation — a
   * copy damaged on disk is then deleted, so the next load downloads it afresh, and one that
   * cannot even be parsed fails this load with onnxruntime's error; `before-use` hashes first.
   */
  verifyCached: 'after-read' | 'before-use';
  /** Told the outcome of each cached copy's hash check (for tests and the console). */
  onCachedCheck?: (path: string, intact: boolean) => void;
  /** Origin the base path is resolved against (the worker's own). */
  origin: string;
}

export const DEFAULT_MODEL_FILES_OPTIONS: ModelFilesOptions = {
  basePath: '/models/',
  cacheName: MODEL_CACHE_NAME,
  verifySha256: true,
  verifyCached: 'after-read',
  origin: globalThis.location?.origin ?? 'http://localhost',
};

export class ModelFileError extends Error {
  override name = 'ModelFileError';
  constructor(path: string, problem: string) {
    super(`could not load model file ${path}: ${problem}`);
  }
}

/** What a model load read, for LoadResult.fromCache and LoadResult.notStored. */
export interface ModelFileStats {
  fromNetwork: number;
  fromCache: number;
  /** Why a downloaded file could not be kept for the next visit (e.g. storage is full). */
  notStored?: string;
}

/**
 * A ModelFileFetcher (what the engine asks files by role through) reading `model`'s files, with
 * progress reported to `progress` and counts in `stats`.
 */
export function modelFileFetcher(
  model: ModelEntry,
  progress: LoadProgressTracker,
  stats: ModelFileStats,
  options: Partial<ModelFilesOptions> = {},
  trace?: LoadTrace,
): ModelFileFetcher {
  const opts = { ...DEFAULT_MODEL_FILES_OPTIONS, ...options };
  // Pages served over plain http from another host are not a secure context: no Cache Storage and
  // no crypto.subtle there, so such a page downloads every time and checks sizes only.
  if (typeof crypto === 'undefined' || !crypto.subtle) opts.verifySha256 = false;
  const cache = opts.cacheName !== undefined && typeof caches !== 'undefined' ? caches.open(opts.cacheName) : undefined;
  return async (role) => {
    const file = model.files.find((f) => f.role === role);
    if (!file) throw new Error(`model '${model.id}' has no '${role}' file in the manifest`);
    const path = modelFilePath(model, file, opts.basePath);
    // Announced before the first await, so the total covers every file the engine asks for at once.
    progress.expect(path, file.bytes);
    const url = new URL(path, opts.origin).href;
    const key = modelCacheKey(url, file.sha256);

    const hash = (bytes: Uint8Array<ArrayBuffer>) => (trace ? trace.time(`sha256 ${role}`, () => sha256Hex(bytes)) : sha256Hex(bytes));
    const store = await cache?.catch(() => undefined);
    const checkFirst = opts.verifySha256 && opts.verifyCached === 'before-use';
    const cached = await readCached(store, key, file, checkFirst ? hash : undefined);
    if (cached) {
      stats.fromCache++;
      progress.update(path, cached.byteLength, true);
      if (opts.verifySha256 && !checkFirst && store) checkLater(store, key, file, cached, hash, (intact) => opts.onCachedCheck?.(path, intact));
      return cached;
    }

    const bytes = await download(url, path, file, (n) => progress.update(path, n, false));
    if (opts.verifySha256) {
      const actual = await hash(bytes);
      if (actual !== file.sha256) throw new ModelFileError(path, `sha256 ${actual} does not match the manifest's ${file.sha256}`);
    }
    stats.fromNetwork++;
    if (store) {
      const problem = await storeInCache(store, key, url, file, bytes);
      if (problem) stats.notStored ??= problem;
    }
    return bytes;
  };
}

async function readCached(
  store: Cache | undefined,
  key: string,
  file: ModelFile,
  hash: ((bytes: Uint8Array<ArrayBuffer>) => Promise<string>) | undefined,
): Promise<Uint8Array<ArrayBuffer> | undefined> {
  if (!store) return undefined;
  const hit = await store.match(key).catch(() => undefined);
  if (!hit) return undefined;
  const bytes = new Uint8Array(await hit.arrayBuffer());
  const intact = bytes.byteLength === file.bytes && (!hash || (await hash(bytes)) === file.sha256);
  if (intact) return bytes;
  // A damaged entry (quota eviction mid-write, disk trouble): drop it and download again.
  await store.delete(key);
  return undefined;
}

/** Hashes a cached copy already handed over; deletes the entry if it is not the manifest's. */
function checkLater(
  store: Cache,
  key: string,
  file: ModelFile,
  bytes: Uint8Array<ArrayBuffer>,
  hash: (bytes: Uint8Array<ArrayBuffer>) => Promise<string>,
  done: (intact: boolean) => void,
): void {
  hash(bytes)
    .then(async (actual) => {
      const intact = actual === file.sha256;
      if (!intact) {
        console.warn(`model file ${key} in Cache Storage is damaged (sha256 ${actual}); it will be downloaded again`);
        await store.delete(key);
      }
      done(intact);
    })
    .catch(() => undefined);
}

async function download(url: string, path: string, file: ModelFile, onBytes: (loaded: number) => void): Promise<Uint8Array<ArrayBuffer>> {
  let response: Response;
  try {
    // Cache Storage is the cache; keeping a second copy in the HTTP cache would only waste disk.
    response = await fetch(url, { cache: 'no-store' });
  } catch (error) {
    throw new ModelFileError(path, `network error (${error instanceof Error ? error.message : String(error)})`);
  }
  if (!response.ok) throw new ModelFileError(path, `HTTP ${response.status} ${response.statusText}`.trim());
  const declared = Number(response.headers.get('Content-Length') ?? NaN);
  if (Number.isFinite(declared) && declared !== file.bytes) {
    throw new ModelFileError(path, `the server sends ${declared} bytes, the manifest expects ${file.bytes}`);
  }
  if (!response.body) {
    const bytes = new Uint8Array(await response.arrayBuffer());
    onBytes(bytes.byteLength);
    return checkSize(bytes, path, file);
  }

  // The manifest's size is known, so the file is read straight into one buffer of that size.
  const bytes = new Uint8Array(file.bytes);
  const reader = response.body.getReader();
  let loaded = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (loaded + value.byteLength > file.bytes) {
        throw new ModelFileError(path, `more than the manifest's ${file.bytes} bytes arrived`);
      }
      bytes.set(value, loaded);
      loaded += value.byteLength;
      onBytes(loaded);
    }
  } catch (error) {
    await reader.cancel().catch(() => undefined);
    if (error instanceof ModelFileError) throw error;
    throw new ModelFileError(path, `download interrupted (${error instanceof Error ? error.message : String(error)})`);
  }
  return checkSize(bytes.subarray(0, loaded), path, file);
}

function checkSize(bytes: Uint8Array<ArrayBuffer>, path: string, file: ModelFile): Uint8Array<ArrayBuffer> {
  if (bytes.byteLength !== file.bytes) {
    throw new ModelFileError(path, `got ${bytes.byteLength} bytes, the manifest expects ${file.bytes}`);
  }
  return bytes;
}

/** Keeps a verified file for the next visit; returns why it could not, if it could not. */
async function storeInCache(store: Cache, key: string, url: string, file: ModelFile, bytes: Uint8Array<ArrayBuffer>): Promise<string | undefined> {
  try {
    await store.put(
      key,
      new Response(bytes, { headers: { 'Content-Type': 'application/octet-stream', 'Content-Length': String(file.bytes) } }),
    );
    // Older versions of this file (another sha256) will never be read again.
    for (const request of await store.keys()) {
      if (isOutdatedCacheKey(request.url, url, file.sha256)) await store.delete(request);
    }
  } catch (error) {
    // Out of quota or storage disabled: the model still works from memory, it just downloads
    // again next time; the page says so.
    return describeStoreFailure(error);
  }
  return undefined;
}

/** "storage is full" for a quota error, else the error's own words. */
export function describeStoreFailure(error: unknown): string {
  const name = error instanceof Error || (typeof DOMException !== 'undefined' && error instanceof DOMException) ? (error as Error).name : '';
  if (name === 'QuotaExceededError') return 'storage is full';
  return `storage failed (${error instanceof Error ? error.message : String(error)})`;
}

export async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}
