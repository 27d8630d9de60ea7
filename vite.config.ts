import react from '@vitejs/plugin-react';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { defaultClientConditions, type Plugin } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { defineConfig } from 'vitest/config';
import { precompressFolder } from './scripts/assets/precompress.ts';
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

/**
 * What the page calls this build (its footer, `__BUILD_ID__`): env VOICE_SEARCH_BUILD_ID, else the
 * commit, else "dev". The update test (e2e/offline.spec.ts) builds a second version under its own id.
 */
function buildId(): string {
  if (process.env.VOICE_SEARCH_BUILD_ID) return process.env.VOICE_SEARCH_BUILD_ID;
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'dev';
  }
}

/**
 * The service worker (Workbox, made by vite-plugin-pwa) that makes the page work offline after
 * the first visit: at install it precaches the app shell, scripts, styles, onnxruntime's and
 * the VAD's files and the catalogue. Model files are not its business: the recognition worker
 * keeps them in its own sha256-checked cache (src/worker/model-files.ts), the one place that owns
 * model bytes, so the service worker lets /models/ through untouched.
 *
 * `registerType: 'prompt'`: a new build's worker waits until the person accepts "A new version
 * is ready — Reload" (src/ui/update/), so a page never runs half old, half new. Registration is
 * the app's (src/ui/update/useAppUpdate.ts), not an injected inline script, which the
 * Content-Security-Policy would refuse.
 */
function serviceWorker(): Plugin[] {
  return VitePWA({
    registerType: 'prompt',
    injectRegister: false,
    includeAssets: [],
    // The icons are under public/ and so in the glob below already.
    includeManifestIcons: false,
    manifest: {
      name: 'Voice search',
      short_name: 'Voice search',
      description: 'Voice search that runs entirely in your browser.',
      start_url: '/',
      scope: '/',
      display: 'standalone',
      background_color: '#f6f7f9',
      theme_color: '#1d5fd1',
      icons: [
        { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
        { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
        { src: '/icons/icon.svg', sizes: 'any', type: 'image/svg+xml' },
      ],
    },
    workbox: {
      // .bin: the catalogue's stored name index (public/catalogue/places.names.bin).
      globPatterns: ['**/*.{html,js,mjs,css,wasm,onnx,json,bin,svg,png,webmanifest}'],
      globIgnores: ['models/**'],
      // onnxruntime's WebGPU build (.asyncify.wasm) is 26.8 MB; Workbox's default limit is 2 MiB.
      maximumFileSizeToCacheInBytes: 32 * 1024 * 1024,
      // Vite's bundles carry their hash in the name; Workbox need not add a revision to those URLs.
      dontCacheBustURLsMatching: /^assets\//,
      navigateFallback: 'index.html',
      navigateFallbackDenylist: [/^\/models\//, /^\/e2e\//, /^\/test-pages-assets\//],
      clientsClaim: true,
      cleanupOutdatedCaches: true,
    },
  });
}

/** Brotli and gzip copies of the build's large text files, after everything else is written. */
function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'voice-search:precompress',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    closeBundle: {
      order: 'post',
      sequential: true,
      async handler() {
        const started = performance.now();
        const cacheDir = fileURLToPath(new URL('./.cache/precompressed/', import.meta.url));
        const report = await precompressFolder(outDir, { cacheDir });
        const bytes = report.files.reduce((sum, f) => sum + f.bytes, 0);
        const br = report.files.reduce((sum, f) => sum + f.br, 0);
        const mb = (n: number) => (n / 1e6).toFixed(1);
        console.log(
          `precompressed ${report.files.length} files: ${mb(bytes)} MB, ${mb(br)} MB as brotli (${Math.round(performance.now() - started)} ms, ${report.fromCache} from cache)`,
        );
      },
    },
  };
}

export default defineConfig(({ mode }) => ({
  plugins: [react(), ...(mode === TEST_PAGES_MODE ? [] : [...serviceWorker(), precompress()])],
  define: { __BUILD_ID__: JSON.stringify(buildId()) },

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
