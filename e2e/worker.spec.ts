/**
 * The recognition worker in the production build, in real Chromium with the real models: the
 * engine check page (e2e/pages/engine-check.html) drives src/worker/engine-client.ts. Nothing here
 * is mocked; routes only serve the test recording and simulate a missing or broken file.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test, type Browser, type Page } from '@playwright/test';
import config from '../playwright.config';
import type { ModelManifest } from '../src/engine';
import type { LoadProgress } from '../src/worker/engine-api';
import type { CheckPageGlobal } from './pages/engine-check-api';

const CHECK_PAGE = '/e2e/pages/engine-check.html';
const JFK_URL = '/test-audio/jfk.wav';
const JFK_FILE = fileURLToPath(new URL('../fixtures/audio/jfk.wav', import.meta.url));
/** fixtures/audio/manifest.tsv's reference, as both Whisper models read it (commas and all). */
const JFK_TEXT = 'And so my fellow Americans ask not what your country can do for you, ask what you can do for your country.';
const manifest = JSON.parse(readFileSync(new URL('../models/manifest.json', import.meta.url), 'utf8')) as ModelManifest;
const TINY = 'whisper-tiny-q8';
const BASE = 'whisper-base-q8';

/**
 * Chromium 156 gives headless pages a WebGPU adapter only with these: WebGPU on Linux is behind
 * --enable-unsafe-webgpu, and the software adapter (SwiftShader) needs both of the others.
 */
const WEBGPU_FLAGS = ['--enable-unsafe-webgpu', '--enable-unsafe-swiftshader', '--use-webgpu-adapter=swiftshader'];

/** Opens the check page with the test recording served from disk, and logs every request. */
async function openCheckPage(page: Page): Promise<string[]> {
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.route(`**${JFK_URL}`, (route) => route.fulfill({ path: JFK_FILE, contentType: 'audio/wav' }));
  await page.goto(CHECK_PAGE);
  await expect(page.getByRole('status')).toHaveText('ready');
  return requests;
}

function load(page: Page, modelId: string, backend: 'auto' | 'wasm' | 'webgpu' = 'wasm') {
  return page.evaluate((request) => (globalThis as unknown as CheckPageGlobal).engineCheck.load(request), { modelId, backend });
}

function transcribeJfk(page: Page) {
  return page.evaluate((url) => (globalThis as unknown as CheckPageGlobal).engineCheck.transcribeUrl(url), JFK_URL);
}

function pathsOf(requests: string[], prefix: string): string[] {
  return requests.map((url) => new URL(url).pathname).filter((path) => path.startsWith(prefix));
}

function offOrigin(requests: string[], origin: string): string[] {
  return requests.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('data:') && !url.startsWith(`blob:${origin}/`));
}

/** Reports must grow to exactly the summed manifest sizes of the files they name. */
function expectCompleteProgress(progress: LoadProgress[], modelId: string): void {
  expect(progress.length).toBeGreaterThan(1);
  const model = manifest.models.find((m) => m.id === modelId)!;
  const files = new Set(progress.map((p) => p.file));
  const expectedTotal = model.files
    .filter((f) => files.has(`/models/${modelId}/${f.path.slice(f.path.lastIndexOf('/') + 1)}`))
    .reduce((sum, f) => sum + f.bytes, 0);
  expect([...files].sort()).toEqual(
    ['decoder_model_merged_quantized.transposed-projection.onnx', 'encoder_model_quantized.variable-length.optimized.onnx', 'generation_config.json', 'tokenizer.json'].map(
      (name) => `/models/${modelId}/${name}`,
    ),
  );
  for (let i = 1; i < progress.length; i++) expect(progress[i].loadedBytes).toBeGreaterThanOrEqual(progress[i - 1].loadedBytes);
  expect(new Set(progress.map((p) => p.totalBytes))).toEqual(new Set([expectedTotal]));
  expect(progress.at(-1)?.loadedBytes).toBe(expectedTotal);
}

test.describe('recognition worker', () => {
  test('whisper-tiny loads on WebAssembly with byte progress and transcribes jfk word for word', async ({ page, baseURL }) => {
    const requests = await openCheckPage(page);
    expect(await page.evaluate(() => (globalThis as unknown as CheckPageGlobal).crossOriginIsolated)).toBe(true);

    const { result, progress } = await load(page, TINY, 'wasm');
    expect(result).toMatchObject({ modelId: TINY, backend: 'wasm', fromCache: false });
    expect(result.fallbackReason).toBeUndefined();
    // Cross-origin isolated, so more than one thread (this machine has 2 cores).
    expect(result.threads).toBeGreaterThanOrEqual(2);
    expectCompleteProgress(progress, TINY);
    expect(progress.every((p) => !p.fromCache)).toBe(true);

    const transcript = await transcribeJfk(page);
    expect(transcript.text).toBe(JFK_TEXT);

    // onnxruntime's runtime comes from /ort/ on this origin (staged), nothing from elsewhere.
    expect(offOrigin(requests, new URL(baseURL!).origin)).toEqual([]);
    expect(pathsOf(requests, '/ort/')).toEqual(['/ort/ort-wasm-simd-threaded.mjs', '/ort/ort-wasm-simd-threaded.wasm']);
    expect(requests.filter((url) => url.endsWith('.wasm'))).toHaveLength(1);

    const hash = await page.evaluate(() => (globalThis as unknown as CheckPageGlobal).engineCheck.sha256Ms('/models/whisper-tiny-q8/decoder_model_merged_quantized.onnx'));
    const figures = {
      coldLoadMs: Math.round(result.loadMs),
      threads: result.threads,
      transcribeMs: Math.round(transcript.timings.totalMs),
      encoderMs: Math.round(transcript.timings.encoderMs),
      decoderMs: Math.round(transcript.timings.decoderMs),
      sha256DecoderMs: Math.round(hash.ms),
    };
    test.info().annotations.push({ type: 'figures', description: JSON.stringify(figures) });
    console.log(`worker figures (tiny, wasm): ${JSON.stringify(figures)}`);
  });

  test('a reload loads the model from Cache Storage without downloading a model file', async ({ page }) => {
    await openCheckPage(page);
    const cold = await load(page, TINY, 'wasm');
    expect(cold.result.fromCache).toBe(false);

    await page.reload();
    await expect(page.getByRole('status')).toHaveText('ready');
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));

    const { result, progress } = await load(page, TINY, 'wasm');
    expect(result.fromCache).toBe(true);
    expect(progress.every((p) => p.fromCache)).toBe(true);
    expectCompleteProgress(progress, TINY);
    expect(pathsOf(requests, '/models/')).toEqual([]);
    // The cached model is the real one: it still recognises.
    expect((await transcribeJfk(page)).text).toBe(JFK_TEXT);

    const figures = { coldLoadMs: Math.round(cold.result.loadMs), cachedLoadMs: Math.round(result.loadMs) };
    test.info().annotations.push({ type: 'figures', description: JSON.stringify(figures) });
    console.log(`worker figures (tiny, wasm, cache): ${JSON.stringify(figures)}`);
  });

  test('the warm-up after a load runs its rounds, and gives way to a query that arrives meanwhile', async ({ page }) => {
    await openCheckPage(page);
    await load(page, TINY, 'wasm');
    const during = await page.evaluate((url) => (globalThis as unknown as CheckPageGlobal).engineCheck.transcribeDuringWarmUp(url), JFK_URL);
    // The query came while the first round ran: the warm-up stopped after its decoder step in
    // progress, and the query, queued behind it, came out as ever.
    expect(during.warmUp).toMatchObject({ rounds: 0, completed: false });
    expect(during.settled).toEqual(['warm-up', 'transcript']);
    expect(during.transcript.text).toBe(JFK_TEXT);

    const report = await page.evaluate(() => (globalThis as unknown as CheckPageGlobal).engineCheck.warmUp({ beamSize: 2 }));
    expect(report).toMatchObject({ rounds: 6, completed: true });
    expect((await transcribeJfk(page)).text).toBe(JFK_TEXT);
    console.log(`worker figures (tiny, wasm, warm-up): ${JSON.stringify({ warmUpMs: Math.round(report!.ms) })}`);
  });

  test('a missing model file is an error naming that file', async ({ page }) => {
    await openCheckPage(page);
    const missing = '/models/whisper-tiny-q8/encoder_model_quantized.variable-length.optimized.onnx';
    await page.route(`**${missing}`, (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: '404 Not Found\n' }));
    const error = await load(page, TINY, 'wasm').then(
      () => undefined,
      (e: unknown) => (e instanceof Error ? e.message : String(e)),
    );
    expect(error).toContain(`could not load model file ${missing}: HTTP 404`);
    // Nothing usable was left loaded.
    expect(await page.evaluate(() => (globalThis as unknown as CheckPageGlobal).engineCheck.status())).toBeUndefined();
  });

  test('switching from tiny to base needs no page reload', async ({ page }) => {
    const requests = await openCheckPage(page);
    await page.evaluate(() => ((globalThis as unknown as CheckPageGlobal).notReloaded = true));

    expect((await load(page, TINY, 'wasm')).result.modelId).toBe(TINY);
    const { result, progress } = await load(page, BASE, 'wasm');
    expect(result).toMatchObject({ modelId: BASE, backend: 'wasm', fromCache: false });
    expectCompleteProgress(progress, BASE);
    expect(await page.evaluate(() => (globalThis as unknown as CheckPageGlobal).engineCheck.status())).toMatchObject({ modelId: BASE });

    const transcript = await transcribeJfk(page);
    expect(transcript.text).toBe(JFK_TEXT);
    expect(await page.evaluate(() => (globalThis as unknown as CheckPageGlobal).notReloaded)).toBe(true);
    // One page, one worker, one WebAssembly runtime for both models.
    expect(pathsOf(requests, CHECK_PAGE)).toHaveLength(1);
    expect(pathsOf(requests, '/ort/ort-wasm-simd-threaded.wasm')).toHaveLength(1);
    console.log(`worker figures (base, wasm): ${JSON.stringify({ coldLoadMs: Math.round(result.loadMs), transcribeMs: Math.round(transcript.timings.totalMs) })}`);
  });
});

test.describe('recognition worker with WebGPU (SwiftShader)', () => {
  let browser: Browser;
  test.beforeAll(async ({ playwright }) => {
    const launchOptions = config.projects?.[0]?.use?.launchOptions ?? {};
    browser = await playwright.chromium.launch({ ...launchOptions, args: [...(launchOptions.args ?? []), ...WEBGPU_FLAGS] });
  });
  test.afterAll(async () => browser?.close());

  async function webGpuPage(baseURL: string | undefined): Promise<Page> {
    const context = await browser.newContext({ baseURL });
    return context.newPage();
  }

  test('the flags give a software WebGPU adapter, which auto passes over for WebAssembly', async ({ baseURL }) => {
    const page = await webGpuPage(baseURL);
    const requests = await openCheckPage(page);
    expect(await page.evaluate(() => (globalThis as unknown as CheckPageGlobal).engineCheck.webGpuAdapter())).toBe(true);
    const { result } = await load(page, TINY, 'auto');
    expect(result.backend).toBe('wasm');
    expect(result.fallbackReason).toBeUndefined();
    expect(pathsOf(requests, '/ort/').filter((path) => path.includes('asyncify'))).toEqual([]);
  });

  test('when WebGPU fails to start, webgpu falls back to WebAssembly, says why and still transcribes', async ({ baseURL }) => {
    const page = await webGpuPage(baseURL);
    const requests = await openCheckPage(page);
    // The WebGPU build's runtime is unavailable: a real failure of the WebGPU path, not a mock.
    await page.route('**/ort/ort-wasm-simd-threaded.asyncify.wasm', (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: '404 Not Found\n' }));
    const { result } = await load(page, TINY, 'webgpu');
    expect(result.backend).toBe('wasm');
    expect(result.fallbackReason).toMatch(/^WebGPU failed: /);
    expect(pathsOf(requests, '/ort/')).toContain('/ort/ort-wasm-simd-threaded.asyncify.wasm');
    expect((await transcribeJfk(page)).text).toBe(JFK_TEXT);
    console.log(`worker WebGPU fallback reason: ${result.fallbackReason}`);
  });
});
