/**
 * The voice search page end to end: the production build, the real model, real Chromium.
 * Spoken queries are WAV files played as Chromium's fake microphone (e2e/fixtures/README.md);
 * the file is a command-line flag, so each one gets its own browser launch. No assertion depends
 * on wall-clock time: waits are for states, with generous timeouts for a busy 2-core machine.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, expect, test, type Browser, type Page } from '@playwright/test';
import config from '../playwright.config';
import { decodeWav } from '../src/engine/audio/wav';
import { encodeWav } from '../src/engine/audio/wav-encode';
import { normalizeForWer } from '../src/eval/normalize';
import { fromExportJson } from '../src/monitoring/export';
import { wordErrors } from '../src/eval/wer';

const FIXTURES = fileURLToPath(new URL('./fixtures/', import.meta.url));

/** Model loading and recognition on a shared 2-core machine: allow minutes, not seconds. */
const MODEL_TIMEOUT = 150_000;
test.setTimeout(300_000);

/** The launch options playwright.config.ts gives every test (our Chromium, no outside traffic). */
function baseLaunchOptions() {
  const launchOptions = config.projects?.[0]?.use?.launchOptions;
  if (!launchOptions?.executablePath) throw new Error('playwright.config.ts names no Chromium executable');
  return { executablePath: launchOptions.executablePath, args: launchOptions.args ?? [] };
}

/** A browser whose microphone plays `wav` once (Chromium 156 then goes on with a steady tone). */
function launchWithMicrophone(wav: string): Promise<Browser> {
  const { executablePath, args } = baseLaunchOptions();
  return chromium.launch({
    executablePath,
    args: [
      ...args,
      '--use-fake-ui-for-media-stream',
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-audio-capture=${wav}%noloop`,
    ],
  });
}

const searchBox = (page: Page) => page.getByRole('searchbox', { name: 'Search' });
const voiceButton = (page: Page) => page.getByRole('button', { name: 'Voice search' });
const results = (page: Page) => page.getByRole('list', { name: 'Results' }).getByRole('listitem');
const statusLine = (page: Page) => page.getByRole('status');

/** Waits until the model says which backend it runs on, i.e. it is loaded. */
async function waitForModel(page: Page, name = 'Moonshine tiny (8-bit)'): Promise<void> {
  await expect(page.getByText(`${name} · `)).toBeVisible({ timeout: MODEL_TIMEOUT });
  await expect(page.getByText(/WebAssembly \(WASM\), \d+ threads?|WebGPU;/)).toBeVisible();
}

/** The first `count` results' text. */
async function topResults(page: Page, count = 3): Promise<string[]> {
  return (await results(page).allInnerTexts()).slice(0, count);
}

async function expectInTopThree(page: Page, name: string, where: string): Promise<void> {
  await expect
    .poll(async () => (await topResults(page)).some((text) => text.includes(name) && text.includes(where)), {
      message: `${name} (${where}) in the top three results`,
      timeout: 60_000,
    })
    .toBe(true);
}

/** Spoken fixtures (scripts/e2e-fixtures/make-spoken-queries.sh), what the box should say, the place. */
const SPOKEN_QUERIES: { file: string; text: string; name: string; where: string }[] = [
  { file: 'paris.wav', text: 'paris', name: 'Paris', where: 'France' },
  { file: 'tokyo.wav', text: 'tokyo', name: 'Tokyo', where: 'Japan' },
  { file: 'london.wav', text: 'london', name: 'London', where: 'United Kingdom' },
  { file: 'berlin.wav', text: 'berlin', name: 'Berlin', where: 'Germany' },
  { file: 'madrid.wav', text: 'madrid', name: 'Madrid', where: 'Spain' },
  { file: 'toronto.wav', text: 'toronto', name: 'Toronto', where: 'Canada' },
  { file: 'chicago.wav', text: 'chicago', name: 'Chicago', where: 'United States' },
  { file: 'japan.wav', text: 'japan', name: 'Japan', where: 'Asia' },
  { file: 'mexico-city.wav', text: 'mexico city', name: 'Mexico City', where: 'Mexico' },
  { file: 'hotels-in-amsterdam.wav', text: 'hotels in amsterdam', name: 'Amsterdam', where: 'Netherlands' },
];

for (const spoken of SPOKEN_QUERIES) {
  test(`spoken query “${spoken.text}” fills the box and finds ${spoken.name}`, async ({ baseURL }) => {
    const browser = await launchWithMicrophone(`${FIXTURES}${spoken.file}`);
    try {
      const page = await browser.newPage({ baseURL });
      await page.goto('/');
      await waitForModel(page);
      await voiceButton(page).click();
      await expect(voiceButton(page)).toHaveAttribute('aria-pressed', 'true');
      // The first transcript settles it: accepted (the box is filled), rejected or failed.
      await expect(statusLine(page)).toContainText(/recognised in \d+ ms|Didn't catch that|Couldn't transcribe/, { timeout: MODEL_TIMEOUT });
      const status = await statusLine(page).innerText();
      // The box fills once the search worker's pipeline has answered (rescoring, correction,
      // verification: src/query/spoken-query.ts), a moment after the transcript.
      await expect
        .poll(async () => normalizeForWer(await searchBox(page).inputValue()), { message: `search box (status: ${status})`, timeout: 60_000 })
        .toBe(spoken.text);
      await expectInTopThree(page, spoken.name, spoken.where);
      if (spoken.file === 'hotels-in-amsterdam.wav') {
        await page.screenshot({ path: 'test-results/voice-search-page.png', fullPage: true });
      }
      // Pressing it again stops listening.
      await voiceButton(page).click();
      await expect(voiceButton(page)).toHaveAttribute('aria-pressed', 'false');
      if (spoken.file === 'hotels-in-amsterdam.wav') {
        // The query log keeps how much of what the microphone gave was speech, by the detector's frames.
        await page.getByRole('link', { name: 'Monitoring' }).click();
        const download = page.waitForEvent('download');
        await page.getByRole('button', { name: 'Export JSON' }).click();
        const [record] = fromExportJson(readFileSync(await (await download).path(), 'utf8'));
        expect(record!.speechShare).toBeGreaterThan(0.3);
        expect(record!.speechShare).toBeLessThanOrEqual(1);
      }
    } finally {
      await browser.close();
    }
  });
}

test('typing searches, and each result says why it matched, its country and population', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto('/');
  await expect(page.getByText('Ctrl+Shift+Space', { exact: false })).toBeVisible();
  await searchBox(page).fill('barcelona');
  await expectInTopThree(page, 'Barcelona', 'Spain');
  const first = results(page).first();
  await expect(first).toContainText(/population \d/);
  await expect(first).toContainText('“barcelona” · name · exact');
  await searchBox(page).fill('reykj');
  await expect(results(page).first()).toContainText('Reykjav');
  await expect(results(page).first()).toContainText('prefix');
  expect(errors).toEqual([]);
});

test('the keyboard shortcut starts and stops voice search', async ({ baseURL }) => {
  const browser = await launchWithMicrophone(`${FIXTURES}noise-only.wav`);
  try {
    const page = await browser.newPage({ baseURL });
    await page.goto('/');
    await searchBox(page).focus();
    await page.keyboard.press('Control+Shift+Space');
    await expect(voiceButton(page)).toHaveAttribute('aria-pressed', 'true');
    await expect(statusLine(page)).toContainText('Listening', { timeout: 60_000 });
    await page.keyboard.press('Control+Shift+Space');
    await expect(voiceButton(page)).toHaveAttribute('aria-pressed', 'false');
    await expect(searchBox(page)).toHaveValue('');
  } finally {
    await browser.close();
  }
});

test('an uploaded audio file is transcribed and searched', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Transcribe an audio file…').setInputFiles(`${FIXTURES}tokyo.wav`);
  await expect.poll(async () => normalizeForWer(await searchBox(page).inputValue()), { timeout: MODEL_TIMEOUT }).toBe('tokyo');
  await expectInTopThree(page, 'Tokyo', 'Japan');
});

test('an unreadable uploaded file gets a clear message', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Transcribe an audio file…').setInputFiles({
    name: 'notes.wav',
    mimeType: 'audio/wav',
    buffer: Buffer.from('this is not audio at all'),
  });
  await expect(statusLine(page)).toContainText('Couldn\'t read “notes.wav”: it is not audio this browser can decode');
  await searchBox(page).fill('lisbon');
  await expectInTopThree(page, 'Lisbon', 'Portugal');
});

test('microphone permission denied: a clear message, typing still works, and voice search works once it is granted', async ({ baseURL }) => {
  // A fake device but no fake permission prompt: headless Chromium denies the permission.
  const { executablePath, args } = baseLaunchOptions();
  const browser = await chromium.launch({ executablePath, args: [...args, '--use-fake-device-for-media-stream'] });
  try {
    const context = await browser.newContext({ baseURL, permissions: [] });
    const page = await context.newPage();
    await page.goto('/');
    await voiceButton(page).click();
    await expect(statusLine(page)).toContainText('Microphone access was denied', { timeout: 60_000 });
    await expect(voiceButton(page)).toHaveAttribute('aria-pressed', 'false');
    await searchBox(page).fill('tokyo');
    await expectInTopThree(page, 'Tokyo', 'Japan');
    // The person allows it in the site settings; pressing the button again listens, no reload.
    await context.grantPermissions(['microphone']);
    await voiceButton(page).click();
    await expect(voiceButton(page)).toHaveAttribute('aria-pressed', 'true');
    await expect(statusLine(page)).toContainText('Listening', { timeout: 60_000 });
    await expect(statusLine(page)).not.toContainText('denied');
  } finally {
    await browser.close();
  }
});

test('the microphone unplugged while listening: voice search stops and says so, what was said so far is searched, and it listens again when pressed', async ({ baseURL }, testInfo) => {
  const wav = padded(fileURLToPath(new URL('../fixtures/audio/jfk.wav', import.meta.url)), 0.5, 3, testInfo.outputPath('jfk-padded.wav'));
  const browser = await launchWithMicrophone(wav);
  try {
    const page = await browser.newPage({ baseURL });
    // The page's microphone streams, so the test can end their tracks as an unplugged device does.
    await page.addInitScript(() => {
      const open = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
      const streams: MediaStream[] = [];
      (globalThis as unknown as { microphoneStreams: MediaStream[] }).microphoneStreams = streams;
      navigator.mediaDevices.getUserMedia = async (constraints) => {
        const stream = await open(constraints);
        streams.push(stream);
        return stream;
      };
    });
    await page.goto('/');
    await waitForModel(page);
    await voiceButton(page).click();
    // Unplugged in the middle of "And so, my fellow Americans" (speech from 0.5 s; its first pause at 2.8 s).
    const meter = page.getByRole('meter', { name: 'Input level' });
    await expect.poll(async () => Number(await meter.getAttribute('data-heard-ms')), { timeout: MODEL_TIMEOUT }).toBeGreaterThan(2_200);
    await page.evaluate(() => {
      for (const stream of (globalThis as unknown as { microphoneStreams: MediaStream[] }).microphoneStreams) {
        for (const track of stream.getAudioTracks()) {
          // What the browser does when the device goes: the track stops and fires 'ended'.
          track.stop();
          track.dispatchEvent(new Event('ended'));
        }
      }
    });
    await expect(statusLine(page)).toContainText('The microphone was disconnected, so voice search stopped', { timeout: 60_000 });
    await expect(voiceButton(page)).toHaveAttribute('aria-pressed', 'false');
    // The speech heard before it went was handed over and searched (cut where the device went: "America…").
    await expect.poll(async () => normalizeForWer(await searchBox(page).inputValue()), { timeout: MODEL_TIMEOUT }).toMatch(/my fellow america/);
    await searchBox(page).fill('lisbon');
    await expectInTopThree(page, 'Lisbon', 'Portugal');
    // Connected again: pressing the button listens (the fake device plays the file from its start).
    await voiceButton(page).click();
    await expect(voiceButton(page)).toHaveAttribute('aria-pressed', 'true');
    await expect(statusLine(page)).toContainText(/Listening|Still listening/, { timeout: 60_000 });
    await expect(statusLine(page)).not.toContainText('disconnected');
  } finally {
    await browser.close();
  }
});

/**
 * Opens the page, waits for the model, listens until the detector has processed `heardMs` of audio
 * (audio time, not wall time), and until everything it passed on has been transcribed.
 */
async function listenUntilHeard(page: Page, heardMs: number): Promise<void> {
  await page.goto('/');
  await waitForModel(page);
  await voiceButton(page).click();
  const meter = page.getByRole('meter', { name: 'Input level' });
  await expect.poll(async () => Number(await meter.getAttribute('data-heard-ms')), { timeout: MODEL_TIMEOUT }).toBeGreaterThan(heardMs);
  await expect(statusLine(page)).not.toContainText(/Transcribing|Speech detected/, { timeout: MODEL_TIMEOUT });
}

test('noise only: no query is made up', async ({ baseURL }) => {
  const browser = await launchWithMicrophone(`${FIXTURES}noise-only.wav`);
  try {
    const page = await browser.newPage({ baseURL });
    // The whole 11.5 s file and a little more; anything passed on has been transcribed (and rejected) by then.
    await listenUntilHeard(page, 13_000);
    await expect(searchBox(page)).toHaveValue('');
    await expect(results(page)).toHaveCount(0);
  } finally {
    await browser.close();
  }
});

/** `file` (16 kHz mono) with `beforeS` and `afterS` of digital silence around it, written to `out`. */
function padded(file: string, beforeS: number, afterS: number, out: string): string {
  const { sampleRate, channels } = decodeWav(new Uint8Array(readFileSync(file)));
  const pcm = new Float32Array(Math.round((beforeS + afterS) * sampleRate) + channels[0]!.length);
  pcm.set(channels[0]!, Math.round(beforeS * sampleRate));
  writeFileSync(out, encodeWav({ sampleRate, channels: [pcm] }));
  return out;
}

test('a sentence said with pauses longer than the detector waits is one query: jfk.wav ends whole in the box', async ({ baseURL }, testInfo) => {
  // jfk.wav's pauses (1.2 s and 1.1 s from the voice stopping, `npm run -s pauses`) each end an
  // utterance (in Chromium "ask not" is even let go as too short); each part continues the query,
  // recognised whole with everything heard since it began (src/audio/query-joining.ts).
  const reference = normalizeForWer('And so, my fellow Americans, ask not what your country can do for you, ask what you can do for your country.');
  const wav = padded(fileURLToPath(new URL('../fixtures/audio/jfk.wav', import.meta.url)), 0.5, 3, testInfo.outputPath('jfk-padded.wav'));
  const browser = await launchWithMicrophone(wav);
  try {
    const page = await browser.newPage({ baseURL });
    await listenUntilHeard(page, 14_500);
    // Every part has been transcribed: what the box holds now is the last, the whole sentence.
    let box = '';
    const errorRate = async () => {
      box = await searchBox(page).inputValue();
      const e = wordErrors(reference, normalizeForWer(box));
      return (e.substitutions + e.deletions + e.insertions) / e.referenceWords;
    };
    await expect
      .poll(errorRate, { message: 'word error rate of the search box against jfk.wav', timeout: 60_000 })
      .toBeLessThanOrEqual(0.15)
      .catch((failure: Error) => {
        throw new Error(`the search box holds “${box}”: ${failure.message}`);
      });
    await expect(statusLine(page)).toContainText(/recognised in \d+ ms/);
  } finally {
    await browser.close();
  }
});

test('a missing model file: a message naming it, Retry, and the rest of the page works', async ({ page, context }) => {
  // On WASM the app reads the encoder's optimised graph (src/engine/session-files.ts).
  const missing = '/models/moonshine-tiny-q8/encoder_model.optimized.onnx';
  // The context's route also sees the worker's requests.
  await context.route(`**${missing}`, (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' }));
  await page.goto('/');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText(missing, { timeout: MODEL_TIMEOUT });
  await expect(alert).toContainText('404');
  await searchBox(page).fill('madrid');
  await expectInTopThree(page, 'Madrid', 'Spain');

  await context.unroute(`**${missing}`);
  await alert.getByRole('button', { name: 'Retry' }).click();
  await waitForModel(page);
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('a model file that fails in the middle of a session, with a 500 and then cut short: each is named, typing works, and the model loads once the fault goes', async ({ page, context }) => {
  await page.goto('/');
  await waitForModel(page);
  // Whisper tiny's decoder, whichever of its files the app reads (the one the manifest names for it).
  const decoder = '**/models/whisper-tiny-q8/decoder_model_merged_quantized*';
  let fault: 'server-error' | 'cut-short' = 'server-error';
  await context.route(decoder, async (route) => {
    if (fault === 'server-error') return route.fulfill({ status: 500, contentType: 'text/plain', body: 'internal error' });
    const real = await route.fetch();
    const body = await real.body();
    return route.fulfill({ status: 200, contentType: 'application/octet-stream', body: body.subarray(0, body.length >> 1) });
  });
  await page.getByText('Settings', { exact: true }).click();
  await page.getByLabel('Model', { exact: true }).selectOption('whisper-tiny-q8');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText(/could not load model file \/models\/whisper-tiny-q8\/decoder_model_merged_quantized\S*: HTTP 500/, { timeout: MODEL_TIMEOUT });
  await searchBox(page).fill('madrid');
  await expectInTopThree(page, 'Madrid', 'Spain');

  fault = 'cut-short';
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(alert).toContainText(/decoder_model_merged_quantized\S*: (the server sends|got) \d+ bytes, the manifest expects \d+/, { timeout: MODEL_TIMEOUT });

  await context.unroute(decoder);
  await alert.getByRole('button', { name: 'Retry' }).click();
  await waitForModel(page, 'Whisper tiny (8-bit)');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.getByLabel('Transcribe an audio file…').setInputFiles(`${FIXTURES}tokyo.wav`);
  await expect.poll(async () => normalizeForWer(await searchBox(page).inputValue()), { timeout: MODEL_TIMEOUT }).toBe('tokyo');
});

test('a reload takes the model from Cache Storage without downloading it again', async ({ page, context }) => {
  const modelRequests: string[] = [];
  context.on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith('/models/')) modelRequests.push(request.url());
  });
  await page.goto('/');
  await waitForModel(page);
  expect(modelRequests.length).toBeGreaterThan(0);

  modelRequests.length = 0;
  await page.reload();
  await waitForModel(page);
  await expect(page.getByText(/model from the browser cache/)).toBeVisible();
  expect(modelRequests).toEqual([]);
});

test('settings persist, and switching the model needs no reload', async ({ page }) => {
  await page.goto('/');
  await waitForModel(page);
  await page.getByText('Settings', { exact: true }).click();
  await page.getByLabel('Model', { exact: true }).selectOption('whisper-base-q8');
  await waitForModel(page, 'Whisper base (8-bit)');
  await page.getByLabel('Compute backend').selectOption('wasm');
  await waitForModel(page, 'Whisper base (8-bit)');
  await page.reload();
  await page.getByText('Settings', { exact: true }).click();
  await expect(page.getByLabel('Model', { exact: true })).toHaveValue('whisper-base-q8');
  await expect(page.getByLabel('Compute backend')).toHaveValue('wasm');
  await expect(page.getByLabel('Language')).toHaveValue('en');
});

test('switching to Whisper: an uploaded query is transcribed by the other model family', async ({ page }) => {
  await page.goto('/');
  await waitForModel(page);
  await page.getByText('Settings', { exact: true }).click();
  await page.getByLabel('Model', { exact: true }).selectOption('whisper-tiny-q8');
  await waitForModel(page, 'Whisper tiny (8-bit)');
  await page.getByLabel('Transcribe an audio file…').setInputFiles(`${FIXTURES}hotels-in-amsterdam.wav`);
  await expect.poll(async () => normalizeForWer(await searchBox(page).inputValue()), { timeout: MODEL_TIMEOUT }).toBe('hotels in amsterdam');
  await expectInTopThree(page, 'Amsterdam', 'Netherlands');
});
