import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defaultClientConditions } from 'vite';
import { defineConfig } from 'vitest/config';

/**
 * Headers that make the page cross-origin isolated, which onnxruntime-web needs to use
 * SharedArrayBuffer and so more than one thread. server/static-handler.ts sends the same ones
 * in production.
 */
const crossOriginIsolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  plugins: [react()],

  // onnxruntime-web's default builds embed its loader and make the bundler emit a copy of its
  // .wasm (14-27 MB each) into dist/assets, which the app never requests because it reads them
  // from /ort/ (`env.wasm.wasmPaths`, staged by scripts/assets/stage-assets.ts). This package
  // export condition picks the builds without that copy (node_modules/onnxruntime-web/package.json).
  resolve: { conditions: ['onnxruntime-web-use-extern-wasm', ...defaultClientConditions] },

  // `npm run dev` and `vite preview` are isolated like the production server.
  server: { headers: crossOriginIsolation },
  preview: { headers: crossOriginIsolation },

  // The recogniser's worker imports ES modules (onnxruntime-web, comlink).
  worker: { format: 'es' },

  // Three pages: the app; the engine check page that e2e/worker.spec.ts drives (the real
  // recognition worker on window.engineCheck, no UI); and the Chromium benchmark page that
  // cli/bench-browser.ts drives (our worker beside transformers.js, whose library, runtime and
  // model routes only that script serves, so the build never carries transformers.js).
  build: {
    rolldownOptions: {
      input: {
        main: fileURLToPath(new URL('./index.html', import.meta.url)),
        'engine-check': fileURLToPath(new URL('./e2e/pages/engine-check.html', import.meta.url)),
        'bench-chromium': fileURLToPath(new URL('./e2e/pages/bench-chromium.html', import.meta.url)),
      },
    },
  },

  // onnxruntime-web loads its .wasm and .mjs files relative to its own module; pre-bundling
  // it would break those URLs in the dev server.
  optimizeDeps: { exclude: ['onnxruntime-web'] },

  // Unit tests (vitest) run in Node; the Playwright tests under e2e/ are not vitest's.
  test: {
    environment: 'node',
    include: [
      'src/**/*.test.ts',
      'models/**/*.test.ts',
      'cli/**/*.test.ts',
      'scripts/**/*.test.ts',
      'server/**/*.test.ts',
    ],
    exclude: ['e2e/**', 'node_modules/**', 'dist/**'],
    // Model tests are slow on a 2-core machine.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Child processes, not worker threads: each test file gets its own process for native addons
    // (onnxruntime-node) and large model buffers.
    pool: 'forks',
  },
});
