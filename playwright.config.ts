import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './e2e/chromium-path';

/** Port of the production server the tests run against (not `npm start`'s 4173, so both can run). */
const PORT = 4317;
const BASE_URL = `http://127.0.0.1:${PORT}`;

export default defineConfig({
  testDir: 'e2e',
  // The machine has 2 cores and model loading is slow: one test at a time, long timeouts.
  workers: 1,
  fullyParallel: false,
  timeout: 180_000,
  expect: { timeout: 30_000 },
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: 'list',

  // `npm run test:e2e` builds dist/ and the test pages first; this serves that build with the
  // production server, the test pages beside it (server/test-pages.ts).
  webServer: {
    command: `"${process.execPath}" --import tsx server/serve.ts`,
    env: { PORT: String(PORT), HOST: '127.0.0.1', TEST_PAGES: '1' },
    url: `${BASE_URL}/`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'pipe',
    stderr: 'pipe',
  },

  use: {
    baseURL: BASE_URL,
    trace: 'retain-on-failure',
  },

  projects: [
    {
      name: 'chromium',
      use: {
        browserName: 'chromium',
        headless: true,
        launchOptions: {
          // A Chromium already on disk (e2e/ensure-browser.ts sees to it); never a download.
          executablePath: findChromium(),
          args: [...CHROMIUM_ARGS],
        },
      },
    },
  ],
});
