/**
 * `npm run -s bench:browser`: what a user of the page feels, measured in headless Chromium on the
 * production build (run `npm run build` first): model cold load (empty Cache Storage), cached load
 * (after a reload), and transcription latency of a ~3 s query in the recognition worker, for
 * whisper-tiny-q8 on WASM. Drives the real worker through the engine check page
 * (e2e/pages/engine-check.html). Writes docs/data/bench-chromium.json for `npm run -s bench:report`.
 */
import { writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import type { CheckPageGlobal } from '../e2e/pages/engine-check-api';
import { findChromium } from '../e2e/chromium-path';
import { createStaticHandler } from '../server/static-handler';
import { defineCommand, runCommand } from './command-line';
import { recognizerFlags } from './recognizer-options';

const spec = defineCommand({
  usage: 'npm run -s bench:browser -- [options]',
  description: 'Cold and cached model load and ~3 s query latency in headless Chromium (production build, WASM).',
  flags: {
    model: recognizerFlags.model,
    reps: { type: 'string', default: '5', value: 'N', help: 'measured transcriptions (after one warm-up)' },
    json: { type: 'string', default: 'docs/data/bench-chromium.json', value: 'FILE', help: 'where to write the results' },
  },
  positionals: { min: 0, max: 0, name: '' },
});

const CLIP = { url: '/bench-audio/librivox-0880.wav', file: fileURLToPath(new URL('../fixtures/audio/pocketsphinx/librivox-sense-and-sensibility-0880.wav', import.meta.url)) };
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

await runCommand(spec, async ({ flags }) => {
  const server = createServer(createStaticHandler({ root: fileURLToPath(new URL('../dist', import.meta.url)) }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({
    executablePath: findChromium(),
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.route(`**${CLIP.url}`, (route) => route.fulfill({ path: CLIP.file, contentType: 'audio/wav' }));
    const open = async () => {
      await page.goto(`${base}/e2e/pages/engine-check.html`);
      await page.getByRole('status').filter({ hasText: 'ready' }).waitFor();
    };
    const load = () =>
      page.evaluate(async (modelId) => {
        const started = performance.now();
        const { result } = await (globalThis as unknown as CheckPageGlobal).engineCheck.load({ modelId, backend: 'wasm' });
        return { wallMs: performance.now() - started, result };
      }, flags.model);
    await open();
    const cold = await load();
    await open();
    const cached = await load();
    const runs: { wallMs: number; totalMs: number; text: string }[] = [];
    for (let i = 0; i <= Number(flags.reps); i++) {
      const run = await page.evaluate(async (url) => {
        const started = performance.now();
        const t = await (globalThis as unknown as CheckPageGlobal).engineCheck.transcribeUrl(url);
        return { wallMs: performance.now() - started, totalMs: t.timings.totalMs, text: t.text };
      }, CLIP.url);
      if (i > 0) runs.push(run); // the first is the warm-up
    }
    const result = {
      command: ['npm run -s bench:browser', ...(process.argv.length > 2 ? ['--', ...process.argv.slice(2)] : [])].join(' '),
      machine: `${cpus().length} × ${cpus()[0]?.model}`,
      chromium: browser.version(),
      model: flags.model,
      backend: cold.result.backend,
      threads: cold.result.threads,
      coldLoadMs: cold.wallMs,
      cachedLoadMs: cached.wallMs,
      cachedFromCache: cached.result.fromCache,
      clip: { name: 'librivox-sense-and-sensibility-0880.wav', seconds: 2.99, reference: 'he was not an ill disposed young man' },
      transcribeMedianMs: median(runs.map((r) => r.totalMs)),
      transcribeWallMedianMs: median(runs.map((r) => r.wallMs)),
      reps: runs.length,
      text: runs[0]?.text,
    };
    console.log(JSON.stringify(result, null, 1));
    await writeFile(flags.json, JSON.stringify(result, null, 1) + '\n');
  } finally {
    await browser.close();
    server.close();
  }
});
