/**
 * Opening the page (issue #21): speech handed over before the model is ready is kept and
 * transcribed once it is, a big chosen model has moonshine-tiny answer while it loads, and a
 * model file whose manifest hash changed is downloaded afresh however fast a load from Cache
 * Storage is. The order of events is read from the page's
 * User Timing marks (src/ui/timeline.ts), never from wall-clock limits.
 */
import { expect, test, type Page } from '@playwright/test';
import { SETTINGS_STORAGE_KEY } from '../src/ui/settings/settings';
import { TIMELINE_PREFIX } from '../src/ui/timeline';
import { MODEL_CACHE_NAME } from '../src/worker/model-cache-key';
import { FIXTURES, MODEL_TIMEOUT, searchByTokyoRecording } from './search-by-recording';

test.setTimeout(300_000);

/** When the page marked `name`, in ms after navigation start; undefined if it has not. */
function markTime(page: Page, name: string): Promise<number | undefined> {
  return page.evaluate((full) => performance.getEntriesByName(full, 'mark')[0]?.startTime, TIMELINE_PREFIX + name);
}

test('a query handed over while the model is still loading is transcribed once it is ready', async ({ page }) => {
  await page.goto('/', { waitUntil: 'commit' });
  const input = page.getByLabel('Transcribe an audio file…');
  await input.waitFor({ state: 'attached' });
  const handedAt = await page.evaluate(() => performance.now());
  await input.setInputFiles(`${FIXTURES}how-far-is-kigali.wav`);
  // The test means something only if the model was not ready yet: a first visit downloads it.
  expect(await markTime(page, 'model-ready')).toBeUndefined();
  await expect(page.getByRole('status')).toContainText(/once the model has loaded|Reading the audio file/, { timeout: 30_000 });

  const box = page.getByRole('searchbox', { name: 'Search' });
  await expect(box).toHaveValue(/kigali/i, { timeout: MODEL_TIMEOUT });
  await expect(page.getByRole('list', { name: 'Results' }).getByRole('listitem').first()).toContainText('Kigali');
  const ready = (await markTime(page, 'model-ready'))!;
  const transcript = (await markTime(page, 'transcript'))!;
  expect(handedAt).toBeLessThan(ready);
  expect(ready).toBeLessThan(transcript);
});

test('with a base model chosen, moonshine-tiny answers while it loads, and the base model answers once it is ready', async ({ page }) => {
  await page.addInitScript((key) => localStorage.setItem(key, JSON.stringify({ modelId: 'whisper-base-q8' })), SETTINGS_STORAGE_KEY);
  // The base model's files are held back until the stand-in has answered, so the order is certain.
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/models/whisper-base-q8/**', async (route) => {
    await held;
    await route.continue();
  });
  await page.goto('/');
  const status = page.getByRole('status');
  await expect(status).toContainText('Loading the speech model, Whisper base (8-bit)');
  await expect(status).toContainText('Moonshine tiny (8-bit) answers meanwhile: voice search works now.', { timeout: MODEL_TIMEOUT });
  await searchByTokyoRecording(page);
  expect(await markTime(page, 'model-ready')).toBeUndefined();

  release();
  await expect(page.locator('.backend')).toContainText('Whisper base (8-bit)', { timeout: MODEL_TIMEOUT });
  await expect(status).not.toContainText('answers meanwhile');
  await searchByTokyoRecording(page);
});

test('a model file whose manifest hash changed is downloaded again, and the old copy deleted', async ({ page, context }) => {
  const modelRequests: string[] = [];
  context.on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith('/models/')) modelRequests.push(new URL(request.url()).pathname);
  });
  await page.goto('/');
  await expect.poll(() => markTime(page, 'model-ready'), { timeout: MODEL_TIMEOUT }).toBeDefined();
  const downloaded = [...modelRequests].sort();
  expect(downloaded.length).toBeGreaterThan(0);

  // What an older build would have left: the same files under another version's hash.
  const OLD = '0'.repeat(64);
  const rekeyed = await page.evaluate(
    async ({ bucket, old }) => {
      const cache = await caches.open(bucket);
      const keys = await cache.keys();
      for (const key of keys) {
        const url = new URL(key.url);
        url.searchParams.set('sha256', old);
        await cache.put(url.href, (await cache.match(key))!);
        await cache.delete(key);
      }
      return keys.length;
    },
    { bucket: MODEL_CACHE_NAME, old: OLD },
  );
  expect(rekeyed).toBe(downloaded.length);

  modelRequests.length = 0;
  await page.reload();
  await expect.poll(() => markTime(page, 'model-ready'), { timeout: MODEL_TIMEOUT }).toBeDefined();
  // Every file was fetched afresh: a stored copy of another version is never used.
  expect([...modelRequests].sort()).toEqual(downloaded);
  const hashes = await page.evaluate(async (bucket) => (await (await caches.open(bucket)).keys()).map((k) => new URL(k.url).searchParams.get('sha256')), MODEL_CACHE_NAME);
  expect(hashes).toHaveLength(downloaded.length);
  expect(hashes).not.toContain(OLD);
  await expect(page.getByText(/model from the browser cache/)).toHaveCount(0);
});
