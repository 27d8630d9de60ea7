import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { planCopies, RUNTIME_ASSETS } from './runtime-assets';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe('runtime assets', () => {
  it('serves each file under /ort/ or /vad/ by its own name', () => {
    const copies = planCopies(RUNTIME_ASSETS, '/pkgs', '/pub');
    expect(copies.map((c) => c.servedAs)).toEqual([
      'ort/ort-wasm-simd-threaded.wasm',
      'ort/ort-wasm-simd-threaded.mjs',
      'ort/ort-wasm-simd-threaded.asyncify.wasm',
      'ort/ort-wasm-simd-threaded.asyncify.mjs',
      'vad/vad.worklet.bundle.min.js',
      'vad/silero_vad_v5.onnx',
    ]);
    expect(copies[0]).toEqual({
      source: '/pkgs/onnxruntime-web/dist/ort-wasm-simd-threaded.wasm',
      target: '/pub/ort/ort-wasm-simd-threaded.wasm',
      servedAs: 'ort/ort-wasm-simd-threaded.wasm',
    });
  });

  it('names files that exist in the installed packages', () => {
    const missing = planCopies(RUNTIME_ASSETS, `${root}node_modules`, `${root}public`).filter((c) => !existsSync(c.source));
    expect(missing).toEqual([]);
  });
});
