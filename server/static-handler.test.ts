import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaticHandler } from './static-handler';

let parent: string;
let root: string;
let server: Server;
let base: string;

const INDEX = '<!doctype html><title>Voice search</title>';

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

  server = createServer(createStaticHandler({ root }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await rm(parent, { recursive: true, force: true });
});

/** Sends the path exactly as written (fetch would normalise "..", and so hide traversal). */
function rawGet(rawPath: string): Promise<{ status: number; body: string; type: string | undefined }> {
  return new Promise((resolve, reject) => {
    const req = request(`${base}/`, { path: rawPath, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, type: res.headers['content-type'] }));
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

  it.each(['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/..%5c..%5csecret.txt', '/escape.txt'])(
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
});
