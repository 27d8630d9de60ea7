/**
 * Precompression of a build: every large text-like file of dist/ gets a brotli (`.br`) and a
 * gzip (`.gz`) copy beside it, which server/static-handler.ts sends by the request's
 * Accept-Encoding. Made once at build time at the highest settings, so no request pays for
 * compression. Run by the `precompress` Vite plugin (vite.config.ts) after the build is written.
 *
 * Compression at brotli 11 is slow (16 s for the 8.6 MB catalogue, 25 s for a 14 MB .wasm on
 * this 2-core machine), so outputs are cached by the input's sha256 under .cache/precompressed/:
 * the runtime files and the catalogue, which do not change between builds, are compressed once.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

export interface PrecompressOptions {
  /** File name endings worth compressing: text, JSON, WebAssembly and the catalogue's name index (.bin: 3.0 MB, 0.68 MB as brotli). Models are not (below). */
  extensions: readonly string[];
  /** Files smaller than this are sent as they are: the headers would eat the saving. */
  minBytes: number;
  /** A compressed copy is kept only if it is at most this share of the original. */
  maxRatio: number;
  /**
   * Folders (relative to the root, `/`-separated) left alone. The model files are binary weights
   * that barely compress, and the worker checks each download's Content-Length against the
   * manifest's byte count, which an encoded response would not match.
   */
  skipFolders: readonly string[];
  /**
   * Brotli quality for WebAssembly: 11 saves 12% over 9 on onnxruntime's 14 MB .wasm but takes
   * 15 times as long (25 s against 1.7 s), too slow for a fresh clone's first build.
   */
  wasmBrotliQuality: number;
  /** Where compressed outputs are cached by content hash; undefined: no cache. */
  cacheDir: string | undefined;
}

export const DEFAULT_PRECOMPRESS_OPTIONS: PrecompressOptions = {
  extensions: ['.html', '.js', '.mjs', '.css', '.json', '.svg', '.txt', '.webmanifest', '.wasm', '.bin'],
  minBytes: 1024,
  maxRatio: 0.9,
  skipFolders: ['models'],
  wasmBrotliQuality: 9,
  cacheDir: undefined,
};

/** The encodings made, as sent in Content-Encoding, with the file suffix of each copy. */
export const PRECOMPRESSED_ENCODINGS = [
  { encoding: 'br', suffix: '.br' },
  { encoding: 'gzip', suffix: '.gz' },
] as const;

export type PrecompressedEncoding = (typeof PRECOMPRESSED_ENCODINGS)[number]['encoding'];

/** Whether a file (path relative to the root, `/`-separated) should get compressed copies. */
export function shouldPrecompress(relativePath: string, bytes: number, options: PrecompressOptions): boolean {
  if (bytes < options.minBytes) return false;
  if (options.skipFolders.some((folder) => relativePath === folder || relativePath.startsWith(folder + '/'))) return false;
  return options.extensions.includes(path.posix.extname(relativePath).toLowerCase());
}

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** The setting a file is compressed at: the highest, but for brotli on WebAssembly (see options). */
function levelFor(encoding: PrecompressedEncoding, isWasm: boolean, options: PrecompressOptions): number {
  if (encoding === 'gzip') return 9;
  return isWasm ? options.wasmBrotliQuality : constants.BROTLI_MAX_QUALITY;
}

/** One file compressed the given way. */
export async function compress(bytes: Buffer, encoding: PrecompressedEncoding, isWasm: boolean, options: PrecompressOptions): Promise<Buffer> {
  const level = levelFor(encoding, isWasm, options);
  if (encoding === 'gzip') return gzipAsync(bytes, { level });
  return brotli(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: level,
      [constants.BROTLI_PARAM_MODE]: isWasm ? constants.BROTLI_MODE_GENERIC : constants.BROTLI_MODE_TEXT,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.byteLength,
    },
  });
}

export interface PrecompressReport {
  /** Files compressed, with their sizes; a copy is written only where it saves enough (maxRatio). */
  files: { path: string; bytes: number; br: number; gzip: number }[];
  /** How many outputs came from the cache. */
  fromCache: number;
}

async function* walk(folder: string, root: string): AsyncGenerator<string> {
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) yield* walk(full, root);
    else if (entry.isFile()) yield path.relative(root, full).split(path.sep).join('/');
  }
}

/** Writes `.br` and `.gz` beside every file of `root` that shouldPrecompress picks. */
export async function precompressFolder(root: string, options: Partial<PrecompressOptions> = {}): Promise<PrecompressReport> {
  const opts = { ...DEFAULT_PRECOMPRESS_OPTIONS, ...options };
  const report: PrecompressReport = { files: [], fromCache: 0 };
  const suffixes = PRECOMPRESSED_ENCODINGS.map((e) => e.suffix);
  const candidates: string[] = [];
  for await (const relative of walk(root, root)) {
    if (suffixes.some((suffix) => relative.endsWith(suffix))) continue;
    const { size } = await stat(path.join(root, relative));
    if (shouldPrecompress(relative, size, opts)) candidates.push(relative);
  }
  if (opts.cacheDir) await mkdir(opts.cacheDir, { recursive: true });

  for (const relative of candidates.sort()) {
    const file = path.join(root, relative);
    const bytes = await readFile(file);
    const hash = createHash('sha256').update(bytes).digest('hex');
    const isWasm = relative.endsWith('.wasm');
    const sizes: Record<PrecompressedEncoding, number> = { br: 0, gzip: 0 };
    for (const { encoding, suffix } of PRECOMPRESSED_ENCODINGS) {
      const level = levelFor(encoding, isWasm, opts);
      const cached = opts.cacheDir ? path.join(opts.cacheDir, `${hash}.${encoding}${level}`) : undefined;
      let output = cached ? await readFile(cached).catch(() => undefined) : undefined;
      if (output) report.fromCache++;
      else {
        output = await compress(bytes, encoding, isWasm, opts);
        if (cached) {
          // Written under a temporary name first, so a build cut off mid-write leaves no bad entry.
          await writeFile(`${cached}.tmp`, output);
          await rename(`${cached}.tmp`, cached);
        }
      }
      sizes[encoding] = output.byteLength;
      if (output.byteLength <= bytes.byteLength * opts.maxRatio) await writeFile(file + suffix, output);
    }
    report.files.push({ path: relative, bytes: bytes.byteLength, br: sizes.br, gzip: sizes.gzip });
  }
  return report;
}
