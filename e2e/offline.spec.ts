/**
 * Offline after the first visit and updates that never leave a page half old (the service worker
 * of vite.config.ts; production build, real model, real Chromium).
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page } from '@playwright/test';
import { searchByTokyoRecording } from './search-by-recording';
import { createStaticHandler } from '../server/static-handler';

const PROJECT = fileURLToPath(new URL('../', import.meta.url));

/** Waits until the service worker has stored everything the page needs (the footer says so). */
async function waitUntilOfflineReady(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await expect(page.getByText(/works offline/)).toBeVisible({ timeout: 60_000 });
}

test('after one visit the page opens, loads its model and answers a recording with no network', async ({ page, context }) => {
  await page.goto('/');
  await searchByTokyoRecording(page);
  await waitUntilOfflineReady(page);

  const failed: string[] = [];
  context.on('requestfailed', (request) => failed.push(`${request.url()} ${request.failure()?.errorText ?? ''}`));
  await context.setOffline(true);
  // The network really is gone: a request the service worker does not answer fails.
  expect(await page.evaluate(() => fetch('/models/not-precached.json').then(() => 'answered', () => 'failed'))).toBe('failed');
  failed.length = 0;

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Voice search' })).toBeVisible();
  expect(await page.evaluate('crossOriginIsolated')).toBe(true);
  await searchByTokyoRecording(page);
  await expect(page.getByText(/model from the browser cache/)).toBeVisible();
  expect(failed).toEqual([]);
});

/** A server whose folder can be swapped, as a deploy swaps one build for the next. */
async function swappableServer(root: string): Promise<{ server: Server; base: string; serve(root: string): void }> {
  let handler: RequestListener = createStaticHandler({ root });
  const server = createServer((req, res) => handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    server,
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    serve(next) {
      handler = createStaticHandler({ root: next });
    },
  };
}

test('a new build served behind the old one is offered, and runs once the person reloads', async ({ browser }) => {
  const folder = await mkdtemp(path.join(tmpdir(), 'voice-search-next-'));
  const next = path.join(folder, 'dist');
  // The same sources built again under another name: a new build as a deploy would ship it.
  const build = spawnSync(process.execPath, [path.join(PROJECT, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', next, '--emptyOutDir', '--logLevel', 'warn'], {
    cwd: PROJECT,
    env: { ...process.env, VOICE_SEARCH_BUILD_ID: 'e2e-next-build' },
    encoding: 'utf8',
  });
  expect(build.status, build.stderr).toBe(0);

  const site = await swappableServer(path.join(PROJECT, 'dist'));
  const context = await browser.newContext({ baseURL: site.base });
  try {
    const page = await context.newPage();
    await page.goto('/');
    await waitUntilOfflineReady(page);
    const footer = page.getByText(/^Build /);
    const oldBuild = await footer.textContent();
    expect(oldBuild).not.toContain('e2e-next-build');
    await expect(page.getByText('A new version is ready')).toHaveCount(0);

    site.serve(next);
    await page.reload();
    // Until the person accepts, the page stays the old build in every file.
    await expect(page.getByText('A new version is ready')).toBeVisible({ timeout: 60_000 });
    await expect(footer).toHaveText(oldBuild ?? '');

    await page.getByRole('button', { name: 'Reload' }).click();
    await expect(page.getByText(/^Build e2e-next-build/)).toBeVisible({ timeout: 30_000 });
    await expect(page.getByText('A new version is ready')).toHaveCount(0);
  } finally {
    await context.close();
    site.server.close();
    site.server.closeAllConnections();
    await rm(folder, { recursive: true, force: true });
  }
});
