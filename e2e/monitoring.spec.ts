/**
 * The on-device query log and the Monitoring view (issue #19), in real Chromium with the real
 * model: spoken queries are logged, feedback is kept, the view counts and charts them, the export
 * holds the same records, a reload keeps them, and with "Keep query text" off no text is stored.
 */
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { fromExportJson } from '../src/monitoring/export';
import { monitorReport } from '../src/monitoring/report';
import { FIXTURES, MODEL_TIMEOUT } from './search-by-recording';

test.setTimeout(300_000);

const searchBox = (page: Page) => page.getByRole('searchbox', { name: 'Search' });

async function speak(page: Page, file: string, expected: RegExp): Promise<void> {
  await page.getByLabel('Transcribe an audio file…').setInputFiles(`${FIXTURES}${file}`);
  await expect(searchBox(page)).toHaveValue(expected, { timeout: MODEL_TIMEOUT });
  await expect(page.getByRole('list', { name: 'Results' }).getByRole('listitem').first()).toBeVisible();
}

async function exported(page: Page) {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export JSON' }).click();
  return fromExportJson(await readFile(await (await download).path(), 'utf8'));
}

test('three spoken queries, one flagged: Monitoring says 3 queries and 1 flagged, draws its charts, exports the same records, and keeps them over a reload', async ({ page }) => {
  await page.goto('/');
  await speak(page, 'tokyo.wav', /tokyo/i);
  await speak(page, 'paris.wav', /paris/i);
  await speak(page, 'london.wav', /london/i);
  const feedback = page.getByRole('group', { name: 'Feedback on this spoken query' });
  await feedback.getByRole('button', { name: 'Wrong result' }).click();
  await expect(feedback.getByRole('button', { name: 'Wrong result' })).toHaveAttribute('aria-pressed', 'true');

  await page.getByRole('link', { name: 'Monitoring' }).click();
  await expect(page.getByRole('heading', { name: 'Monitoring' })).toBeVisible();
  const totals = page.getByTestId('monitoring-totals');
  await expect(totals).toHaveText(/^3 queries, 1 flagged \(3 spoken, 0 typed/);
  // uPlot draws each chart on a canvas.
  await expect(page.locator('.chart canvas')).toHaveCount(4);
  await expect(page.getByRole('table')).toContainText(new Date().toISOString().slice(0, 10));

  const records = await exported(page);
  // `npm run -s monitor` on the export says what the view says (the same code, src/monitoring/report.ts).
  expect(monitorReport(records).split('\n')[0]).toBe(await totals.innerText());
  expect(records.map((r) => r.searched?.toLowerCase())).toEqual(['tokyo', 'paris', 'london']);
  expect(records.map((r) => r.feedback)).toEqual([undefined, undefined, 'wrong-result']);
  for (const record of records) {
    expect(record).toMatchObject({ kind: 'spoken', modelId: 'moonshine-tiny-q8', results: expect.any(Number) });
    expect(record.resultsMs).toBeGreaterThan(record.recognitionMs!);
    expect(record.level!.rmsDb).toBeLessThan(0);
    expect(record.audioSeconds).toBeGreaterThan(0.3);
  }

  await page.reload();
  await expect(page.getByTestId('monitoring-totals')).toHaveText(/^3 queries, 1 flagged/);
});

test('with “Keep query text” off, a spoken query is logged without its text', async ({ page }) => {
  await page.goto('/#monitoring');
  await page.getByLabel('Keep query text').uncheck();
  await page.getByRole('link', { name: 'Back to search' }).click();
  await speak(page, 'berlin.wav', /berlin/i);
  await page.getByRole('link', { name: 'Monitoring' }).click();
  await expect(page.getByTestId('monitoring-totals')).toHaveText(/^1 query, 0 flagged/);
  const [record] = await exported(page);
  expect(record).toMatchObject({ kind: 'spoken', queryWords: 1 });
  expect(record!.heard).toBeUndefined();
  expect(record!.searched).toBeUndefined();
  expect(JSON.stringify(record).toLowerCase()).not.toContain('berlin');
});

test('“How it worked” for the last spoken query: its waveform with the detector’s cut, where the time went, the hypotheses and what changed the query', async ({ page }) => {
  await page.goto('/');
  await speak(page, 'hotels-in-amsterdam.wav', /hotels in amsterdam/i);
  const panel = page.locator('details.how-it-worked');
  await panel.getByText('How it worked').click();
  await expect(panel.getByRole('img', { name: /^Waveform: \d+\.\d\d s, the detector's cut at 0\.30 s$/ })).toBeVisible();
  await expect(panel.getByTestId('stage-list')).toHaveText(/^queue and hand-over \d+ ms · features \d+ ms · encoder \d+ ms · decoder \d+ ms · catalogue and search \d+ ms — \d+ ms from the end of speech to the results$/);
  await expect(panel.getByRole('list', { name: 'Hypotheses' }).getByRole('listitem').first()).toContainText(/“.+” \(log-probability -?\d+\.\d\d\)/);
  await expect(panel.getByRole('list', { name: 'Hypotheses' })).toContainText('— chosen');
  await expect(panel.getByRole('list', { name: 'Changes' }).getByRole('listitem').first()).toBeVisible();
  await expect(panel).toContainText(/Searched: “hotels in amsterdam”/i);
  // Typing puts it away: it explains spoken queries only.
  await searchBox(page).fill('lisbon');
  await expect(panel).toHaveCount(0);
});
