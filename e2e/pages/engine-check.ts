/**
 * The engine check page's script: the real engine client, with no UI, on `window.engineCheck`.
 * Only e2e/worker.spec.ts uses it; the app itself never loads this page.
 */
import { decodeWav, toMono16k } from '../../src/engine';
import { createEngineClient } from '../../src/worker/engine-client';
import { sha256Hex } from '../../src/worker/model-files';
import type { LoadProgress } from '../../src/worker/engine-api';
import type { CheckPageGlobal, EngineCheck } from './engine-check-api';

const client = createEngineClient();

async function fetchBytes(url: string): Promise<Uint8Array<ArrayBuffer>> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

const engineCheck: EngineCheck = {
  async load(request) {
    const progress: LoadProgress[] = [];
    const result = await client.load(request, (p) => progress.push(p));
    return { result, progress };
  },
  async transcribeUrl(url) {
    return client.transcribe(toMono16k(decodeWav(await fetchBytes(url))));
  },
  warmUp: (request) => client.warmUp(request),
  async transcribeDuringWarmUp(url) {
    const pcm = toMono16k(decodeWav(await fetchBytes(url)));
    const settled: ('warm-up' | 'transcript')[] = [];
    const warmUp = client.warmUp().then((report) => (settled.push('warm-up'), report));
    const transcript = client.transcribe(pcm).then((t) => (settled.push('transcript'), t));
    return { warmUp: await warmUp, transcript: await transcript, settled };
  },
  status: () => client.status(),
  unload: () => client.unload(),
  async sha256Ms(url) {
    const bytes = await fetchBytes(url);
    const started = performance.now();
    await sha256Hex(bytes);
    return { bytes: bytes.byteLength, ms: performance.now() - started };
  },
  async webGpuAdapter() {
    const gpu = (navigator as { gpu?: { requestAdapter(): Promise<unknown> } }).gpu;
    return !!gpu && (await gpu.requestAdapter().catch(() => null)) != null;
  },
};

(globalThis as unknown as CheckPageGlobal).engineCheck = engineCheck;
const state = document.getElementById('state');
if (state) state.textContent = 'ready';
