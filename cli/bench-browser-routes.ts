/**
 * The HTTP side of `npm run -s bench:browser`: the production build (dist/), plus routes under
 * /bench/ that only this benchmark serves, all from the same origin with the same
 * cross-origin-isolation headers (server/static-handler.ts):
 *
 * - /bench/transformers/transformers.js — transformers.js's self-contained browser build
 *   (`dist/transformers.js`; it bundles the onnxruntime-web it was made with);
 * - /bench/transformers/ort/ort-wasm-simd-threaded.* — that onnxruntime-web's own .mjs/.wasm
 *   (transformers' nested dependency, not the app's onnxruntime-web);
 * - /bench/transformers/models/<id>/… — the app's staged model folder (dist/models/<id>/) in the
 *   Hugging Face layout transformers.js asks for: `onnx/<file>.onnx` maps to the flat staged file,
 *   so it reads the very bytes our worker reads, without a second copy;
 * - /bench/clips/<n>.f32 — the benchmark clips as raw little-endian Float32 PCM, 16 kHz mono.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { createStaticHandler, SECURITY_HEADERS } from '../server/static-handler';

export interface BenchRoutesOptions {
  /** The production build to serve (dist/). */
  dist: string;
  /** The clips' samples, served as /bench/clips/<index>.f32. */
  clips: readonly Float32Array[];
}

export interface BenchRoutes {
  handler: RequestListener;
  /** URL paths the page passes on to transformers.js (TransformersLoadRequest without model and threads). */
  transformers: { libraryUrl: string; wasmPaths: string; localModelPath: string };
  clipUrl(index: number): string;
  versions: { transformers: string; transformersOnnxruntimeWeb: string; onnxruntimeWeb: string };
}

const require = createRequire(import.meta.url);

function packageVersion(packageJson: string): string {
  return (JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string }).version;
}

/** Where transformers.js's browser build and its own onnxruntime-web are installed. */
function transformersFiles() {
  // Node resolves the package to dist/transformers.node.cjs; the browser build sits beside it.
  const transformersDist = path.dirname(require.resolve('@huggingface/transformers'));
  const transformersPackage = path.join(transformersDist, '..', 'package.json');
  // The onnxruntime-web that transformers.js resolves (nested when its version differs from ours).
  const ortDist = path.dirname(createRequire(transformersPackage).resolve('onnxruntime-web'));
  return {
    transformersDist,
    ortDist,
    transformersVersion: packageVersion(transformersPackage),
    ortVersion: packageVersion(path.join(ortDist, '..', 'package.json')),
  };
}

/** Serves `req` from `handler` as if it had asked for `url`. */
function serveAs(handler: RequestListener, req: IncomingMessage, res: ServerResponse, url: string): void {
  req.url = url;
  handler(req, res);
}

export function createBenchRoutes(options: BenchRoutesOptions): BenchRoutes {
  const files = transformersFiles();
  const app = createStaticHandler({ root: options.dist });
  const library = createStaticHandler({ root: files.transformersDist });
  const ort = createStaticHandler({ root: files.ortDist });

  const handler: RequestListener = (req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (!pathname.startsWith('/bench/')) return app(req, res);

    if (pathname === '/bench/transformers/transformers.js') return serveAs(library, req, res, '/transformers.js');
    const ortFile = /^\/bench\/transformers\/ort\/(ort-wasm-simd-threaded[\w.]*\.(?:mjs|wasm))$/.exec(pathname);
    if (ortFile) return serveAs(ort, req, res, `/${ortFile[1]}`);
    const modelFile = /^\/bench\/transformers\/models\/([\w.-]+)\/(?:onnx\/)?([\w.-]+)$/.exec(pathname);
    if (modelFile) return serveAs(app, req, res, `/models/${modelFile[1]}/${modelFile[2]}`);
    const clip = /^\/bench\/clips\/(\d+)\.f32$/.exec(pathname);
    const samples = clip ? options.clips[Number(clip[1])] : undefined;
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    res.setHeader('Cache-Control', 'no-store');
    if (!samples) {
      res.statusCode = 404;
      res.setHeader('Content-Type', 'text/plain; charset=utf-8');
      res.end('404 Not Found\n');
      return;
    }
    res.setHeader('Content-Type', 'application/octet-stream');
    res.end(Buffer.from(samples.buffer, samples.byteOffset, samples.byteLength));
  };

  return {
    handler,
    transformers: { libraryUrl: '/bench/transformers/transformers.js', wasmPaths: '/bench/transformers/ort/', localModelPath: '/bench/transformers/models/' },
    clipUrl: (index) => `/bench/clips/${index}.f32`,
    versions: {
      transformers: files.transformersVersion,
      transformersOnnxruntimeWeb: files.ortVersion,
      onnxruntimeWeb: packageVersion(path.join(path.dirname(require.resolve('onnxruntime-web')), '..', 'package.json')),
    },
  };
}
