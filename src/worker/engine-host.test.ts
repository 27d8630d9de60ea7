/**
 * The recognition worker's host logic in Node, through the same EngineApi the page calls: the
 * call queue, a load that fails and the next that works, the WebGPU fallback (at creation and
 * while transcribing), the warm-up giving way to a query, names for the constrained pass.
 * The real moonshine-tiny-q8 runs on onnxruntime-node; only "WebGPU" is played by onnxruntime-node
 * behind a switch that makes its sessions fail, as a lost device or a missing kernel would.
 */
/// <reference lib="dom" />
// (The host under test is worker code: it names the browser's types, Cache Storage among them.)
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import * as ortNode from 'onnxruntime-node';
import { beforeAll, describe, expect, it } from 'vitest';
import manifestJson from '../../models/manifest.json';
import { readAudioFile } from '../../cli/audio-file';
import { findModel, modelFile, stagedFileName, type ModelManifest, type OnnxRuntime } from '../engine';
import type { WebGpuAdapterKind } from './backend-choice';
import type { EngineApi } from './engine-api';
import { createEngineHost, type EngineHostPlatform } from './engine-host';
import { inputLevel } from '../monitoring/heard-input';
import { ModelFileError } from './model-files';

const manifest = manifestJson as ModelManifest;
const MODEL = 'moonshine-tiny-q8';
const modelsDir = new URL('../../public/models/', import.meta.url);

let amsterdam: Float32Array;
beforeAll(async () => {
  amsterdam = await readAudioFile(fileURLToPath(new URL('../../e2e/fixtures/hotels-in-amsterdam.wav', import.meta.url)));
});

/** A platform of onnxruntime-node whose "webgpu" fails when told to, and whose file reads are counted. */
function nodePlatform(gpu: { adapter?: WebGpuAdapterKind; failCreate?: boolean; failRuns?: boolean; missingFile?: boolean } = {}) {
  const seen = new Set<string>();
  const counts = { runtimes: [] as string[], reads: 0, roles: [] as string[] };
  const failingGpu: OnnxRuntime = {
    Tensor: ortNode.Tensor as unknown as OnnxRuntime['Tensor'],
    InferenceSession: {
      async create(bytes, options) {
        if (gpu.failCreate) throw new Error('no adapter for this kernel');
        const session = await ortNode.InferenceSession.create(bytes, options);
        const run = session.run.bind(session) as (...args: unknown[]) => ReturnType<typeof session.run>;
        // A lost device: every run fails from the moment it is lost.
        (session as unknown as { run: typeof run }).run = (...args) => (gpu.failRuns ? Promise.reject(new Error('device lost')) : run(...args));
        return session;
      },
    },
  };
  const platform: EngineHostPlatform = {
    threads: 1,
    webGpuAdapterKind: async () => gpu.adapter ?? 'none',
    async runtimeFor(backend) {
      counts.runtimes.push(backend);
      const sessionOptions = { executionProviders: ['cpu'], intraOpNumThreads: 1, interOpNumThreads: 1 };
      return { ort: backend === 'webgpu' ? failingGpu : (ortNode as unknown as OnnxRuntime), sessionOptions };
    },
    fileFetcher(model, progress, stats) {
      return async (role) => {
        const file = modelFile(model, role);
        if (gpu.missingFile) throw new ModelFileError(`/models/${model.id}/${stagedFileName(file)}`, 'HTTP 404 Not Found');
        counts.reads++;
        counts.roles.push(role);
        const path = `/models/${model.id}/${stagedFileName(file)}`;
        progress.expect(path, file.bytes);
        const bytes = new Uint8Array(await readFile(new URL(`${model.id}/${stagedFileName(file)}`, modelsDir)));
        // The first read of a file is a download, later ones come from the cache.
        const key = `${model.id}/${role}`;
        const cached = seen.has(key);
        if (cached) stats.fromCache++;
        else stats.fromNetwork++;
        seen.add(key);
        progress.update(path, bytes.byteLength, cached);
        return bytes;
      };
    },
  };
  return { platform, counts, gpu };
}

const words = (text: string) => text.toLowerCase().replace(/[^a-z ]/g, '');

describe('the engine host in Node', () => {
  it('queues a transcription called before its load has finished behind that load', async () => {
    const { platform } = nodePlatform();
    const host: EngineApi = createEngineHost({ manifest, platform });
    // Not awaited: the page may send an utterance while the model is still loading.
    const loading = host.load({ modelId: MODEL, backend: 'wasm' });
    const transcript = host.transcribe(amsterdam, { beamSize: 1 });
    // A ping is answered at once, not after the load and the transcription (the supervisor's liveness check).
    let loaded = false;
    void loading.then(() => (loaded = true));
    expect(await host.ping()).toBe(true);
    expect(loaded).toBe(false);
    const result = await loading;
    expect(result).toMatchObject({ modelId: MODEL, backend: 'wasm', threads: 1, fromCache: false });
    expect(words((await transcript).text)).toContain('amsterdam');
    expect(await host.status()).toEqual(result);
    await host.unload();
    expect(await host.status()).toBeUndefined();
  });

  it('says where the time of a load went: the runtime, each file read and each session, named by role', async () => {
    const { platform } = nodePlatform();
    const host = createEngineHost({ manifest, platform });
    const { stages, loadMs } = await host.load({ modelId: MODEL, backend: 'wasm' });
    const names = stages.map((s) => s.name);
    expect(names).toContain('onnxruntime wasm');
    // The runtime starts beside the reads, before the first session.
    const start = stages.find((s) => s.name === 'onnxruntime start')!;
    const firstSession = stages.find((s) => s.name.startsWith('session '))!;
    expect(start.startMs + start.ms).toBeLessThanOrEqual(firstSession.startMs + 0.5);
    // On a CPU provider Moonshine reads the encoder's optimised graph and the decoder with its output projection
    // stored transposed, not the exported ones (session-files.ts).
    expect(names.filter((n) => n.startsWith('read ')).sort()).toEqual(['read decoderTransposedProjection', 'read encoderOptimized', 'read vocab']);
    expect(findModel(manifest, MODEL).files.some((f) => f.role === 'encoder')).toBe(true);
    expect(findModel(manifest, MODEL).files.some((f) => f.role === 'decoder')).toBe(true);
    // Every session is named by the file it was created from.
    expect(names.filter((n) => n.startsWith('session ')).sort()).toEqual(['session decoderTransposedProjection', 'session encoderOptimized']);
    for (const s of stages) {
      expect(s.ms).toBeGreaterThanOrEqual(0);
      expect(s.startMs + s.ms).toBeLessThanOrEqual(loadMs + 1);
    }
    await host.unload();
  });

  it('loads a model once: the same request again is answered from what is loaded', async () => {
    const { platform, counts } = nodePlatform();
    const host = createEngineHost({ manifest, platform });
    const first = await host.load({ modelId: MODEL, backend: 'wasm' });
    const reads = counts.reads;
    expect(await host.load({ modelId: MODEL, backend: 'wasm' })).toBe(first);
    expect(counts.reads).toBe(reads);
    await host.unload();
  });

  it('rejects a transcription with no model, and after a failed load the next load still works', async () => {
    const missing = nodePlatform({ missingFile: true });
    const host = createEngineHost({ manifest, platform: missing.platform });
    await expect(host.transcribe(amsterdam)).rejects.toThrow(/no model is loaded/);
    await expect(host.load({ modelId: MODEL, backend: 'wasm' })).rejects.toThrow(/could not load model file \/models\/moonshine-tiny-q8\/.*HTTP 404/);
    await expect(host.load({ modelId: 'whisper-huge', backend: 'wasm' })).rejects.toThrow(/whisper-huge/);
    missing.gpu.missingFile = false;
    expect((await host.load({ modelId: MODEL, backend: 'wasm' })).backend).toBe('wasm');
    const heard = await host.transcribe(amsterdam);
    expect(words(heard.text)).toContain('amsterdam');
    // The worker measures what it heard, so the page never walks the samples (the query log).
    expect(heard.input!.level).toEqual(inputLevel(amsterdam));
    expect(heard.input!.envelope.seconds).toBeCloseTo(amsterdam.length / 16_000, 6);
    await host.unload();
  });

  it('falls back to WebAssembly when WebGPU sessions cannot be created, and says why', async () => {
    const { platform, counts } = nodePlatform({ adapter: 'hardware', failCreate: true });
    const host = createEngineHost({ manifest, platform });
    const result = await host.load({ modelId: MODEL, backend: 'auto' });
    expect(counts.runtimes).toEqual(['webgpu', 'wasm']);
    expect(result.backend).toBe('wasm');
    expect(result.fallbackReason).toMatch(/WebGPU failed.*no adapter for this kernel/);
    // The fallback reuses the bytes the WebGPU attempt read: nothing is fetched twice.
    expect(result.fromCache).toBe(false);
    expect(counts.roles.length).toBeGreaterThanOrEqual(3);
    expect(new Set(counts.roles).size).toBe(counts.roles.length);
    await host.unload();
  });

  it('does not hide a model-file error behind a WebGPU fallback', async () => {
    const { platform, counts } = nodePlatform({ adapter: 'hardware', missingFile: true });
    const host = createEngineHost({ manifest, platform });
    await expect(host.load({ modelId: MODEL, backend: 'webgpu' })).rejects.toThrow(ModelFileError);
    expect(counts.runtimes).toEqual(['webgpu']);
  });

  it('passes over a software WebGPU adapter under auto, but tries it when WebGPU is asked for', async () => {
    const auto = nodePlatform({ adapter: 'fallback' });
    const host = createEngineHost({ manifest, platform: auto.platform });
    expect((await host.load({ modelId: MODEL, backend: 'auto' })).backend).toBe('wasm');
    expect(auto.counts.runtimes).toEqual(['wasm']);
    expect((await host.load({ modelId: MODEL, backend: 'webgpu' })).backend).toBe('webgpu');
    await host.unload();
  });

  it('reloads on WebAssembly from the cache when WebGPU fails on a real utterance, and answers it', async () => {
    const { platform, counts, gpu } = nodePlatform({ adapter: 'hardware' });
    const host = createEngineHost({ manifest, platform });
    expect((await host.load({ modelId: MODEL, backend: 'webgpu' })).backend).toBe('webgpu');
    gpu.failRuns = true;
    const transcript = await host.transcribe(amsterdam, { beamSize: 1 });
    expect(words(transcript.text)).toContain('amsterdam');
    const status = await host.status();
    expect(status).toMatchObject({ backend: 'wasm', fromCache: true });
    expect(status!.fallbackReason).toMatch(/WebGPU failed while transcribing.*device lost/);
    expect(counts.runtimes).toEqual(['webgpu', 'wasm']);
    await host.unload();
  });

  it('ends a warm-up as soon as a query is called, and answers the query', async () => {
    const { platform } = nodePlatform();
    const host = createEngineHost({ manifest, platform });
    await host.load({ modelId: MODEL, backend: 'wasm' });
    const warmUp = host.warmUp({ beamSize: 5 });
    const transcript = host.transcribe(amsterdam, { beamSize: 5 });
    const report = await warmUp;
    expect(report?.completed).toBe(false);
    expect(words((await transcript).text)).toContain('amsterdam');
    // Uninterrupted, it runs to its end.
    expect((await host.warmUp({ beamSize: 5 }))?.completed).toBe(true);
    await host.unload();
    expect(await host.warmUp()).toBeUndefined();
  });

  it('keeps the names given before a load for every model loaded after it, and rejects a bad beam', async () => {
    const { platform } = nodePlatform();
    const host = createEngineHost({ manifest, platform });
    expect(await host.useNames(['Amsterdam', 'Rotterdam', 'Amstelveen'])).toBe(3);
    await host.load({ modelId: MODEL, backend: 'wasm' });
    const heard = await host.transcribe(amsterdam, { beamSize: 5 });
    const [names] = await host.completeNames(heard.heardId, ['Hotels in']);
    expect(names[0].name).toBe('Amsterdam');
    await expect(host.transcribe(amsterdam, { beamSize: 99 })).rejects.toThrow(RangeError);
    await host.unload();
  });
});
