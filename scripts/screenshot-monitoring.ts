/**
 * `npm run build && npm run -s screenshot:monitoring`: the README's picture of the Monitoring view
 * (docs/monitoring.png), taken from the production page in headless Chromium after it has really
 * answered recorded queries (SOAK_RECORDINGS, through the file input) and one was flagged "Wrong
 * result". Nothing in the picture is made up: it is the log those queries left.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { chromium, expect } from '@playwright/test';
import { SOAK_RECORDINGS } from '../cli/soak-run';
import { CHROMIUM_ARGS, findChromium } from '../e2e/chromium-path';
import { FIXTURES, MODEL_TIMEOUT } from '../e2e/search-by-recording';
import { createStaticHandler } from '../server/static-handler';
import { TIMELINE_PREFIX } from '../src/ui/timeline';

const OUT = fileURLToPath(new URL('../docs/monitoring.png', import.meta.url));
const server = createServer(createStaticHandler({ root: fileURLToPath(new URL('../dist/', import.meta.url)) }));
await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
const browser = await chromium.launch({ executablePath: findChromium(), args: [...CHROMIUM_ARGS] });
try {
  const page = await browser.newPage({ baseURL: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, viewport: { width: 1100, height: 900 } });
  await page.goto('/');
  // Queries once the model is ready, so the latency chart shows answering, not the first load.
  await page.waitForFunction((name) => performance.getEntriesByName(name, 'mark').length > 0, `${TIMELINE_PREFIX}model-ready`, { timeout: MODEL_TIMEOUT });
  const box = page.getByRole('searchbox', { name: 'Search' });
  for (const { file, place } of SOAK_RECORDINGS) {
    await box.fill('');
    await page.getByLabel('Transcribe an audio file…').setInputFiles(`${FIXTURES}${file}`);
    await expect(box).toHaveValue(new RegExp(place, 'i'), { timeout: MODEL_TIMEOUT });
    await expect(page.getByRole('list', { name: 'Results' }).getByRole('listitem').first()).toContainText(place, { timeout: MODEL_TIMEOUT });
  }
  await page.getByRole('button', { name: 'Wrong result' }).click();
  await page.getByRole('link', { name: 'Monitoring' }).click();
  await expect(page.getByTestId('monitoring-totals')).toHaveText(new RegExp(`^${SOAK_RECORDINGS.length} queries, 1 flagged`));
  await expect(page.locator('.chart canvas')).toHaveCount(6);
  await page.screenshot({ path: OUT, fullPage: true });
  console.error(`wrote ${OUT}`);
} finally {
  await browser.close();
  server.close();
}
