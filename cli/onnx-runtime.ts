/**
 * Which onnxruntime the CLI hands the engine. `wasm` (the default) is onnxruntime-web's WASM build
 * running in Node — the very code browsers run, so Node's figures predict the page's; `node` is
 * onnxruntime-node's native CPU build. Only one of the two is ever imported (each is loaded on
 * demand) so a run never pays for, or mixes up, both.
 */
import type { InferenceSession } from 'onnxruntime-common';
import type { OnnxRuntime } from '../src/engine';

export const RUNTIMES = ['wasm', 'node'] as const;
export type RuntimeName = (typeof RUNTIMES)[number];

export interface LoadedRuntime {
  name: RuntimeName;
  ort: OnnxRuntime;
  sessionOptions: InferenceSession.SessionOptions;
  /** e.g. "onnxruntime-web 1.30.0 (wasm, 2 threads)" */
  description: string;
}

export async function loadRuntime(name: RuntimeName, threads: number): Promise<LoadedRuntime> {
  if (name === 'node') {
    const ort = await import('onnxruntime-node');
    return {
      name,
      ort: ort as unknown as OnnxRuntime,
      sessionOptions: { executionProviders: ['cpu'], intraOpNumThreads: threads, interOpNumThreads: 1, graphOptimizationLevel: 'all' },
      description: `onnxruntime-node ${ort.env.versions.node ?? ''} (cpu, ${threads} threads)`,
    };
  }
  const ort = await import('onnxruntime-web');
  // The thread count is fixed when the first session is created (DESIGN.md, browser facts).
  ort.env.wasm.numThreads = threads;
  return {
    name,
    ort: ort as unknown as OnnxRuntime,
    sessionOptions: { executionProviders: ['wasm'], graphOptimizationLevel: 'all' },
    description: `onnxruntime-web ${ort.env.versions.web ?? ''} (wasm, ${threads} thread${threads === 1 ? '' : 's'})`,
  };
}

export function parseRuntime(value: string): RuntimeName {
  if ((RUNTIMES as readonly string[]).includes(value)) return value as RuntimeName;
  throw new Error(`unknown runtime '${value}'; choose one of: ${RUNTIMES.join(', ')}`);
}
