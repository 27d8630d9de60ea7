/**
 * A long audio file (issue #20): over 30 s it is a recording, not a query. It is read a slice at a
 * time, transcribed passage by passage with a progress bar, can be cancelled, and each passage can
 * be searched. The recordings are real ones (fixtures/audio) joined with pauses.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { normalizeForWer } from '../src/eval/normalize';
import { writeLongRecording } from './long-recording';
import { MODEL_TIMEOUT } from './search-by-recording';

test.setTimeout(300_000);

const recording = (name: string, seconds: number) => writeLongRecording(join(tmpdir(), name), seconds).path;

const transcript = (page: Page) => page.getByRole('region', { name: /^Transcript of/ });
const passages = (page: Page) => transcript(page).getByRole('list', { name: 'Passages' }).getByRole('listitem');

test('a 70 s recording is transcribed passage by passage, every sentence in it, and a passage can be searched', async ({ page }) => {
  const file = recording('long-recording.wav', 70);
  await page.goto('/');
  await page.getByLabel('Transcribe an audio file…').setInputFiles(file);
  await expect(transcript(page).getByRole('heading')).toHaveText('Transcript of “long-recording.wav”');
  await expect(transcript(page).getByRole('progressbar', { name: 'Transcription progress' })).toHaveAttribute('max', '70');
  await expect(transcript(page).getByRole('status')).toHaveText(/^Transcribed 1:10: \d+ passages\.$/, { timeout: MODEL_TIMEOUT });
  const texts = await passages(page).locator('.text').allInnerTexts();
  expect(texts.length).toBeGreaterThanOrEqual(4);
  const heard = normalizeForWer(texts.join(' '));
  // Each recording is heard at least once, in order within the first round.
  expect(heard).toContain('ask not what your country can do for you');
  expect(heard).toMatch(/go forward ten (meters|metres)/);
  expect(heard.indexOf('ask not')).toBeLessThan(heard.indexOf('go forward'));
  // Searching a passage puts its words in the box.
  await passages(page).first().getByRole('button', { name: /^Search for/ }).click();
  await expect(page.getByRole('searchbox', { name: 'Search' })).toHaveValue(/ask not what your country/i);
  await transcript(page).getByRole('button', { name: 'Close transcript' }).click();
  await expect(transcript(page)).toHaveCount(0);
});

test('a 10-minute recording can be cancelled: it stops, keeps its passages, and typing still searches', async ({ page }) => {
  const file = recording('ten-minutes.wav', 600);
  await page.goto('/');
  await page.getByLabel('Transcribe an audio file…').setInputFiles(file);
  await expect(transcript(page).getByRole('progressbar')).toHaveAttribute('max', '600');
  await expect(passages(page).first()).toBeVisible({ timeout: MODEL_TIMEOUT });
  await transcript(page).getByRole('button', { name: 'Cancel' }).click();
  await expect(transcript(page).getByRole('status')).toHaveText(/^Cancelled at \d:\d\d of 10:00\. Kept: \d+ passages?\.$/);
  const kept = await passages(page).count();
  const done = await transcript(page).getByRole('progressbar').getAttribute('value');
  expect(Number(done)).toBeLessThan(120);
  // Nothing more is transcribed once cancelled.
  await page.waitForTimeout(3_000);
  expect(await passages(page).count()).toBe(kept);
  await page.getByRole('searchbox', { name: 'Search' }).fill('lisbon');
  await expect(page.getByRole('list', { name: 'Results' }).getByRole('listitem').first()).toContainText('Lisbon');
});
