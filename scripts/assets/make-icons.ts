/**
 * `npx tsx scripts/assets/make-icons.ts`: renders public/icons/icon.svg into the PNG icons the web
 * app manifest lists (vite.config.ts), in Chromium, so an installed app has raster icons on every
 * platform. Run it after changing the SVG and commit the PNGs (a few KB each).
 */
import { chromium } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { defineCommand, readCommandLine } from '../../cli/command-line';
import { CHROMIUM_ARGS, findChromium } from '../../e2e/chromium-path';

/** Sizes the manifest lists: 192 for the home screen, 512 for the splash screen and stores. */
export const ICON_SIZES = [192, 512] as const;

readCommandLine(
  defineCommand({
    usage: 'tsx scripts/assets/make-icons.ts',
    description: 'Renders public/icons/icon.svg to public/icons/icon-192.png and icon-512.png.',
    flags: {},
    positionals: { min: 0, max: 0, name: '' },
  }),
);

const folder = fileURLToPath(new URL('../../public/icons/', import.meta.url));
const svg = await readFile(`${folder}icon.svg`, 'utf8');
const executablePath = findChromium();
if (!executablePath) {
  console.error('No Chromium found: run `npx tsx e2e/ensure-browser.ts` first.');
  process.exit(1);
}
const browser = await chromium.launch({ executablePath, args: [...CHROMIUM_ARGS] });
try {
  for (const size of ICON_SIZES) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const dataUrl = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
    await page.setContent(`<style>html,body{margin:0;background:transparent}</style><img src="${dataUrl}" width="${size}" height="${size}">`);
    await page.locator('img').screenshot({ path: `${folder}icon-${size}.png`, omitBackground: true });
    await page.close();
    console.log(`wrote public/icons/icon-${size}.png`);
  }
} finally {
  await browser.close();
}
