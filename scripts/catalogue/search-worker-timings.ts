/**
 * What the search worker's startup costs in Chromium: serves the production build (dist/), opens
 * the page, waits for the worker's sound index and prints the User Timing measures the worker
 * records (search.worker.ts): reading the catalogue, the place index, the sound index.
 *
 *   npm run build && npx tsx scripts/catalogue/search-worker-timings.ts [--runs 3]
 *
 * Each run is a fresh browser. Figures are wall clock in the worker, on whatever else the
 * machine is doing; the load average is printed with them.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { findChromium } from '../../e2e/chromium-path';
import { createStaticHandler } from '../../server/static-handler';
import { defineCommand, positiveIntegerOrExit, readCommandLine } from '../../cli/command-line';

const { flags } = readCommandLine(
  defineCommand({
    usage: 'npm run build && npx tsx scripts/catalogue/search-worker-timings.ts [--runs N]',
    description: "The search worker's startup in Chromium (catalogue read, place index, sound index), from its User Timing measures.",
    flags: { runs: { type: 'string', default: '3', value: 'N', help: 'fresh browsers to time' } },
    positionals: { min: 0, max: 0, name: '' },
  }),
);
const runs = positiveIntegerOrExit(flags.runs, 'runs');

const server = createServer(createStaticHandler({ root: fileURLToPath(new URL('../../dist/', import.meta.url)) }));
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;

const SOUND_INDEX = 'sound index: from the catalogue columns';
const rows = new Map<string, number[]>();
try {
  for (let run = 0; run < runs; run++) {
    const browser = await chromium.launch({
      executablePath: findChromium(),
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    });
    try {
      const page = await browser.newPage();
      const worker = page.waitForEvent('worker', { predicate: (w) => w.url().includes('search.worker'), timeout: 60_000 });
      await page.goto(url);
      const search = await worker;
      let measures: { name: string; duration: number }[] = [];
      for (let waited = 0; !measures.some((m) => m.name === SOUND_INDEX); waited += 250) {
        if (waited > 120_000) throw new Error('the sound index was not ready after 2 minutes');
        await new Promise((resolve) => setTimeout(resolve, 250));
        measures = await search.evaluate(() => performance.getEntriesByType('measure').map((m) => ({ name: m.name, duration: m.duration })));
      }
      for (const { name, duration } of measures) rows.set(name, [...(rows.get(name) ?? []), duration]);
    } finally {
      await browser.close();
    }
  }
} finally {
  server.close();
}

console.log(`search worker startup in Chromium, ${runs} fresh page load(s), load average ${loadavg()[0]!.toFixed(1)}:`);
for (const [name, durations] of rows) {
  const sorted = [...durations].sort((a, b) => a - b);
  console.log(`  ${name.padEnd(42)} median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(0).padStart(5)} ms  (${sorted.map((d) => d.toFixed(0)).join(', ')})`);
}
