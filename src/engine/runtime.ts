/**
 * What the host hands the engine. The engine never imports onnxruntime itself: the browser passes
 * onnxruntime-web, the CLI onnxruntime-node or onnxruntime-web (both implement onnxruntime-common's
 * API, whose types are all we import). Files arrive through a fetcher, so the same code reads from
 * the app's origin with Cache Storage in a worker and from disk in Node.
 */
import type { InferenceSession, Tensor } from 'onnxruntime-common';
import type { ModelFileRole } from './model-manifest';

/** The part of an onnxruntime module the engine uses (`import * as ort from 'onnxruntime-…'`). */
export interface OnnxRuntime {
  InferenceSession: {
    create(model: Uint8Array, options?: InferenceSession.SessionOptions): Promise<InferenceSession>;
  };
  Tensor: TensorConstructor;
}

/** onnxruntime-common's Tensor constructor overloads the engine relies on. */
export interface TensorConstructor {
  new (type: 'float32', data: Float32Array, dims: readonly number[]): Tensor;
  new (type: 'int64', data: BigInt64Array, dims: readonly number[]): Tensor;
  new (type: 'bool', data: Uint8Array, dims: readonly number[]): Tensor;
}

/** Returns a model file's bytes by role (see models/manifest.json). */
export type ModelFileFetcher = (role: ModelFileRole) => Promise<Uint8Array>;

/** Milliseconds from an arbitrary origin; monotonic. */
export type Clock = () => number;

export const defaultClock: Clock = () => performance.now();

export type { InferenceSession, Tensor };
