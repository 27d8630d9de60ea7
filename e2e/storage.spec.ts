/**
 * What the browser keeps of the models, and the person's control over it (settings → Storage):
 * the downloaded model is listed with its size and can be removed while it keeps working; with
 * storage full, the model runs from memory and the page says it was not kept.
 */
import { expect, test } from '@playwright/test';
import { MODEL_TIMEOUT, searchByTokyoRecording } from './search-by-recording';

test('the downloaded model is listed with its size, and removing it leaves the model working until the next visit', async ({ page }) => {
  await page.goto('/');
  await searchByTokyoRecording(page);
  await page.getByText('Settings', { exact: true }).click();
  const storage = page.getByRole('region', { name: 'Storage' });
  await expect(storage).toContainText(/Downloaded models: Moonshine tiny \(8-bit\) \(\d+\.\d MB\)\./);
  await expect(storage).toContainText(/This site stores \d+\.\d MB in all/);

  await storage.getByRole('button', { name: 'Remove downloaded models' }).click();
  await expect(storage).toContainText('No downloaded models are stored: removed. The model in use keeps working');
  await expect(storage.getByRole('button', { name: 'Remove downloaded models' })).toBeDisabled();
  await searchByTokyoRecording(page);

  await page.reload();
  await expect(page.getByText(/model downloaded and ready/)).toBeVisible({ timeout: MODEL_TIMEOUT });
});

test('with storage full, the model runs from memory and the page says it was not kept', async ({ page, context, baseURL }) => {
  const cdp = await context.newCDPSession(page);
  // Chromium's own quota for this origin, far below one model: every Cache Storage write fails.
  await cdp.send('Storage.overrideQuotaForOrigin', { origin: new URL(baseURL ?? '').origin, quotaSize: 2_000_000 });
  await page.goto('/');
  await expect(page.getByText(/not kept for the next visit \(storage is full\): it runs from memory now/)).toBeVisible({ timeout: MODEL_TIMEOUT });
  await searchByTokyoRecording(page);
  // Only the small files (tokenizer, configuration) fit: what is listed is what is really kept.
  await page.getByText('Settings', { exact: true }).click();
  const listed = await page.getByRole('region', { name: 'Storage' }).textContent();
  const kept = Number(/Moonshine tiny \(8-bit\) \((\d+\.\d) MB\)/.exec(listed ?? '')?.[1] ?? 0);
  expect(kept).toBeLessThan(2);
});
