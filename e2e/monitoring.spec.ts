/**
 * The on-device query log and the Monitoring view (issue #19), in real Chromium with the real
 * model: spoken queries are logged, feedback is kept, the view counts and charts them, the export
 * holds the same records, a reload keeps them, and with "Keep query text" off no text is stored.
 * Recordings are kept only when the person turns them on; an export can be imported back.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { fromExportJson, toExportJson } from '../src/monitoring/export';
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
  // Opening a result shows where it is, and the log keeps which one was opened.
  const first = page.getByRole('list', { name: 'Results' }).getByRole('listitem').first();
  await first.getByRole('button', { name: /London/ }).click();
  await expect(first.getByRole('button', { name: /London/ })).toHaveAttribute('aria-expanded', 'true');
  await expect(first).toContainText(/\d+\.\d\d° [NS], \d+\.\d\d° [EW]/);

  await page.getByRole('link', { name: 'Monitoring' }).click();
  await expect(page.getByRole('heading', { name: 'Monitoring' })).toBeVisible();
  const totals = page.getByTestId('monitoring-totals');
  await expect(totals).toHaveText(/^3 queries, 1 flagged \(3 spoken, 0 typed/);
  // uPlot draws each chart on a canvas.
  await expect(page.locator('.chart canvas')).toHaveCount(6);
  // The distributions' medians, as text: this week's three queries beside the measured sets.
  await expect(page.getByTestId('distribution-medians')).toHaveText(/^Median avg log-probability: -\d\.\d\d in the last 7 days, -\d\.\d\d on the measured sets\. Median no-speech probability: \d\.\d\d and \d\.\d\d\.$/);
  await expect(page.getByRole('table')).toContainText(new Date().toISOString().slice(0, 10));

  const records = await exported(page);
  // `npm run -s monitor` on the export says what the view says (the same code, src/monitoring/report.ts).
  expect(monitorReport(records).split('\n')[0]).toBe(await totals.innerText());
  expect(records.map((r) => r.searched?.toLowerCase())).toEqual(['tokyo', 'paris', 'london']);
  expect(records.map((r) => r.feedback)).toEqual([undefined, undefined, 'wrong-result']);
  expect(records.map((r) => r.opened)).toEqual([undefined, undefined, { rank: 0, placeId: expect.stringMatching(/^geonames:\d+$/) }]);
  for (const record of records) {
    expect(record).toMatchObject({ kind: 'spoken', modelId: 'moonshine-tiny-q8', results: expect.any(Number), changedBy: expect.any(Array) });
    expect(record.resultsMs).toBeGreaterThan(record.recognitionMs!);
    // The level is measured in the recognition worker, which had the samples.
    expect(record.level!.rmsDb).toBeLessThan(0);
    expect(record.level!.rmsDb).toBeGreaterThan(-60);
    expect(record.audioSeconds).toBeGreaterThan(0.3);
    const { queueMs, featuresMs, encoderMs, decoderMs, catalogueMs } = record.stages!;
    expect(encoderMs).toBeGreaterThan(0);
    expect(decoderMs).toBeGreaterThan(0);
    // The stages add up to end of speech → results.
    expect(queueMs + featuresMs + encoderMs + decoderMs + catalogueMs!).toBeCloseTo(record.resultsMs!, -1);
    expect(record.recordingBytes).toBeUndefined();
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

test('“Keep recordings for review”: off by default; on, a spoken query’s audio is kept and plays back, within the size limit, until deleted', async ({ page }) => {
  await page.goto('/#monitoring');
  const keep = page.getByRole('checkbox', { name: /^Keep recordings for review \(up to 20\.0 MB\)$/ });
  await expect(keep).not.toBeChecked();
  await keep.check();
  await expect(page.getByText(/Recordings are kept, up to 20\.0 MB/)).toBeVisible();
  await page.getByRole('link', { name: 'Back to search' }).click();
  await speak(page, 'tokyo.wav', /tokyo/i);
  await page.getByRole('link', { name: 'Monitoring' }).click();
  await expect(page.getByTestId('recordings-total')).toHaveText(/^1 recording, 0\.\d MB\./);
  const [record] = await exported(page);
  // 16-bit mono: 2 bytes a sample at 16 kHz, behind a 44-byte header.
  expect(record!.recordingBytes).toBe(44 + 2 * Math.round(record!.audioSeconds! * 16_000));
  const player = page.locator('audio');
  await expect(player).toHaveCount(1);
  await expect.poll(() => player.evaluate((audio: HTMLAudioElement) => audio.duration), { timeout: 10_000 }).toBeCloseTo(record!.audioSeconds!, 1);
  // The setting stays on over a reload; the recordings stay until deleted.
  await page.reload();
  await expect(page.getByRole('checkbox', { name: /^Keep recordings for review/ })).toBeChecked();
  await page.getByRole('button', { name: 'Delete recordings' }).click();
  await expect(page.getByTestId('recordings-total')).toHaveCount(0);
  expect((await exported(page))[0]!.recordingBytes).toBeUndefined();
});

test('Import JSON replaces the log with an export, a file that is not one is refused by name, and drift against the measured sets names quieter inputs', async ({ page }, testInfo) => {
  const now = Date.now();
  // 25 spoken queries, far quieter than the measured sets (public/monitoring/reference-profile.json), and a typed one.
  const spoken = Array.from({ length: 25 }, (_, i) => ({
    id: i + 1,
    time: now - (26 - i) * 60_000,
    kind: 'spoken' as const,
    modelId: 'moonshine-tiny-q8',
    audioSeconds: 1.5,
    level: { rmsDb: -75 + i * 0.1, peakDb: -60, clippedShare: 0 },
    avgLogprob: -0.3,
    noSpeechProb: 0.01,
    heard: 'tokyo',
    searched: 'tokyo',
    queryWords: 1,
    results: 10,
    resultsMs: 420,
    ...(i === 0 && { feedback: 'not-what-i-said' as const, typedInstead: 'kyoto' }),
  }));
  const records = [...spoken, { id: 26, time: now - 30_000, kind: 'typed' as const, searched: 'lisbon', queryWords: 1, results: 3 }];
  const good = testInfo.outputPath('query-log.json');
  await writeFile(good, toExportJson(records));
  const bad = testInfo.outputPath('not-a-log.json');
  await writeFile(bad, '{"format": "something else"}');

  await page.goto('/#monitoring');
  const importer = page.getByLabel('Import JSON…');
  await importer.setInputFiles(bad);
  await expect(page.getByRole('alert')).toHaveText(/Couldn't import “not-a-log\.json”: not a query log export/);
  await importer.setInputFiles(good);
  await expect(page.getByTestId('monitoring-totals')).toHaveText(/^26 queries, 1 flagged \(25 spoken, 1 typed/);
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(await exported(page)).toEqual(records);
  // Against what the model was measured on, the quiet inputs are named.
  const measured = page.getByRole('list', { name: 'Drift against the measured sets' });
  await expect(measured.getByRole('listitem').filter({ hasText: 'input level' })).toHaveText(/input level: drift \(PSI \d+\.\d\d\): inputs are quieter than in the reference/);
  // The log's own first week is this week: no verdict yet.
  await expect(page.getByRole('list', { name: 'Drift against the first week' }).getByRole('listitem').first()).toContainText('not enough queries yet');
});
