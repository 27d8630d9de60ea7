/**
 * What this browser keeps of the models, and the person's controls over it. Model bytes live in
 * one Cache Storage bucket (MODEL_CACHE_NAME, written by the recognition worker's
 * src/worker/model-files.ts); the page reads the same bucket to show its size and to empty it.
 * The app's own files are the service worker's precache, which updates itself (vite.config.ts).
 */
import { MODEL_CACHE_NAME } from '../../worker/model-cache-key';

export interface StoredModel {
  modelId: string;
  bytes: number;
  files: number;
}

export interface ModelStorage {
  models: StoredModel[];
  /** Bytes of every model file kept. */
  modelBytes: number;
  /** Whether the browser promised not to evict this origin's storage (navigator.storage.persist). */
  persisted: boolean;
  /** All this origin stores (models, the app's files, settings) and what it may, if the browser says. */
  usage?: { usedBytes: number; quotaBytes: number };
}

/**
 * Groups cached model files by model: each key is `/models/<id>/<file>?sha256=…`
 * (model-cache-key.ts). Pure, for tests.
 */
export function summarizeModelFiles(files: readonly { url: string; bytes: number }[]): StoredModel[] {
  const byModel = new Map<string, StoredModel>();
  for (const { url, bytes } of files) {
    const [, first, modelId] = new URL(url).pathname.split('/');
    if (first !== 'models' || !modelId) continue;
    const model = byModel.get(modelId) ?? { modelId, bytes: 0, files: 0 };
    model.bytes += bytes;
    model.files += 1;
    byModel.set(modelId, model);
  }
  return [...byModel.values()].sort((a, b) => a.modelId.localeCompare(b.modelId));
}

/** Reads what is stored. Without Cache Storage (an insecure context) nothing is. */
export async function readModelStorage(): Promise<ModelStorage> {
  const files: { url: string; bytes: number }[] = [];
  if (typeof caches !== 'undefined' && (await caches.has(MODEL_CACHE_NAME))) {
    const cache = await caches.open(MODEL_CACHE_NAME);
    for (const request of await cache.keys()) {
      const response = await cache.match(request);
      // The worker stores each file with its Content-Length; reading it avoids reading the bytes.
      const bytes = Number(response?.headers.get('Content-Length') ?? 0);
      files.push({ url: request.url, bytes: Number.isFinite(bytes) ? bytes : 0 });
    }
  }
  const models = summarizeModelFiles(files);
  const storage = typeof navigator !== 'undefined' ? navigator.storage : undefined;
  const persisted = (await storage?.persisted?.().catch(() => false)) ?? false;
  const estimate = await storage?.estimate?.().catch(() => undefined);
  return {
    models,
    modelBytes: models.reduce((sum, m) => sum + m.bytes, 0),
    persisted,
    ...(estimate?.usage !== undefined && estimate.quota !== undefined ? { usage: { usedBytes: estimate.usage, quotaBytes: estimate.quota } } : {}),
  };
}

/**
 * Asks the browser to keep this origin's storage (models included) rather than evict it when
 * space runs low. Chromium answers from how much the site is used, without a prompt. Returns
 * whether storage is persisted now.
 */
export async function askToKeepStorage(): Promise<boolean> {
  const storage = typeof navigator !== 'undefined' ? navigator.storage : undefined;
  if (!storage?.persist) return false;
  if (await storage.persisted().catch(() => false)) return true;
  return storage.persist().catch(() => false);
}

/** Deletes every downloaded model file. A model already loaded keeps running from memory. */
export async function removeDownloadedModels(): Promise<void> {
  if (typeof caches !== 'undefined') await caches.delete(MODEL_CACHE_NAME);
}
