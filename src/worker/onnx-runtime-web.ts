/**
 * onnxruntime-web for the worker, one build per backend, each imported on first use and configured
 * once (its thread count is fixed when its first session is created):
 * - `onnxruntime-web/wasm`: WebAssembly only, ort-wasm-simd-threaded.{mjs,wasm};
 * - `onnxruntime-web/webgpu`: the WebGPU execution provider, ort-wasm-simd-threaded.asyncify.{mjs,wasm}.
 * Both read their .mjs and .wasm from /ort/ on our origin (scripts/assets/stage-assets.ts copies
 * them there), never from a CDN.
 */
import type { InferenceSession } from 'onnxruntime-common';
import type { OnnxRuntime } from '../engine';
import type { ConcreteBackend } from './backend-choice';

export interface OnnxRuntimeOptions {
  /** URL prefix of onnxruntime-web's .mjs and .wasm files. */
  wasmPaths: string;
  /** WebAssembly threads (see backend-choice.ts threadCount). */
  threads: number;
}

export interface LoadedOnnxRuntime {
  backend: ConcreteBackend;
  ort: OnnxRuntime;
  sessionOptions: InferenceSession.SessionOptions;
}

const loaded = new Map<ConcreteBackend, Promise<LoadedOnnxRuntime>>();

export function onnxRuntimeFor(backend: ConcreteBackend, options: OnnxRuntimeOptions): Promise<LoadedOnnxRuntime> {
  let runtime = loaded.get(backend);
  if (!runtime) {
    runtime = importRuntime(backend, options);
    // A failed import (e.g. a missing .mjs) may be retried on the next load.
    runtime.catch(() => loaded.delete(backend));
    loaded.set(backend, runtime);
  }
  return runtime;
}

async function importRuntime(backend: ConcreteBackend, options: OnnxRuntimeOptions): Promise<LoadedOnnxRuntime> {
  const ort = backend === 'webgpu' ? await import('onnxruntime-web/webgpu') : await import('onnxruntime-web/wasm');
  // An absolute URL: Vite's dev server appends `?import` to root-relative dynamic imports and then
  // refuses to serve a public/ file as a module; a full URL is left alone (and means the same).
  ort.env.wasm.wasmPaths = new URL(options.wasmPaths, globalThis.location.href).href;
  ort.env.wasm.numThreads = options.threads;
  ort.env.wasm.simd = true;
  // Already in a worker: onnxruntime's own proxy worker would only add a hop.
  ort.env.wasm.proxy = false;
  return {
    backend,
    ort,
    sessionOptions: { executionProviders: [backend], graphOptimizationLevel: 'all' },
  };
}
