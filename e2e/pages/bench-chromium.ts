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
import type { BenchChromium, BenchPageGlobal, BenchTranscription } from './bench-chromium-api';
import type { TransformersWorkerApi } from './transformers.worker';

const ours = createEngineClient();
const transformers = wrap<TransformersWorkerApi>(
  new Worker(new URL('./transformers.worker.ts', import.meta.url), { type: 'module', name: 'transformers.js' }),
);
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
  async loadTransformers(request) {
    const started = performance.now();
    const result = await transformers.load(request);
    return { result, pageMs: performance.now() - started };
  },
  async loadClip(url) {
    const response = await fetch(url);
    if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
    const samples = new Float32Array(await response.arrayBuffer());
    clips.set(url, samples);
    return { samples: samples.length };
  },
  async transcribe(implementation, clipUrl): Promise<BenchTranscription> {
    const pcm = clip(clipUrl).slice();
    const started = performance.now();
    if (implementation === 'ours') {
      const t = await ours.transcribe(pcm);
      const pageMs = performance.now() - started;
      return { pageMs, workerMs: t.timings.totalMs, text: t.text, stages: t.timings, tokens: t.tokens.length, stopReason: t.stopReason };
    }
    const t = await transformers.transcribe(transfer(pcm, [pcm.buffer]));
    const pageMs = performance.now() - started;
    return { pageMs, workerMs: t.workerMs, text: t.text };
  },
};

(globalThis as unknown as BenchPageGlobal).benchChromium = benchChromium;
const state = document.getElementById('state');
if (state) state.textContent = 'ready';
