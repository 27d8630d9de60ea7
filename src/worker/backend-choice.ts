/**
 * Which onnxruntime-web backend to start with, and how many WebAssembly threads to ask for
 * (pure; tested in Node).
 */
import type { Backend } from './engine-api';

export type ConcreteBackend = 'wasm' | 'webgpu';

export interface BackendPlan {
  /** The backend to try first; WebGPU falls back to WebAssembly if it fails. */
  first: ConcreteBackend;
  /** Set when WebGPU was explicitly asked for but cannot even be tried. */
  fallbackReason?: string;
}

/**
 * What `navigator.gpu.requestAdapter()` gave: a real GPU, a fallback adapter (software, e.g.
 * SwiftShader: `GPUAdapterInfo.isFallbackAdapter`), or nothing.
 */
export type WebGpuAdapterKind = 'hardware' | 'fallback' | 'none';

/**
 * `auto` uses WebGPU only on a hardware adapter: a software one runs Whisper far slower than
 * WebAssembly (measured with SwiftShader: minutes per utterance instead of seconds). An explicit
 * `webgpu` tries any adapter, and says why when there is none.
 */
export function planBackend(requested: Backend, adapter: WebGpuAdapterKind): BackendPlan {
  if (requested === 'wasm') return { first: 'wasm' };
  if (adapter === 'hardware' || (requested === 'webgpu' && adapter === 'fallback')) return { first: 'webgpu' };
  if (requested === 'auto') return { first: 'wasm' };
  return { first: 'wasm', fallbackReason: 'WebGPU was requested but navigator.gpu gave no adapter' };
}

export interface ThreadOptions {
  /** Most threads to use: past 4, Whisper-sized models gain little and the page stays responsive. */
  maxThreads: number;
}

export const DEFAULT_THREAD_OPTIONS: ThreadOptions = { maxThreads: 4 };

/**
 * WebAssembly threads need SharedArrayBuffer, which browsers give only to cross-origin isolated
 * pages (https://web.dev/articles/coop-coep); without it onnxruntime-web runs single-threaded.
 */
export function threadCount(
  crossOriginIsolated: boolean,
  hardwareConcurrency: number | undefined,
  options: ThreadOptions = DEFAULT_THREAD_OPTIONS,
): number {
  if (!crossOriginIsolated) return 1;
  return Math.max(1, Math.min(options.maxThreads, hardwareConcurrency ?? 1));
}

/** A short, human-readable reason from whatever was thrown. */
export function describeFailure(stage: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return `${stage}: ${message.split('\n')[0]}`;
}
