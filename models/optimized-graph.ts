/**
 * A model graph as onnxruntime optimises it, saved once at staging so the browser can create its
 * session with optimisation off instead of re-optimising on every visit (issue #21).
 *
 * Why: creating moonshine-tiny's encoder session in Chromium took about 1.0 s with
 * `graphOptimizationLevel: 'all'` and 35 ms with `'disabled'` once the runtime was up; the same
 * encoder optimised here and created with `'disabled'` gives bit-identical hidden states at the
 * same speed (onnxruntime-web 1.30.0, WASM; models/optimized-graph.test.ts checks the outputs).
 * The optimiser's passes run in WebAssembly that V8 has not optimised yet, on the load's critical
 * path; here they run once, natively.
 *
 * Level `extended`, not `all`: above it onnxruntime adds layout transforms (NCHWc) that depend on
 * the CPU they were made on (it warns so when saving); up to it, the rewrites are fusions into
 * contrib operators (MatMulIntegerToFloat, DynamicQuantizeMatMul, FusedConv, Gelu,
 * SimplifiedLayerNormalization) that onnxruntime-web's WASM build runs too — it makes the same
 * ones itself at `all`. The output is deterministic for a given input and onnxruntime version,
 * so its sha256 stays in models/manifest.json like every other staged file.
 *
 * Used for encoders only: a merged decoder's optimisation (folding the dequantized output
 * projection into float, mergedDecoderSessionOptions) would turn a 20 MB file into 95 MB.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface GraphOptimizationOptions {
  /** onnxruntime's level; see above for why not `all`. */
  level: 'basic' | 'extended';
}

export const DEFAULT_GRAPH_OPTIMIZATION_OPTIONS: GraphOptimizationOptions = { level: 'extended' };

/** `modelBytes` optimised by onnxruntime-node (the same onnxruntime release as onnxruntime-web). */
export async function optimizedGraph(modelBytes: Uint8Array, options: Partial<GraphOptimizationOptions> = {}): Promise<Uint8Array> {
  const { level } = { ...DEFAULT_GRAPH_OPTIMIZATION_OPTIONS, ...options };
  // Imported here, not at the top: staging a checkout whose models are already staged needs no
  // native binding.
  const ort = await import('onnxruntime-node');
  const dir = await mkdtemp(join(tmpdir(), 'optimized-graph-'));
  try {
    const out = join(dir, 'model.onnx');
    const session = await ort.InferenceSession.create(modelBytes, {
      executionProviders: ['cpu'],
      graphOptimizationLevel: level,
      optimizedModelFilePath: out,
      // One thread: the saved graph does not depend on it, and staging runs beside other work.
      intraOpNumThreads: 1,
      interOpNumThreads: 1,
    });
    await session.release();
    return new Uint8Array(await readFile(out));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
