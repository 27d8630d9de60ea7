/**
 * Where a model file is served and under which key Cache Storage keeps it (pure; tested in Node).
 * The key carries the manifest's sha256, so a new model version never reads a stale entry, and
 * entries of other versions of the same URL can be found and deleted.
 */
import { stagedFileName, type ModelEntry, type ModelFile } from '../engine';

/** Cache Storage bucket for model files; bump the suffix if the stored format ever changes. */
export const MODEL_CACHE_NAME = 'voice-search-models-v1';

/** `/models/<id>/<file>`: models/stage.ts copies each file there (public/models/<id>/). */
export function modelFilePath(model: ModelEntry, file: ModelFile, basePath = '/models/'): string {
  return `${basePath}${model.id}/${stagedFileName(file)}`;
}

/** The cache key for a file's URL (absolute) and content hash. */
export function modelCacheKey(url: string, sha256: string): string {
  const key = new URL(url);
  key.search = '';
  key.searchParams.set('sha256', sha256);
  return key.href;
}

/** True when `key` is a cache key for `url` with a hash other than `sha256`: an outdated copy. */
export function isOutdatedCacheKey(key: string, url: string, sha256: string): boolean {
  const parsed = new URL(key);
  const hash = parsed.searchParams.get('sha256');
  parsed.search = '';
  const plain = new URL(url);
  plain.search = '';
  return parsed.href === plain.href && hash !== null && hash !== sha256;
}
