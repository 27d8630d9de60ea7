import react from '@vitejs/plugin-react';
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

  // `npm run dev` and `vite preview` are isolated like the production server.
  server: { headers: crossOriginIsolation },
  preview: { headers: crossOriginIsolation },

  // The recogniser's worker imports ES modules (onnxruntime-web, comlink).
  worker: { format: 'es' },

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
