import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ModelManifest } from '../src/engine/model-manifest';
import { sha256File, stageModels } from './staging';

// The real manifest, narrowed to whisper-tiny's small files so the test copies ~4 MB, not 120 MB.
const fullManifest = JSON.parse(await readFile(new URL('./manifest.json', import.meta.url), 'utf8')) as ModelManifest;
const tiny = fullManifest.models.find((m) => m.id === 'whisper-tiny-q8')!;
const manifest: ModelManifest = {
  models: [{ ...tiny, files: tiny.files.filter((f) => !f.path.endsWith('.onnx')) }],
};

let work: string;
let packagesDir: string;
let outDir: string;
const packageModelDir = () => join(packagesDir, tiny.source.package, tiny.source.dir);

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'staging-'));
  packagesDir = join(work, 'node_modules');
  outDir = join(work, 'public-models');
  // A copy of the real installed package: tests corrupt it freely.
  await cp(join('node_modules', tiny.source.package), join(packagesDir, tiny.source.package), {
    recursive: true,
    filter: (src) => !src.endsWith('.onnx'),
  });
});

afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

describe('stageModels', () => {
  it('copies every file, each matching its manifest hash, and is idempotent', async () => {
    const actions: string[] = [];
    await stageModels(manifest, { packagesDir, outDir, onFile: (e) => actions.push(e.action) });
    expect(actions).toEqual(manifest.models[0].files.map(() => 'copied'));
    for (const file of manifest.models[0].files) {
      const name = file.path.split('/').pop()!;
      expect(await sha256File(join(outDir, tiny.id, name))).toBe(file.sha256);
    }
    actions.length = 0;
    await stageModels(manifest, { packagesDir, outDir, onFile: (e) => actions.push(e.action) });
    expect(actions).toEqual(manifest.models[0].files.map(() => 'unchanged'));
  });

  it('rejects a source file with one byte changed, naming the file', async () => {
    const victim = join(packageModelDir(), 'vocab.json');
    const bytes = await readFile(victim);
    bytes[100] ^= 0x01;
    await writeFile(victim, bytes);
    await expect(stageModels(manifest, { packagesDir, outDir })).rejects.toThrow(
      /whisper-tiny-q8: sha256 mismatch for .*vocab\.json/,
    );
  });

  it('rejects a missing source file, naming it', async () => {
    await rm(join(packageModelDir(), 'merges.txt'));
    await expect(stageModels(manifest, { packagesDir, outDir })).rejects.toThrow(/missing model file .*merges\.txt/);
  });

  it('rejects a truncated source file by its size, naming it', async () => {
    const victim = join(packageModelDir(), 'tokenizer.json');
    await writeFile(victim, (await readFile(victim)).subarray(0, 1000));
    await expect(stageModels(manifest, { packagesDir, outDir })).rejects.toThrow(
      /tokenizer\.json is 1000 bytes, the manifest expects 2480466/,
    );
  });

  it('replaces a corrupted staged copy with a verified one', async () => {
    await stageModels(manifest, { packagesDir, outDir });
    const staged = join(outDir, tiny.id, 'config.json');
    const bytes = await readFile(staged);
    bytes[10] ^= 0xff;
    await writeFile(staged, bytes);
    await stageModels(manifest, { packagesDir, outDir });
    expect(await sha256File(staged)).toBe(tiny.files.find((f) => f.role === 'config')!.sha256);
  });

  it('rejects a package whose version differs from the manifest', async () => {
    const pkgJson = join(packagesDir, tiny.source.package, 'package.json');
    await writeFile(pkgJson, JSON.stringify({ name: tiny.source.package, version: '9.9.9' }));
    await expect(stageModels(manifest, { packagesDir, outDir })).rejects.toThrow(/is version 9\.9\.9, the manifest pins 1\.0\.0/);
  });
});
