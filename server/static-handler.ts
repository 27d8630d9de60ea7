/**
 * The production static server's request handling, without the listening: serves the files of
 * a built app (dist/) with the headers that make the page cross-origin isolated.
 *
 * - COOP same-origin + COEP require-corp + CORP same-origin, a strict Content-Security-Policy and
 *   the other headers of security-headers.ts on every response, errors included.
 * - Paths without a file extension fall back to index.html (client-side routes); a missing file
 *   WITH an extension (.wasm, .onnx, .js…) is a plain-text 404, never HTML, so that onnxruntime
 *   reports a missing file instead of failing to parse an HTML page as WebAssembly.
 * - GET and HEAD only; no Range requests; conditional GET by ETag (If-None-Match, 304).
 * - A file with precompressed copies beside it (`.br`, `.gz`, made at build time by
 *   scripts/assets/precompress.ts) is sent in the encoding the request prefers (Accept-Encoding,
 *   read by `negotiator`), with `Vary: Accept-Encoding` and an ETag per encoding.
 * - Nothing outside the root is served: the resolved path, and its real path after symlinks,
 *   must stay inside the root.
 */
import { createReadStream, type Stats } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import path from 'node:path';
import Negotiator from 'negotiator';
import { PRECOMPRESSED_ENCODINGS } from '../scripts/assets/precompress';
import { SECURITY_HEADERS } from './security-headers';

export interface StaticHandlerOptions {
  /** Folder to serve; relative paths are resolved against the current directory. */
  root: string;
}

/** Content types by file extension (lower case, with the dot). Others are application/octet-stream. */
export const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.onnx': 'application/octet-stream',
  '.bin': 'application/octet-stream',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wav': 'audio/wav',
  '.txt': 'text/plain; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
};

/** Sent with every response (security-headers.ts says why each). */
export { SECURITY_HEADERS } from './security-headers';

export function contentTypeFor(filePath: string): string {
  return MIME_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/** Creates a node:http request listener serving the files under `options.root`. */
export function createStaticHandler(options: StaticHandlerOptions): RequestListener {
  const root = path.resolve(options.root);
  // The root's real path, resolved once on first use (the folder may be built after start).
  let realRoot: string | undefined;

  async function isInsideRoot(filePath: string): Promise<boolean> {
    realRoot ??= await realpath(root);
    const real = await realpath(filePath);
    return isWithin(realRoot, real);
  }

  /** The regular file to serve for a path inside the root, or undefined. */
  async function findFile(filePath: string): Promise<{ file: string; stats: Stats } | undefined> {
    let stats = await statOrUndefined(filePath);
    if (stats?.isDirectory()) {
      filePath = path.join(filePath, 'index.html');
      stats = await statOrUndefined(filePath);
    }
    if (!stats?.isFile() || !(await isInsideRoot(filePath))) return undefined;
    return { file: filePath, stats };
  }

  /**
   * Which bytes to send for `file`: `varies` says precompressed copies exist (so the response
   * depends on Accept-Encoding), `copy` is the one the request prefers (undefined: the file as it is).
   */
  async function chooseEncoding(
    req: IncomingMessage,
    file: string,
  ): Promise<{ varies: boolean; copy?: { encoding: string; file: string; stats: Stats } }> {
    const copies = new Map<string, { file: string; stats: Stats }>();
    for (const { encoding, suffix } of PRECOMPRESSED_ENCODINGS) {
      const copy = await findFile(file + suffix);
      if (copy) copies.set(encoding, copy);
    }
    if (copies.size === 0) return { varies: false };
    // Among encodings the request weighs alike ("gzip, deflate, br"), ours decide: brotli is smaller.
    const available = [...copies.keys(), 'identity'];
    const [preferred] = encodingsOf(new Negotiator(req), available, { preferred: available });
    const copy = preferred === undefined ? undefined : copies.get(preferred);
    return { varies: true, copy: copy && preferred ? { encoding: preferred, ...copy } : undefined };
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);

    const method = req.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return sendText(res, 405, 'Method Not Allowed', method);
    }

    let pathname: string;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      return sendText(res, 400, 'Bad Request', method);
    }
    if (pathname.includes('\0')) return sendText(res, 400, 'Bad Request', method);

    // The URL parser already removes "." and ".." segments, but encoded ones (%2e%2e, %2f)
    // only appear after decoding, so the resolved path is checked again.
    const requested = path.resolve(root, '.' + path.posix.normalize('/' + pathname));
    if (!isWithin(root, requested)) return sendText(res, 404, 'Not Found', method);

    let found = await findFile(requested);
    if (!found && path.extname(pathname) === '') {
      // A client-side route: the app decides what to show.
      found = await findFile(path.join(root, 'index.html'));
    }
    if (!found) return sendText(res, 404, 'Not Found', method);

    const { file } = found;
    const { varies, copy } = await chooseEncoding(req, file);
    const { stats } = copy ?? found;
    const etag = `W/"${stats.size.toString(16)}-${Math.floor(stats.mtimeMs).toString(16)}${copy ? '-' + copy.encoding : ''}"`;
    res.setHeader('Content-Type', contentTypeFor(file));
    if (varies) res.setHeader('Vary', 'Accept-Encoding');
    res.setHeader('ETag', etag);
    res.setHeader('Last-Modified', stats.mtime.toUTCString());
    // Vite's hashed bundles never change; everything else is revalidated by ETag.
    const hashedAsset = isWithin(path.join(root, 'assets'), file);
    res.setHeader('Cache-Control', hashedAsset ? 'public, max-age=31536000, immutable' : 'no-cache');

    if (matchesEtag(req.headers['if-none-match'], etag)) {
      res.statusCode = 304;
      res.end();
      return;
    }

    res.statusCode = 200;
    if (copy) res.setHeader('Content-Encoding', copy.encoding);
    res.setHeader('Content-Length', stats.size);
    if (method === 'HEAD') {
      res.end();
      return;
    }
    const stream = createReadStream(copy?.file ?? file);
    stream.on('error', () => res.destroy());
    stream.pipe(res);
  }

  return (req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error(`Error serving ${req.url ?? ''}:`, error);
      if (res.headersSent) res.destroy();
      else sendText(res, 500, 'Internal Server Error', req.method ?? 'GET');
    });
  };
}

/**
 * Negotiator 1.x's `encodings(available, { preferred })`: @types/negotiator (the newest types, for
 * 0.6) does not know the second argument, which breaks ties by our order (node_modules/negotiator/index.js).
 */
function encodingsOf(negotiator: Negotiator, available: string[], options: { preferred: string[] }): string[] {
  return (negotiator.encodings as (available: string[], options: { preferred: string[] }) => string[]).call(negotiator, available, options);
}

/** Whether an If-None-Match header (one tag, a list, or `*`) names `etag`. */
export function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t === etag;
  });
}

function isWithin(folder: string, target: string): boolean {
  const relative = path.relative(folder, target);
  return (
    relative === '' ||
    (relative !== '..' && !relative.startsWith('..' + path.sep) && !path.isAbsolute(relative))
  );
}

async function statOrUndefined(filePath: string): Promise<Stats | undefined> {
  try {
    return await stat(filePath);
  } catch {
    return undefined;
  }
}

function sendText(res: ServerResponse, status: number, message: string, method: string): void {
  const body = `${status} ${message}\n`;
  res.statusCode = status;
  res.setHeader('Content-Type', 'text/plain; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(body));
  res.setHeader('Cache-Control', 'no-store');
  res.end(method === 'HEAD' ? undefined : body);
}
