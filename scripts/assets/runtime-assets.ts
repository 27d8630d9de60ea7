/**
 * The browser runtime files the app serves from its own origin instead of a CDN: onnxruntime-web's
 * WebAssembly builds (loaded by the recognition worker and by vad-web) and vad-web's audio worklet
 * and Silero model. Each comes from an installed npm package, so its version is the version of the
 * JavaScript that loads it (onnxruntime-web refuses a .wasm from another release).
 */
import { join } from 'node:path';

export interface RuntimeAsset {
  /** npm package the file ships in. */
  package: string;
  /** Path inside the package. */
  from: string;
  /** Folder under public/ that serves it; the page asks for `/<dir>/<file name>`. */
  dir: 'ort' | 'vad';
}

/**
 * onnxruntime-web 1.30's package exports pick these builds (node_modules/onnxruntime-web/package.json):
 * - `onnxruntime-web/wasm` → ort.wasm.bundle.min.mjs, which loads `ort-wasm-simd-threaded.{mjs,wasm}`:
 *   the worker's WASM backend, and vad-web's Silero session (`real-time-vad.js` imports it too).
 * - `onnxruntime-web/webgpu` → ort.webgpu.bundle.min.mjs, which loads
 *   `ort-wasm-simd-threaded.asyncify.{mjs,wasm}` (the native WebGPU execution provider). The
 *   `.jsep` pair belongs to the package's default export, which the app does not import.
 * With `env.wasm.wasmPaths = '/ort/'` both the .mjs and the .wasm are read from /ort/.
 */
export const RUNTIME_ASSETS: readonly RuntimeAsset[] = [
  { package: 'onnxruntime-web', from: 'dist/ort-wasm-simd-threaded.wasm', dir: 'ort' },
  { package: 'onnxruntime-web', from: 'dist/ort-wasm-simd-threaded.mjs', dir: 'ort' },
  { package: 'onnxruntime-web', from: 'dist/ort-wasm-simd-threaded.asyncify.wasm', dir: 'ort' },
  { package: 'onnxruntime-web', from: 'dist/ort-wasm-simd-threaded.asyncify.mjs', dir: 'ort' },
  // MicVAD needs `baseAssetPath: '/vad/'` and `model: 'v5'` (its default model is 'legacy').
  { package: '@ricky0123/vad-web', from: 'dist/vad.worklet.bundle.min.js', dir: 'vad' },
  { package: '@ricky0123/vad-web', from: 'dist/silero_vad_v5.onnx', dir: 'vad' },
];

/** Where one asset is read from and written to. */
export interface AssetCopy {
  source: string;
  target: string;
  /** `<dir>/<file>`, as the page requests it (without the leading slash). */
  servedAs: string;
}

export function planCopies(assets: readonly RuntimeAsset[], packagesDir: string, publicDir: string): AssetCopy[] {
  return assets.map((asset) => {
    const name = asset.from.slice(asset.from.lastIndexOf('/') + 1);
    return {
      source: join(packagesDir, asset.package, asset.from),
      target: join(publicDir, asset.dir, name),
      servedAs: `${asset.dir}/${name}`,
    };
  });
}
