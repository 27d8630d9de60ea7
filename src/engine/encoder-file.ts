/**
 * Which of a model's encoder files a recogniser creates its session from, and with which options.
 *
 * - `encoderOptimized` (models/optimized-graph.ts) when it is staged and every execution provider
 *   is a CPU one (onnxruntime-web's `wasm`, onnxruntime-node's `cpu`): the graph is already
 *   optimised, so the session is created with optimisation off — about a second less of a load in
 *   Chromium, the same outputs bit for bit. WebGPU gets the exported graph and optimises it for
 *   itself: the saved one holds CPU fusions (MatMulIntegerToFloat, …) WebGPU would hand back to the
 *   CPU.
 * - else Whisper's variable-length encoder where it is staged (it computes exactly what the
 *   original does on 3,000 frames, models/variable-length-encoder.ts);
 * - else the exported encoder.
 */
import type { InferenceSession } from 'onnxruntime-common';
import type { ModelEntry, ModelFileRole } from './model-manifest';

const CPU_PROVIDERS = new Set(['wasm', 'cpu']);

export interface EncoderChoice {
  role: ModelFileRole;
  sessionOptions: InferenceSession.SessionOptions;
}

function runsOnCpuOnly(options: InferenceSession.SessionOptions): boolean {
  const providers = options.executionProviders ?? [];
  return providers.every((p) => CPU_PROVIDERS.has(typeof p === 'string' ? p : p.name));
}

export function encoderFile(model: ModelEntry, sessionOptions: InferenceSession.SessionOptions = {}): EncoderChoice {
  const has = (role: ModelFileRole) => model.files.some((f) => f.role === role);
  if (has('encoderOptimized') && runsOnCpuOnly(sessionOptions)) {
    return { role: 'encoderOptimized', sessionOptions: { ...sessionOptions, graphOptimizationLevel: 'disabled' } };
  }
  return { role: has('encoderVariableLength') ? 'encoderVariableLength' : 'encoder', sessionOptions };
}
