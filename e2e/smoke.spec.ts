import { expect, test, type Page } from '@playwright/test';

test('the production build loads, is cross-origin isolated and stays on its origin', async ({ page, baseURL }) => {
  const origin = new URL(baseURL ?? '').origin;
  const requests: string[] = [];
  const errors: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('pageerror', (error) => errors.push(error.message));

  await page.goto('/');

  await expect(page).toHaveTitle('Voice search');
  await expect(page.getByRole('searchbox', { name: 'Search' })).toBeVisible();
  await expect(page.getByText('Voice search runs entirely in your browser.')).toBeVisible();
  // Only true when the server sent COOP same-origin and COEP require-corp.
  expect(await page.evaluate('crossOriginIsolated')).toBe(true);

  expect(requests.length).toBeGreaterThan(0);
  // data: and blob: URLs of this origin never leave the machine either.
  const offOrigin = requests.filter(
    (url) => !url.startsWith(`${origin}/`) && !url.startsWith('data:') && !url.startsWith(`blob:${origin}/`),
  );
  expect(offOrigin).toEqual([]);
  expect(errors).toEqual([]);
});

test('a missing WebAssembly file is a real 404, not the HTML page', async ({ request }) => {
  const res = await request.get('/missing-file.wasm');
  expect(res.status()).toBe(404);
  expect(res.headers()['content-type']).toBe('text/plain; charset=utf-8');
  expect(res.headers()['cross-origin-embedder-policy']).toBe('require-corp');
});

/**
 * Opens the page and types a query the catalogue answers; gives the search worker's startup steps
 * (search.worker.ts records each as a User Timing measure) and what it wrote to the console.
 */
async function typedSearchWorkerSteps(page: Page): Promise<{ steps: string[]; consoleText: () => string }> {
  const worker = page.waitForEvent('worker', { predicate: (w) => w.url().includes('search.worker') });
  const messages: string[] = [];
  page.on('worker', (w) => w.on('console', (message) => messages.push(message.text())));
  await page.goto('/');
  const search = await worker;
  await page.getByRole('searchbox', { name: 'Search' }).fill('reykjavik');
  await expect(page.getByRole('listitem').filter({ hasText: 'Reykjavík' }).first()).toBeVisible({ timeout: 60_000 });
  const steps = await search.evaluate(() => performance.getEntriesByType('measure').map((m) => m.name));
  return { steps, consoleText: () => messages.join('\n') };
}

test('the search worker reads the place index staged beside the catalogue instead of building it', async ({ page }) => {
  const { steps, consoleText } = await typedSearchWorkerSteps(page);
  expect(steps).toContain('place index: from the stored name index');
  expect(steps).not.toContain('place index: build');
  expect(consoleText()).not.toContain('built the place index instead');
});

test('without its staged place index the search worker builds one, says why, and typing still finds places', async ({ page }) => {
  await page.route('**/catalogue/places.names.bin', (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' }));
  const { steps, consoleText } = await typedSearchWorkerSteps(page);
  expect(steps).toContain('place index: build');
  await expect.poll(consoleText).toContain('built the place index instead of reading it (could not read the stored name index: /catalogue/places.names.bin: HTTP 404)');
});
