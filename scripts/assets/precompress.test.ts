import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_PRECOMPRESS_OPTIONS, precompressFolder, shouldPrecompress } from './precompress';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'precompress-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const TEXT = 'the voice search catalogue '.repeat(200);

describe('shouldPrecompress', () => {
  const o = DEFAULT_PRECOMPRESS_OPTIONS;
  it('picks large text, JSON and WebAssembly files', () => {
    expect(shouldPrecompress('catalogue/places.json', 8_638_121, o)).toBe(true);
    expect(shouldPrecompress('assets/index-abc.js', 200_000, o)).toBe(true);
    expect(shouldPrecompress('ort/ort-wasm-simd-threaded.wasm', 14_000_000, o)).toBe(true);
    expect(shouldPrecompress('index.html', 2_000, o)).toBe(true);
  });
  it('leaves small files, binaries and the models alone', () => {
    expect(shouldPrecompress('index.html', 500, o)).toBe(false);
    expect(shouldPrecompress('vad/silero_vad_v5.onnx', 2_327_524, o)).toBe(false);
    expect(shouldPrecompress('icon-512.png', 20_000, o)).toBe(false);
    expect(shouldPrecompress('models/whisper-tiny/tokenizer.json', 2_000_000, o)).toBe(false);
    expect(shouldPrecompress('modelsx/a.json', 2_000_000, o)).toBe(true);
  });
});

describe('precompressFolder', () => {
  it('writes .br and .gz copies that decode to the original, and only where they save bytes', async () => {
    await mkdir(path.join(root, 'catalogue'));
    await writeFile(path.join(root, 'catalogue', 'places.json'), TEXT);
    await writeFile(path.join(root, 'small.js'), 'export {};');
    // Random bytes do not compress: no copy is kept.
    await writeFile(path.join(root, 'noise.json'), randomBytes(4096));

    const report = await precompressFolder(root);
    expect(report.files.map((f) => f.path)).toEqual(['catalogue/places.json', 'noise.json']);
    const br = await readFile(path.join(root, 'catalogue', 'places.json.br'));
    const gz = await readFile(path.join(root, 'catalogue', 'places.json.gz'));
    expect(brotliDecompressSync(br).toString()).toBe(TEXT);
    expect(gunzipSync(gz).toString()).toBe(TEXT);
    expect((await readdir(root)).sort()).toEqual(['catalogue', 'noise.json', 'small.js']);
  });

  it('reuses cached outputs by content and does not compress its own copies again', async () => {
    const cacheDir = path.join(root, '..', path.basename(root) + '-cache');
    await writeFile(path.join(root, 'a.json'), TEXT);
    const first = await precompressFolder(root, { cacheDir });
    expect(first.fromCache).toBe(0);
    const second = await precompressFolder(root, { cacheDir });
    expect(second.fromCache).toBe(2);
    expect(second.files.map((f) => f.path)).toEqual(['a.json']);
    expect(gunzipSync(await readFile(path.join(root, 'a.json.gz'))).toString()).toBe(TEXT);
    await rm(cacheDir, { recursive: true, force: true });
  });
});
