/**
 * The soak's short form (issue #20; the long one is `npm run -s soak -- --queries 500`): 50
 * recorded queries, one after another, on the production page; every one is answered and the
 * page's memory is sampled as it goes.
 */
import { expect, test } from '@playwright/test';
import { soak } from '../cli/soak-run';
import { MODEL_TIMEOUT } from './search-by-recording';

test.setTimeout(600_000);

test('50 recorded queries in a row are all answered, with the renderer’s memory sampled as they go', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByText(/and ready in/)).toBeVisible({ timeout: MODEL_TIMEOUT });
  const result = await soak(page, { queries: 50, sampleEvery: 25 });
  expect(result.lost).toEqual([]);
  expect(result.answered).toBe(50);
  expect(result.samples.map((s) => s.queries)).toEqual([0, 25, 50]);
  for (const sample of result.samples) {
    expect(sample.rendererRssMiB).toBeGreaterThan(50);
    expect(sample.rendererHwmMiB).toBeGreaterThanOrEqual(sample.rendererRssMiB);
  }
});
