/**
 * Which of a model's files a recogniser creates its sessions from, and with which options: the
 * forms staging derives for a fast load where they are staged and the execution providers are CPU
 * ones (onnxruntime-web's `wasm`, onnxruntime-node's `cpu`), else the exported graphs.
 *
 * Encoder:
 * - `encoderOptimized` (models/optimized-graph.ts): the graph already optimised, so the session is
 *   created with optimisation off — about a second less of a load in Chromium, the same outputs
 *   bit for bit;
 * - else Whisper's variable-length encoder where it is staged (it computes exactly what the
 *   original does on 3,000 frames, models/variable-length-encoder.ts);
 * - else the exported encoder.
 * Decoder:
 * - `decoderTransposedProjection` (models/transposed-projection.ts): the output projection's 8-bit
 *   weight stored transposed, so its float copy is one dequantization at creation — a few hundred
 *   ms less of a load, the same logits bit for bit, the same step;
 * - else the exported merged decoder.
 * WebGPU gets the exported graphs and optimises them itself: the optimised encoder holds CPU
 * operators (MatMulIntegerToFloat, …) WebGPU would hand back to the CPU, and the decoder's edit is
 * measured on CPU providers only.
 */
import type { InferenceSession } from 'onnxruntime-common';
import type { ModelEntry, ModelFileRole } from './model-manifest';

const CPU_PROVIDERS = new Set(['wasm', 'cpu']);

export interface SessionFile {
  role: ModelFileRole;
  sessionOptions: InferenceSession.SessionOptions;
}

function runsOnCpuOnly(options: InferenceSession.SessionOptions): boolean {
  const providers = options.executionProviders ?? [];
  return providers.every((p) => CPU_PROVIDERS.has(typeof p === 'string' ? p : p.name));
}

const staged = (model: ModelEntry, role: ModelFileRole) => model.files.some((f) => f.role === role);

export function encoderFile(model: ModelEntry, sessionOptions: InferenceSession.SessionOptions = {}): SessionFile {
  if (staged(model, 'encoderOptimized') && runsOnCpuOnly(sessionOptions)) {
    return { role: 'encoderOptimized', sessionOptions: { ...sessionOptions, graphOptimizationLevel: 'disabled' } };
  }
  return { role: staged(model, 'encoderVariableLength') ? 'encoderVariableLength' : 'encoder', sessionOptions };
}

/** The decoder's file; its session options are the caller's (mergedDecoderSessionOptions). */
export function decoderFile(model: ModelEntry, sessionOptions: InferenceSession.SessionOptions = {}): ModelFileRole {
  return staged(model, 'decoderTransposedProjection') && runsOnCpuOnly(sessionOptions) ? 'decoderTransposedProjection' : 'decoder';
}
