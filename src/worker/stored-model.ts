/**
 * Whether a model's weights are already in Cache Storage, so its load needs no download: the
 * stand-in (stand-in.ts) is only worth it when one is needed. Measured with whisper-base-q8 chosen
 * and everything cached (`npm run -s bench:load -- --rounds 2 --model whisper-base-q8`): alone it
 * was ready at 5.7 s and a query spoken at once was transcribed at 8.2 s; behind a stand-in it was
 * ready at 9.0 s and the first transcript came at 8.8 s, because the two loads share two cores.
 * A download (181 MB) is what a stand-in covers.
 *
 * Checked: the encoder and decoder files a WebAssembly load reads (session-files.ts), which are
 * over nine tenths of what such a load downloads, under their current hashes (the cache keys model-files.ts writes).
 */
import type { ModelEntry } from '../engine';
import { decoderFile, encoderFile } from '../engine/session-files';
import { MODEL_CACHE_NAME, modelCacheKey, modelFilePath } from './model-cache-key';

const WASM = { executionProviders: ['wasm'] };

/** The cache keys of the weights a WebAssembly load of `model` reads, on `origin`. */
export function weightCacheKeys(model: ModelEntry, origin: string): string[] {
  const roles = [encoderFile(model, WASM).role, decoderFile(model, WASM)];
  return roles.map((role) => {
    const file = model.files.find((f) => f.role === role)!;
    return modelCacheKey(new URL(modelFilePath(model, file), origin).href, file.sha256);
  });
}

/** True when Cache Storage holds every one of the model's weight files; false without Cache Storage. */
export async function isModelStored(model: ModelEntry, origin: string = globalThis.location?.origin ?? 'http://localhost'): Promise<boolean> {
  if (typeof caches === 'undefined' || !(await caches.has(MODEL_CACHE_NAME))) return false;
  const cache = await caches.open(MODEL_CACHE_NAME);
  const found = await Promise.all(weightCacheKeys(model, origin).map((key) => cache.match(key)));
  return found.every((response) => response !== undefined);
}
