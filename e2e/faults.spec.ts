/**
 * Faults the page recovers from by itself (issue #20), in real Chromium on the production build.
 * No assertion depends on wall-clock time: waits are for states, with generous timeouts.
 */
import { fileURLToPath } from 'node:url';
import { expect, test, type Page, type Worker } from '@playwright/test';
import { normalizeForWer } from '../src/eval/normalize';

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));
const MODEL_TIMEOUT = 150_000;
test.setTimeout(300_000);

const searchBox = (page: Page) => page.getByRole('searchbox', { name: 'Search' });
const statusLine = (page: Page) => page.getByRole('status');

async function recognitionWorker(page: Page): Promise<Worker> {
  await expect.poll(() => page.workers().some((w) => w.url().includes('recognition'))).toBe(true);
  return page.workers().find((w) => w.url().includes('recognition'))!;
}

test('a recognition worker that dies is replaced: the status says so, the model loads again, and the utterance sent to the dead one is answered', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByText('Moonshine tiny (8-bit) · ')).toBeVisible({ timeout: MODEL_TIMEOUT });
  const worker = await recognitionWorker(page);
  // The worker ends itself: no error event, it simply stops answering (as a hung or killed one would).
  await worker.evaluate(() => (globalThis as unknown as { close(): void }).close());
  await page.getByLabel('Transcribe an audio file…').setInputFiles(`${FIXTURES}tokyo.wav`);
  await expect(statusLine(page)).toContainText(/The speech model stopped \(it stopped answering for \d+ s\); loading it again/, { timeout: MODEL_TIMEOUT });
  await expect.poll(async () => normalizeForWer(await searchBox(page).inputValue()), { timeout: MODEL_TIMEOUT }).toBe('tokyo');
  await expect(statusLine(page)).toContainText(/recognised in \d+ ms/);
  // A fresh worker answers the next one too.
  await page.getByLabel('Transcribe an audio file…').setInputFiles(`${FIXTURES}paris.wav`);
  await expect.poll(async () => normalizeForWer(await searchBox(page).inputValue()), { timeout: MODEL_TIMEOUT }).toBe('paris');
});

test('a search worker that dies is replaced: typing finds places again once the fresh one has built its index', async ({ page }) => {
  await page.goto('/');
  await searchBox(page).fill('lisbon');
  const results = page.getByRole('list', { name: 'Results' }).getByRole('listitem');
  await expect(results.first()).toContainText('Lisbon', { timeout: MODEL_TIMEOUT });
  await expect.poll(() => page.workers().some((w) => w.url().includes('search'))).toBe(true);
  const worker = page.workers().find((w) => w.url().includes('search'))!;
  await worker.evaluate(() => (globalThis as unknown as { close(): void }).close());
  await searchBox(page).fill('kigali');
  await expect(results.first()).toContainText('Kigali', { timeout: MODEL_TIMEOUT });
});

/** How many utterances the page has answered (a transcript came back) and given up unheard. */
async function utteranceCounts(page: Page): Promise<{ answered: number; skipped: number }> {
  return page.evaluate(() => ({
    answered: performance.getEntriesByName('voice-search:transcript', 'mark').length,
    skipped: performance.getEntriesByName('voice-search:utterance-skipped', 'mark').length,
  }));
}

test('a burst of 20 utterances loses none: each is answered or given up by the stated policy (four wait; the newest wins), and the last is what is searched', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByText('Moonshine tiny (8-bit) · ')).toBeVisible({ timeout: MODEL_TIMEOUT });
  const files = ['paris', 'london', 'berlin', 'madrid', 'toronto', 'chicago', 'japan', 'kolkata', 'mexico-city', 'hotels-in-amsterdam'];
  const burst = [...files, ...files.slice(1), 'tokyo'].map((name) => `${FIXTURES}${name}.wav`);
  expect(burst).toHaveLength(20);
  const input = page.getByLabel('Transcribe an audio file…');
  for (const file of burst) await input.setInputFiles(file);
  await expect.poll(async () => { const c = await utteranceCounts(page); return c.answered + c.skipped; }, { timeout: MODEL_TIMEOUT }).toBe(20);
  const { answered, skipped } = await utteranceCounts(page);
  // Recognition cannot keep up with 20 at once, so the bound was met; the first and the last are answered.
  expect(skipped).toBeGreaterThan(0);
  expect(answered).toBeGreaterThanOrEqual(5);
  await expect.poll(async () => normalizeForWer(await searchBox(page).inputValue()), { timeout: MODEL_TIMEOUT }).toBe('tokyo');
  await expect(statusLine(page)).toContainText(/recognised in \d+ ms/);
});

test('the catalogue unavailable (a 503) or corrupt: the results area names the problem, and a reload once it is back finds places', async ({ page, context }) => {
  const catalogue = '**/catalogue/places.json';
  let fault: 'unavailable' | 'corrupt' = 'unavailable';
  await context.route(catalogue, (route) =>
    fault === 'unavailable'
      ? route.fulfill({ status: 503, contentType: 'text/plain', body: 'busy' })
      : route.fulfill({ status: 200, contentType: 'application/json', body: '{"format": "places", "version": 2, "places": [' }),
  );
  await page.goto('/');
  await searchBox(page).fill('lisbon');
  await expect(page.getByText('The list of places could not be loaded: could not load the place catalogue /catalogue/places.json: HTTP 503.')).toBeVisible({ timeout: MODEL_TIMEOUT });

  fault = 'corrupt';
  await page.reload();
  await searchBox(page).fill('lisbon');
  await expect(page.getByText(/^The list of places could not be loaded: .*(JSON|catalogue)/)).toBeVisible({ timeout: MODEL_TIMEOUT });

  await context.unroute(catalogue);
  await page.reload();
  await searchBox(page).fill('lisbon');
  await expect(page.getByRole('list', { name: 'Results' }).getByRole('listitem').first()).toContainText('Lisbon', { timeout: MODEL_TIMEOUT });
});
