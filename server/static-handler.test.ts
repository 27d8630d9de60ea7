import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompressFolder } from '../scripts/assets/precompress';
import { createStaticHandler, matchesEtag } from './static-handler';

let parent: string;
let root: string;
let server: Server;
let base: string;

const INDEX = '<!doctype html><title>Voice search</title>';
/** A catalogue-like JSON file large enough to be precompressed. */
const PLACES = JSON.stringify(Array.from({ length: 400 }, (_, i) => ({ name: `Place ${i}`, country: 'Nowhere' })));

beforeAll(async () => {
  parent = await mkdtemp(path.join(tmpdir(), 'static-handler-'));
  root = path.join(parent, 'dist');
  await mkdir(path.join(root, 'assets'), { recursive: true });
  await mkdir(path.join(root, 'models', 'tiny'), { recursive: true });
  await writeFile(path.join(root, 'index.html'), INDEX);
  await writeFile(path.join(root, 'assets', 'index-abc123.js'), 'export {};\n');
  await writeFile(path.join(root, 'assets', 'index-abc123.css'), 'body{}\n');
  await writeFile(path.join(root, 'ort-wasm-simd-threaded.wasm'), Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));
  await writeFile(path.join(root, 'ort.bundle.mjs'), 'export {};\n');
  await writeFile(path.join(root, 'models', 'tiny', 'encoder.onnx'), Buffer.alloc(16, 7));
  await writeFile(path.join(root, 'models', 'tiny', 'config.json'), '{}');
  await writeFile(path.join(root, 'hello.wav'), Buffer.alloc(44));
  await writeFile(path.join(root, 'notes.txt'), 'hi\n');
  await writeFile(path.join(root, 'icon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  await writeFile(path.join(parent, 'secret.txt'), 'top secret\n');
  await symlink(path.join(parent, 'secret.txt'), path.join(root, 'escape.txt'));
  await mkdir(path.join(root, 'catalogue'));
  await writeFile(path.join(root, 'catalogue', 'places.json'), PLACES);
  await precompressFolder(root);

  server = createServer(createStaticHandler({ root }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await rm(parent, { recursive: true, force: true });
});

interface RawResponse {
  status: number;
  body: string;
  bytes: Buffer;
  type: string | undefined;
  headers: Record<string, string | string[] | undefined>;
}

/**
 * Sends the path exactly as written (fetch would normalise "..", and so hide traversal), with
 * only the headers given (fetch adds its own Accept-Encoding and decodes the body).
 */
function rawGet(rawPath: string, headers: Record<string, string> = {}, method = 'GET'): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}/`, { path: rawPath, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const bytes = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, body: bytes.toString('utf8'), bytes, type: res.headers['content-type'], headers: res.headers });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

describe('static handler', () => {
  it('serves index.html at / with the cross-origin isolation headers', async () => {
    const res = await fetch(`${base}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(res.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
    expect(res.headers.get('cross-origin-resource-policy')).toBe('same-origin');
    expect(await res.text()).toBe(INDEX);
  });

  it.each([
    ['/assets/index-abc123.js', 'text/javascript; charset=utf-8'],
    ['/ort.bundle.mjs', 'text/javascript; charset=utf-8'],
    ['/assets/index-abc123.css', 'text/css; charset=utf-8'],
    ['/ort-wasm-simd-threaded.wasm', 'application/wasm'],
    ['/models/tiny/encoder.onnx', 'application/octet-stream'],
    ['/models/tiny/config.json', 'application/json; charset=utf-8'],
    ['/hello.wav', 'audio/wav'],
    ['/notes.txt', 'text/plain; charset=utf-8'],
    ['/icon.svg', 'image/svg+xml'],
  ])('serves %s as %s', async (urlPath, type) => {
    const res = await fetch(base + urlPath);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(type);
    expect(res.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
    expect(res.headers.get('cross-origin-resource-policy')).toBe('same-origin');
    await res.arrayBuffer();
  });

  it('serves binary files byte for byte', async () => {
    const res = await fetch(`${base}/ort-wasm-simd-threaded.wasm`);
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]));
    expect(res.headers.get('content-length')).toBe('8');
  });

  it.each(['/missing.wasm', '/models/tiny/decoder.onnx', '/assets/gone.js'])(
    'answers a missing %s with a plain-text 404, never the HTML page',
    async (urlPath) => {
      const res = await fetch(base + urlPath);
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      expect(res.headers.get('cross-origin-embedder-policy')).toBe('require-corp');
      const body = await res.text();
      expect(body).not.toContain('<');
    },
  );

  it.each(['/search', '/search/results', '/models'])('falls back to index.html for the route %s', async (urlPath) => {
    const res = await fetch(base + urlPath);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await res.text()).toBe(INDEX);
  });

  it.each([
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E/secret.txt',
    '/%2e%2e%2fsecret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/..%5c..%5csecret.txt',
    '/assets/%2e%2e/%2e%2e/secret.txt',
    '/%252e%252e/secret.txt',
    '//..//secret.txt',
    '/escape.txt',
  ])(
    'does not serve files outside the root: %s',
    async (rawPath) => {
      const res = await rawGet(rawPath);
      expect(res.body).not.toContain('top secret');
      expect(res.status).toBe(404);
    },
  );

  it('rejects a malformed escape with 400', async () => {
    expect((await rawGet('/%E0%A4%A')).status).toBe(400);
  });

  it.each(['/index.html%00', '/%00../secret.txt', '/catalogue/places.json%00.br'])('rejects a NUL byte with 400: %s', async (rawPath) => {
    const res = await rawGet(rawPath);
    expect(res.status).toBe(400);
    expect(res.body).not.toContain('top secret');
  });

  it.each(['PUT', 'DELETE', 'OPTIONS', 'PATCH', 'TRACE'])('refuses %s with 405 and no file content', async (method) => {
    const res = await rawGet('/index.html', {}, method);
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe('GET, HEAD');
    expect(res.body).not.toContain('Voice search');
  });

  it('answers HEAD with the headers and no body', async () => {
    const res = await fetch(`${base}/models/tiny/encoder.onnx`, { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-length')).toBe('16');
    expect(res.headers.get('content-type')).toBe('application/octet-stream');
    expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(await res.text()).toBe('');

    const missing = await fetch(`${base}/missing.wasm`, { method: 'HEAD' });
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe('');
  });

  it('refuses other methods', async () => {
    const res = await fetch(`${base}/`, { method: 'POST', body: 'x' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD');
  });

  it('revalidates by ETag and caches hashed assets for good', async () => {
    const first = await fetch(`${base}/index.html`);
    await first.text();
    expect(first.headers.get('cache-control')).toBe('no-cache');
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    const second = await fetch(`${base}/index.html`, { headers: { 'If-None-Match': etag ?? '' } });
    expect(second.status).toBe(304);

    const asset = await fetch(`${base}/assets/index-abc123.js`);
    await asset.text();
    expect(asset.headers.get('cache-control')).toContain('immutable');
  });

  describe('precompressed files', () => {
    it('sends the brotli copy to a browser that accepts it, with Vary and the original type', async () => {
      const res = await rawGet('/catalogue/places.json', { 'Accept-Encoding': 'gzip, deflate, br, zstd' });
      expect(res.status).toBe(200);
      expect(res.headers['content-encoding']).toBe('br');
      expect(res.headers.vary).toBe('Accept-Encoding');
      expect(res.type).toBe('application/json; charset=utf-8');
      expect(Number(res.headers['content-length'])).toBe(res.bytes.byteLength);
      expect(res.bytes.byteLength).toBeLessThan(PLACES.length / 4);
      expect(brotliDecompressSync(res.bytes).toString('utf8')).toBe(PLACES);
      expect(res.headers['cross-origin-embedder-policy']).toBe('require-corp');
    });

    it('sends gzip where brotli is not accepted, and the file itself where neither is', async () => {
      const gz = await rawGet('/catalogue/places.json', { 'Accept-Encoding': 'gzip' });
      expect(gz.headers['content-encoding']).toBe('gzip');
      expect(gunzipSync(gz.bytes).toString('utf8')).toBe(PLACES);

      const plain = await rawGet('/catalogue/places.json');
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.headers.vary).toBe('Accept-Encoding');
      expect(plain.body).toBe(PLACES);

      const refused = await rawGet('/catalogue/places.json', { 'Accept-Encoding': 'br;q=0, gzip;q=0' });
      expect(refused.headers['content-encoding']).toBeUndefined();
      expect(refused.body).toBe(PLACES);
    });

    it('gives each encoding its own ETag and answers a matching If-None-Match with 304', async () => {
      const br = await rawGet('/catalogue/places.json', { 'Accept-Encoding': 'br' });
      const plain = await rawGet('/catalogue/places.json');
      const brTag = String(br.headers.etag);
      expect(brTag).not.toBe(plain.headers.etag);

      const again = await rawGet('/catalogue/places.json', { 'Accept-Encoding': 'br', 'If-None-Match': brTag });
      expect(again.status).toBe(304);
      expect(again.bytes.byteLength).toBe(0);
      // The identity tag does not validate the brotli bytes.
      const other = await rawGet('/catalogue/places.json', { 'Accept-Encoding': 'br', 'If-None-Match': String(plain.headers.etag) });
      expect(other.status).toBe(200);
      const listed = await rawGet('/catalogue/places.json', { 'Accept-Encoding': 'br', 'If-None-Match': `W/"0-0", ${brTag}` });
      expect(listed.status).toBe(304);
    });

    it('leaves small files and files without copies alone', async () => {
      const res = await rawGet('/models/tiny/config.json', { 'Accept-Encoding': 'br, gzip' });
      expect(res.headers['content-encoding']).toBeUndefined();
      expect(res.headers.vary).toBeUndefined();
      expect(res.body).toBe('{}');
    });
  });

  it('reads If-None-Match lists and *', () => {
    expect(matchesEtag(undefined, 'W/"a"')).toBe(false);
    expect(matchesEtag('W/"a"', 'W/"a"')).toBe(true);
    expect(matchesEtag('W/"b" , W/"a"', 'W/"a"')).toBe(true);
    expect(matchesEtag('*', 'W/"a"')).toBe(true);
    expect(matchesEtag('W/"b"', 'W/"a"')).toBe(false);
  });
});
