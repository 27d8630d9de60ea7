/**
 * The Chromium benchmark page's script: our recognition worker (the production engine client) and
 * transformers.js (transformers.worker.ts) in the same cross-origin isolated page, on
 * `window.benchChromium`. Only cli/bench-browser.ts uses it; the app never loads this page.
 *
 * Both are timed the same way, in the page, from handing over a fresh copy of the same samples to
 * receiving the text: the latency after the end of speech, when the voice activity detector hands
 * the utterance to the worker.
 */
import { transfer, wrap } from 'comlink';
import { createEngineClient } from '../../src/worker/engine-client';
import { ONLY_OURS_QUERY, type BenchChromium, type BenchPageGlobal, type BenchTranscription } from './bench-chromium-api';
import type { TransformersWorkerApi } from './transformers.worker';

const ours = createEngineClient();
// `?only=ours` (cli/bench-browser-models.ts): no transformers.js worker in the page at all.
const onlyOurs = location.search.slice(1).split('&').includes(ONLY_OURS_QUERY);
const transformersWorker = onlyOurs
  ? undefined
  : wrap<TransformersWorkerApi>(new Worker(new URL('./transformers.worker.ts', import.meta.url), { type: 'module', name: 'transformers.js' }));
function transformers(): NonNullable<typeof transformersWorker> {
  if (!transformersWorker) throw new Error(`bench-chromium.html?${ONLY_OURS_QUERY} has no transformers.js worker`);
  return transformersWorker;
}
const clips = new Map<string, Float32Array>();

function clip(url: string): Float32Array {
  const samples = clips.get(url);
  if (!samples) throw new Error(`${url}: loadClip() first`);
  return samples;
}

const benchChromium: BenchChromium = {
  async loadOurs(modelId) {
    const started = performance.now();
    const result = await ours.load({ modelId, backend: 'wasm' });
    return { result, pageMs: performance.now() - started };
  },
  warmUpOurs: (request) => ours.warmUp(request),
  async loadTransformers(request) {
    const started = performance.now();
    const result = await transformers().load(request);
    return { result, pageMs: performance.now() - started };
  },
  async loadClip(url) {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    const samples = new Float32Array(await response.arrayBuffer());
    clips.set(url, samples);
    return { samples: samples.length };
  },
  async transcribe(implementation, clipUrl, options): Promise<BenchTranscription> {
    const pcm = clip(clipUrl).slice();
    const started = performance.now();
    if (implementation === 'ours') {
      const t = await ours.transcribe(pcm, options);
      const pageMs = performance.now() - started;
      return { pageMs, workerMs: t.timings.totalMs, text: t.text, stages: t.timings, tokens: t.tokens.length, stopReason: t.stopReason };
    }
    const t = await transformers().transcribe(transfer(pcm, [pcm.buffer]));
    const pageMs = performance.now() - started;
    return { pageMs, workerMs: t.workerMs, text: t.text };
  },
  unloadOurs: () => ours.unload(),
};

(globalThis as unknown as BenchPageGlobal).benchChromium = benchChromium;
const state = document.getElementById('state');
if (state) state.textContent = 'ready';
