/**
 * `npm run build && npm run -s bench:long-file -- --minutes 1,10`: long audio files on the
 * production page in headless Chromium (issue #20). For each length a recording made of real ones
 * (e2e/long-recording.ts) is handed to the file input, and while it is transcribed passage by
 * passage the renderer's VmRSS (its workers run inside it) is sampled every second. Prints, per
 * length: the time to the last passage, the real-time factor, the peak memory above what the page
 * held before the file, and the word error rate of the passages against what was said. A file read
 * a slice at a time should need no more memory at 10 minutes than at 1. Writes docs/data/long-file.json.
 */
import { writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../e2e/chromium-path';
import { writeLongRecording } from '../e2e/long-recording';
import { MODEL_TIMEOUT } from '../e2e/search-by-recording';
import { createStaticHandler } from '../server/static-handler';
import { normalizeForWer } from '../src/eval/normalize';
import { wordErrors } from '../src/eval/wer';
import { TIMELINE_PREFIX } from '../src/ui/timeline';
import { defineCommand, readCommandLine } from './command-line';
import { cpuName } from './cpu-name';
import { rendererStatus } from './soak-run';

const { flags } = readCommandLine(
  defineCommand({
    usage: 'npm run build && npm run -s bench:long-file -- [--minutes 1,10] [--json FILE]',
    description: 'Long recordings through the production page: time, real-time factor, peak memory, WER.',
    flags: {
      minutes: { type: 'string', default: '1,10', value: 'M,M…', help: 'recording lengths, in minutes' },
      json: { type: 'string', default: 'docs/data/long-file.json', value: 'FILE', help: 'where to write the result' },
    },
    positionals: { min: 0, max: 0, name: '' },
  }),
);
const lengths = flags.minutes.split(',').map(Number);
if (lengths.some((m) => !(m > 0))) {
  console.error(`--minutes: expected positive numbers separated by commas, got '${flags.minutes}'`);
  process.exit(2);
}

interface LongFileRow {
  minutes: number;
  passages: number;
  /** File handed over → the last passage shown. */
  seconds: number;
  realTimeFactor: number;
  /** Renderer VmRSS before the file, and its highest sample while transcribing. */
  baselineMiB: number;
  peakMiB: number;
  aboveBaselineMiB: number;
  /** Renderer VmRSS when a quarter, half, three quarters and all of the file were transcribed: flat if memory is bounded. */
  byProgressMiB: number[];
  wer: number;
}

const MIB_PER_KIB = 1 / 1024;

async function measure(page: Page, minutes: number): Promise<LongFileRow> {
  const recording = writeLongRecording(join(tmpdir(), `bench-long-${minutes}.wav`), Math.round(minutes * 60));
  await page.goto('/');
  await page.waitForFunction((name) => performance.getEntriesByName(name, 'mark').length > 0, `${TIMELINE_PREFIX}warm-up`, { timeout: MODEL_TIMEOUT });
  const baselineMiB = (await rendererStatus(page)).rssKiB * MIB_PER_KIB;
  let peakMiB = baselineMiB;
  const started = Date.now();
  await page.getByLabel('Transcribe an audio file…').setInputFiles(recording.path);
  const status = page.getByRole('region', { name: /^Transcript of/ }).getByRole('status');
  const progress = page.getByRole('progressbar', { name: 'Transcription progress' });
  const samples: { done: number; mib: number }[] = [];
  for (;;) {
    const mib = (await rendererStatus(page)).rssKiB * MIB_PER_KIB;
    peakMiB = Math.max(peakMiB, mib);
    samples.push({ done: Number(await progress.getAttribute('value').catch(() => '0')) / recording.seconds, mib });
    const text = await status.innerText().catch(() => '');
    if (/^Transcribed|Kept:/.test(text)) {
      if (!text.startsWith('Transcribed')) throw new Error(`the ${minutes}-minute recording stopped: ${text}`);
      break;
    }
    await page.waitForTimeout(1_000);
  }
  const seconds = (Date.now() - started) / 1000;
  const texts = await page.getByRole('list', { name: 'Passages' }).locator('.text').allInnerTexts();
  const errors = wordErrors(normalizeForWer(recording.reference), normalizeForWer(texts.join(' ')));
  return {
    minutes,
    passages: texts.length,
    seconds,
    realTimeFactor: seconds / recording.seconds,
    baselineMiB,
    peakMiB,
    aboveBaselineMiB: peakMiB - baselineMiB,
    byProgressMiB: [0.25, 0.5, 0.75, 1].map((q) => samples.find((sample) => sample.done >= q)?.mib ?? samples.at(-1)!.mib),
    wer: (errors.substitutions + errors.deletions + errors.insertions) / errors.referenceWords,
  };
}

const server = createServer(createStaticHandler({ root: fileURLToPath(new URL('../dist/', import.meta.url)) }));
await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
const baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const rows: LongFileRow[] = [];
let version = '';
try {
  for (const minutes of lengths) {
    // A browser per length, so one run's heap does not carry into the next.
    const browser = await chromium.launch({ executablePath: findChromium(), args: [...CHROMIUM_ARGS] });
    version = browser.version();
    try {
      const row = await measure(await browser.newPage({ baseURL }), minutes);
      rows.push(row);
      console.error(
        `${minutes} min: ${row.passages} passages in ${row.seconds.toFixed(1)} s (RTF ${row.realTimeFactor.toFixed(3)}), renderer ${row.baselineMiB.toFixed(0)} → peak ${row.peakMiB.toFixed(0)} MiB (+${row.aboveBaselineMiB.toFixed(0)}; at 25/50/75/100%: ${row.byProgressMiB.map((m) => m.toFixed(0)).join(', ')}), WER ${(100 * row.wer).toFixed(1)}%`,
      );
    } finally {
      await browser.close();
    }
  }
} finally {
  server.close();
}
const result = {
  command: ['npm run -s bench:long-file', ...(process.argv.length > 2 ? ['--', ...process.argv.slice(2)] : [])].join(' '),
  chromium: version,
  machine: `${cpus().length} × ${cpuName()}`,
  rows,
};
console.log(JSON.stringify(result, null, 2));
await writeFile(resolve(flags.json), JSON.stringify(result, null, 2) + '\n');
console.error(`wrote ${flags.json}`);
