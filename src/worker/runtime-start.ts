/**
 * Starts onnxruntime before the model's files are in hand. onnxruntime-web compiles its
 * WebAssembly, spawns its threads and initialises itself on the first session it creates — about
 * a second in Chromium on a 2-core machine (`npm run -s bench:load`, stage `onnxruntime start`).
 * Creating that first session from a model of one Identity node lets it happen while Cache
 * Storage is still reading the real files, instead of after.
 */
import type { InferenceSession } from 'onnxruntime-common';
import type { OnnxRuntime } from '../engine';

/**
 * ONNX (IR 7, opset 13): graph `runtime-start`, `y = Identity(x)`, x and y float[1]. Made with
 * onnx-proto; src/worker/runtime-start.test.ts decodes it and runs it.
 */
export const RUNTIME_START_MODEL = Uint8Array.from(
  atob('CAc6QwoQCgF4EgF5IghJZGVudGl0eRINcnVudGltZS1zdGFydFoPCgF4EgoKCAgBEgQKAggBYg8KAXkSCgoICAESBAoCCAFCBAoAEA0='),
  (c) => c.charCodeAt(0),
);

/** Resolves once `ort` has created (and released) a session, i.e. once it is initialised. */
export async function startRuntime(ort: OnnxRuntime, sessionOptions: InferenceSession.SessionOptions): Promise<void> {
  // Optimising a one-node graph costs nothing, but the options must be the real ones: the
  // execution provider chosen here is the one initialised.
  const session = await ort.InferenceSession.create(RUNTIME_START_MODEL, sessionOptions);
  await session.release();
}
