import { expect, test } from '@playwright/test';

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
