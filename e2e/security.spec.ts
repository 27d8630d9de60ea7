/**
 * The page under its Content-Security-Policy (server/security-headers.ts), production build: the
 * whole voice-search flow — the model loading in its worker with onnxruntime-web's threads, the
 * search worker, an uploaded recording transcribed and searched — breaks no rule of the policy,
 * and a script injected into the page is refused. The headers are on every response.
 */
import { request as rawRequest } from 'node:http';
import { expect, test } from '@playwright/test';
import { searchByTokyoRecording } from './search-by-recording';


type Watched = typeof globalThis & { violations?: string[]; injectedRan?: boolean };

test('the voice-search flow raises no policy violation, and an injected inline script does not run', async ({ page }) => {
  // Runs before the page's own scripts (through the browser's protocol, not as page script).
  await page.addInitScript(() => {
    const watched = globalThis as Watched;
    watched.violations = [];
    document.addEventListener('securitypolicyviolation', (event) => watched.violations!.push(`${event.effectiveDirective} ${event.blockedURI}`));
  });
  await page.goto('/');
  await searchByTokyoRecording(page);
  expect(await page.evaluate(() => (globalThis as Watched).violations)).toEqual([]);

  const ran = await page.evaluate(async () => {
    const script = document.createElement('script');
    script.textContent = '(globalThis).injectedRan = true;';
    document.body.append(script);
    await new Promise((resolve) => setTimeout(resolve, 100));
    return (globalThis as Watched).injectedRan === true;
  });
  expect(ran).toBe(false);
  expect(await page.evaluate(() => (globalThis as Watched).violations)).toEqual([expect.stringMatching(/^script-src-elem inline$/)]);
});

test('every response carries the policy and the other security headers, errors too', async ({ request }) => {
  for (const path of ['/', '/missing-file.wasm', '/catalogue/places.json']) {
    const headers = (await request.head(path)).headers();
    expect(headers['content-security-policy'], path).toContain("default-src 'self'");
    expect(headers['content-security-policy'], path).toContain("frame-ancestors 'none'");
    expect(headers['referrer-policy'], path).toBe('no-referrer');
    expect(headers['permissions-policy'], path).toBe('microphone=(self)');
    expect(headers['x-content-type-options'], path).toBe('nosniff');
  }
});

test('the production server sends the catalogue as brotli when asked, answers a matching ETag with 304, and serves nothing outside its root', async ({ request, baseURL }) => {
  const catalogue = await request.get('/catalogue/places.json', { headers: { 'Accept-Encoding': 'br' } });
  expect(catalogue.status()).toBe(200);
  expect(catalogue.headers()['content-encoding']).toBe('br');
  expect(catalogue.headers()['vary']).toBe('Accept-Encoding');
  // Playwright decodes the body: it is the catalogue's JSON.
  expect(JSON.parse((await catalogue.body()).toString('utf8'))).toBeTruthy();
  const etag = catalogue.headers()['etag'];
  const again = await request.get('/catalogue/places.json', { headers: { 'Accept-Encoding': 'br', 'If-None-Match': etag } });
  expect(again.status()).toBe(304);

  // Raw paths, as an attacker would send them (a URL parser would remove the "..").
  const get = (rawPath: string) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = rawRequest(baseURL ?? '', { path: rawPath }, (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      req.end();
    });
  for (const rawPath of ['/../package.json', '/%2e%2e/package.json', '/..%2fpackage.json', '/ort/..%2f..%2fpackage.json', '/index.html%00']) {
    const res = await get(rawPath);
    expect([400, 404], rawPath).toContain(res.status);
    expect(res.body, rawPath).not.toContain('"devDependencies"');
  }
});
