import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defaultClientConditions } from 'vite';
import { defineConfig } from 'vitest/config';
import { DEV_HEADERS, SECURITY_HEADERS } from './server/security-headers.ts';

/**
 * `vite build --mode test-pages` (npm run build:test-pages) builds only the test pages, into their
 * own folder: the engine check page that e2e/worker.spec.ts drives (the real recognition worker
 * on window.engineCheck, no UI) and the Chromium benchmark page that cli/bench-browser.ts drives
 * (our worker beside transformers.js, whose library, runtime and model routes only that script
 * serves). The production build that `npm start` serves (dist/) carries neither; the test server
 * mounts this folder beside it (server/test-pages.ts).
 */
export const TEST_PAGES_MODE = 'test-pages';

export default defineConfig(({ mode }) => ({
  plugins: [react()],

  // onnxruntime-web's default builds embed its loader and make the bundler emit a copy of its
  // .wasm (14-27 MB each) into dist/assets, which the app never requests because it reads them
  // from /ort/ (`env.wasm.wasmPaths`, staged by scripts/assets/stage-assets.ts). This package
  // export condition picks the builds without that copy (node_modules/onnxruntime-web/package.json).
  resolve: { conditions: ['onnxruntime-web-use-extern-wasm', ...defaultClientConditions] },

  // `vite preview` sends the production server's headers (server/security-headers.ts); `npm run
  // dev` the same isolation with a policy that lets Vite's inline preamble and HMR socket in.
  server: { headers: { ...DEV_HEADERS } },
  preview: { headers: { ...SECURITY_HEADERS } },

  // The recogniser's worker imports ES modules (onnxruntime-web, comlink).
  worker: { format: 'es' },

  // The test pages read the models, runtime and catalogue from the app's build: no second copy of public/.
  ...(mode === TEST_PAGES_MODE && { publicDir: false }),
  build:
    mode === TEST_PAGES_MODE
      ? {
          outDir: 'dist-test-pages',
          emptyOutDir: true,
          // Its own folder name, so that no URL of the pages can be mistaken for one of the app's.
          assetsDir: 'test-pages-assets',
          rolldownOptions: {
            input: {
              'engine-check': fileURLToPath(new URL('./e2e/pages/engine-check.html', import.meta.url)),
              'bench-chromium': fileURLToPath(new URL('./e2e/pages/bench-chromium.html', import.meta.url)),
            },
          },
        }
      : {},

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
}));
