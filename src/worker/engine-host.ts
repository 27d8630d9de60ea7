/**
 * The EngineApi implementation the worker exposes: holds at most one Recognizer, loads models
 * through Cache Storage, picks the backend and falls back from WebGPU to WebAssembly.
 * Operations run one at a time, in call order (a session cannot run while it is being replaced).
 * What it needs from the browser (onnxruntime-web, Cache Storage, navigator.gpu) comes through
 * EngineHostPlatform, so the same host runs in Node's tests on onnxruntime-node.
 */
import type { InferenceSession } from 'onnxruntime-common';
import { createRecognizer, findModel, type ModelEntry, type ModelFileFetcher, type ModelFileRole, type ModelManifest, type OnnxRuntime, type Recognizer } from '../engine';
import { describeFailure, planBackend, threadCount, type ConcreteBackend, type WebGpuAdapterKind } from './backend-choice';
import { decodeOptionsFor } from './decode-request';
import type { EngineApi, HeardTranscript, LoadProgress, LoadRequest, LoadResult, TranscribeOptions, Transcript, WarmUpReport, WarmUpRequest } from './engine-api';
import { MODEL_SAMPLE_RATE } from '../engine/audio';
import { measureHeardInput } from '../monitoring/heard-input';
import { LoadProgressTracker } from './load-progress';
import { LoadTrace } from './load-trace';
import { modelFileFetcher, type ModelFileStats } from './model-files';
import { onnxRuntimeFor } from './onnx-runtime-web';
import { startRuntime } from './runtime-start';

/** What the host takes from where it runs. */
export interface EngineHostPlatform {
  /** onnxruntime and its session options for a backend (the worker: onnxruntime-web's build for it). */
  runtimeFor(backend: ConcreteBackend, threads: number): Promise<{ ort: OnnxRuntime; sessionOptions: InferenceSession.SessionOptions }>;
  /**
   * Reads a model's files by role, counting in `stats` where each came from and timing its hashes
   * in `trace` (the worker: model-files.ts).
   */
  fileFetcher(model: ModelEntry, progress: LoadProgressTracker, stats: ModelFileStats, trace: LoadTrace): ModelFileFetcher;
  /** Which WebGPU adapter there is. */
  webGpuAdapterKind(): Promise<WebGpuAdapterKind>;
  /** WebAssembly threads (backend-choice.ts threadCount). */
  threads: number;
}

export interface EngineHostOptions {
  manifest: ModelManifest;
  /** URL prefix of onnxruntime-web's .mjs and .wasm files (the browser platform's). */
  wasmPaths: string;
  /** Seconds of silence decoded once after creating WebGPU sessions, to prove they run. */
  webGpuProbeSeconds: number;
  /** Default: the browser's (browserPlatform). */
  platform?: EngineHostPlatform;
  /** Resolves in a new task, so that a warm-up lets queued calls in; default a MessageChannel round trip. */
  yieldToHost: () => Promise<void>;
}

export const DEFAULT_ENGINE_HOST_OPTIONS: Omit<EngineHostOptions, 'manifest' | 'platform'> = {
  wasmPaths: '/ort/',
  webGpuProbeSeconds: 1,
  yieldToHost: nextTask,
};

/** The worker's platform: onnxruntime-web from `wasmPaths`, Cache Storage and the origin, navigator.gpu. */
export function browserPlatform(wasmPaths: string): EngineHostPlatform {
  return {
    runtimeFor: (backend, threads) => onnxRuntimeFor(backend, { wasmPaths, threads }),
    fileFetcher: (model, progress, stats, trace) => modelFileFetcher(model, progress, stats, {}, trace),
    webGpuAdapterKind,
    threads: threadCount(globalThis.crossOriginIsolated === true, globalThis.navigator?.hardwareConcurrency),
  };
}

interface Loaded {
  recognizer: Recognizer;
  /** The names list given to this recogniser (useNames), once it has tokenised them. */
  names?: readonly string[];
  request: LoadRequest;
  result: LoadResult;
}

export function createEngineHost(options: Pick<EngineHostOptions, 'manifest'> & Partial<EngineHostOptions>): EngineApi {
  const opts: EngineHostOptions = { ...DEFAULT_ENGINE_HOST_OPTIONS, ...options };
  const platform = opts.platform ?? browserPlatform(opts.wasmPaths);
  const { threads } = platform;
  let current: Loaded | undefined;
  /** The names completeNames may write (useNames). */
  let slotNames: readonly string[] | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  /** Operations called but not yet started; a warm-up gives way to them. */
  let waiting = 0;

  /** Runs `task` after every earlier operation has settled. */
  function serial<T>(task: () => Promise<T>): Promise<T> {
    waiting++;
    const start = () => {
      waiting--;
      return task();
    };
    const next = queue.then(start, start);
    queue = next.catch(() => undefined);
    return next;
  }

  /** Warms the loaded recogniser up until done or until another operation is called. */
  async function warmUp(request: WarmUpRequest = {}): Promise<WarmUpReport | undefined> {
    if (!current) return undefined;
    // The same checks as a transcription's (a bad beam width is the page's mistake either way).
    const { beamSize } = decodeOptionsFor({ beamSize: request.beamSize });
    return current.recognizer.warmUp({ ...(beamSize !== undefined && { beamSize }), shouldStop: () => waiting > 0, yieldToHost: opts.yieldToHost });
  }

  async function release(): Promise<void> {
    const old = current;
    current = undefined;
    await old?.recognizer.release();
  }

  /**
   * Reads a model's files once per load, so a WebGPU fallback reuses the bytes already read; each
   * read is timed in `trace`, and the bytes remember their role so sessions can be named too.
   */
  function filesFor(request: LoadRequest, trace: LoadTrace, onProgress?: (p: LoadProgress) => void) {
    const model = findModel(opts.manifest, request.modelId);
    const stats: ModelFileStats = { fromNetwork: 0, fromCache: 0 };
    const fetchFile = platform.fileFetcher(model, new LoadProgressTracker((p) => onProgress?.(p)), stats, trace);
    const read = new Map<ModelFileRole, Promise<Uint8Array>>();
    const roles = new WeakMap<Uint8Array, ModelFileRole>();
    const memoized: ModelFileFetcher = (role) => {
      let bytes = read.get(role);
      if (!bytes) {
        bytes = trace.time(`read ${role}`, () => fetchFile(role)).then((b) => (roles.set(b, role), b));
        read.set(role, bytes);
      }
      return bytes;
    };
    return { model, stats, trace, fetchFile: memoized, roleOf: (bytes: Uint8Array) => roles.get(bytes) ?? 'model' };
  }

  async function createOn(backend: ConcreteBackend, files: ReturnType<typeof filesFor>): Promise<Recognizer> {
    const { trace } = files;
    const runtime = await trace.time(`onnxruntime ${backend}`, () => platform.runtimeFor(backend, threads));
    // The runtime initialises itself (WebAssembly, threads) while the engine reads its files;
    // every session waits for it. A runtime that cannot start fails the first session with its error.
    const started = trace.time('onnxruntime start', () => startRuntime(runtime.ort, runtime.sessionOptions));
    started.catch(() => undefined);
    // The engine creates its sessions from the bytes it was given; each is named by its file's role.
    const ort: OnnxRuntime = {
      Tensor: runtime.ort.Tensor,
      InferenceSession: {
        create: async (bytes, options) => {
          await started;
          return trace.time(`session ${files.roleOf(bytes)}`, () => runtime.ort.InferenceSession.create(bytes, options));
        },
      },
    };
    return createRecognizer({ ort, model: files.model, sessionOptions: runtime.sessionOptions, fetchFile: files.fetchFile });
  }

  async function load(request: LoadRequest, onProgress?: (p: LoadProgress) => void): Promise<LoadResult> {
    if (current && current.request.modelId === request.modelId && current.request.backend === request.backend) {
      return current.result;
    }
    const started = performance.now();
    // Free the old sessions first: two Whisper models at once may not fit in a tab's memory.
    await release();
    const files = filesFor(request, new LoadTrace(), onProgress);
    const plan = planBackend(request.backend, request.backend === 'wasm' ? 'none' : await platform.webGpuAdapterKind());
    let fallbackReason = plan.fallbackReason;
    let backend = plan.first;
    let recognizer: Recognizer | undefined;
    if (plan.first === 'webgpu') {
      try {
        recognizer = await createOn('webgpu', files);
        // Creating sessions can succeed where running them fails (unsupported kernels, device
        // limits): decode a moment of silence now rather than fail on the user's first query.
        await recognizer.transcribe(new Float32Array(16_000 * opts.webGpuProbeSeconds), { maxNewTokens: 1 });
      } catch (error) {
        // Model-file errors are not WebGPU's fault: falling back would only hide them.
        if (error instanceof Error && error.name === 'ModelFileError') throw error;
        await recognizer?.release().catch(() => undefined);
        recognizer = undefined;
        fallbackReason = describeFailure('WebGPU failed', error);
        backend = 'wasm';
      }
    }
    recognizer ??= await createOn('wasm', files);
    const result: LoadResult = {
      modelId: request.modelId,
      backend,
      threads,
      fromCache: files.stats.fromNetwork === 0,
      loadMs: performance.now() - started,
      stages: files.trace.stages(),
      ...(fallbackReason === undefined ? {} : { fallbackReason }),
      ...(files.stats.notStored === undefined ? {} : { notStored: files.stats.notStored }),
    };
    current = { recognizer, request, result };
    return result;
  }

  /** Gives the loaded recogniser the names, once per recogniser and list (a synchronous tokenisation of a few hundred ms). */
  function ensureNames(): Recognizer {
    if (!current) throw new Error('no model is loaded; call load() first');
    if (slotNames && current.names !== slotNames) {
      current.recognizer.useNames(slotNames);
      current.names = slotNames;
    }
    return current.recognizer;
  }

  /** Tokenises the names for the loaded model in a task of its own, queued right after the load, not inside the first query's. */
  function prepareNames(): void {
    if (slotNames) serial(async () => current && ensureNames()).catch(() => undefined);
  }

  async function transcribe(pcm: Float32Array, options: TranscribeOptions = {}): Promise<HeardTranscript> {
    // Measured before recognition: a WebGPU fallback below may take a while, the samples do not change.
    const input = measureHeardInput(pcm, MODEL_SAMPLE_RATE);
    return { ...(await recognise(pcm, options)), input };
  }

  async function recognise(pcm: Float32Array, options: TranscribeOptions): Promise<Transcript> {
    if (!current) throw new Error('no model is loaded; call load() first');
    const decode = decodeOptionsFor(options);
    try {
      return await current.recognizer.transcribe(pcm, decode);
    } catch (error) {
      if (current.result.backend !== 'webgpu') throw error;
      // WebGPU passed the probe but failed on real audio (device lost, out of memory): reload the
      // same model on WebAssembly, from Cache Storage, and try once more.
      const { request, result } = current;
      await release();
      const recognizer = await createOn('wasm', filesFor(request, new LoadTrace()));
      current = {
        recognizer,
        request,
        result: { ...result, backend: 'wasm', fromCache: true, fallbackReason: describeFailure('WebGPU failed while transcribing', error) },
      };
      return recognizer.transcribe(pcm, decode);
    }
  }

  return {
    load: (request, onProgress) =>
      serial(() => load(request, onProgress)).then((result) => {
        prepareNames();
        return result;
      }),
    transcribe: (pcm, options) => serial(() => transcribe(pcm, options)),
    scoreTranscripts: (heardId, texts) =>
      serial(async () => {
        if (!current) throw new Error('no model is loaded; call load() first');
        return current.recognizer.scoreTranscripts(heardId, texts);
      }),
    completeNames: (heardId, prefixes, options) => serial(async () => ensureNames().completeNames(heardId, prefixes, options)),
    useNames: async (names) => {
      slotNames = [...names];
      prepareNames();
      return slotNames.length;
    },
    warmUp: (request) => serial(() => warmUp(request)),
    status: () => serial(async () => current?.result),
    ping: async () => true,
    unload: () => serial(release),
  };
}

/**
 * Resolves in a new task, after the events already queued (a comlink request among them): a
 * MessageChannel round trip, which, unlike setTimeout, is not clamped to 4 ms when nested.
 */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(undefined);
  });
}

/** Which WebGPU adapter the browser offers (lib.dom has no WebGPU types yet, hence the cast). */
async function webGpuAdapterKind(): Promise<WebGpuAdapterKind> {
  type Adapter = { info?: { isFallbackAdapter?: boolean }; isFallbackAdapter?: boolean };
  const gpu = (globalThis.navigator as { gpu?: { requestAdapter(): Promise<Adapter | null> } } | undefined)?.gpu;
  try {
    const adapter = await gpu?.requestAdapter();
    if (!adapter) return 'none';
    // `info.isFallbackAdapter` since Chrome 131; the adapter's own flag before that.
    return (adapter.info?.isFallbackAdapter ?? adapter.isFallbackAdapter) ? 'fallback' : 'hardware';
  } catch {
    return 'none';
  }
}
