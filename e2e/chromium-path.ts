/**
 * Which Chromium the Playwright tests drive. Playwright must never download a browser here, so
 * this looks only at browsers already on disk:
 *   1. CHROMIUM_PATH, if set (a developer's explicit choice);
 *   2. a Chromium that Playwright itself already installed;
 *   3. Debian's /usr/bin/chromium.
 * Returns undefined when there is none; e2e/ensure-browser.ts then installs Debian's.
 */
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

export const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/** Flags every Chromium we drive gets (tests and benchmarks): no sandbox (root in CI), no background traffic. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function findChromium(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, playwrightChromium(), SYSTEM_CHROMIUM];
  return candidates.find((candidate): candidate is string => !!candidate && existsSync(candidate));
}

/** Where Playwright's own Chromium would be (playwright-core's registry); it may not exist. */
function playwrightChromium(): string | undefined {
  try {
    return chromium.executablePath();
  } catch {
    return undefined;
  }
}
