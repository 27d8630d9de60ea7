/**
 * What several specs do to prove the page works end to end: hand it tokyo.wav through the file
 * input and wait until the box says Tokyo and Tokyo is the first result (real model, real worker).
 */
import { fileURLToPath } from 'node:url';
import { expect, type Page } from '@playwright/test';

export const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));

/** A first model load on this 2-core machine, downloads and sessions included. */
export const MODEL_TIMEOUT = 150_000;

export async function searchByTokyoRecording(page: Page): Promise<void> {
  const box = page.getByRole('searchbox', { name: 'Search' });
  await box.fill('');
  await page.getByLabel('Transcribe an audio file…').setInputFiles(`${FIXTURES}tokyo.wav`);
  await expect(box).toHaveValue(/tokyo/i, { timeout: MODEL_TIMEOUT });
  await expect(page.getByRole('list', { name: 'Results' }).getByRole('listitem').first()).toContainText('Tokyo');
}
