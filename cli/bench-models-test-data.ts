/** Rows and files of the models benchmarks for their tests: figures of a real run, rounded. */
import type { ChromiumModelRow, ChromiumModelsResult } from './bench-models-data';

export const chromiumRow = (model: string, over: Partial<ChromiumModelRow> = {}): ChromiumModelRow => ({
  model,
  backend: 'wasm',
  threads: 2,
  coldLoadMs: 6434.2,
  cachedLoadMs: 6193.9,
  fromCache: true,
  coldPeakRssMb: 700.4,
  peakRssMb: 812.6,
  clip: '3.0 s (librivox)',
  audioSeconds: 2.99,
  reference: 'he was not an ill disposed young man',
  totalMs: { median: 477.4, min: 462.1, max: 964.9 },
  workerMs: { median: 473, min: 460, max: 963 },
  text: 'He was not an ill-disposed young man.',
  wordErrors: 0,
  stopReason: 'end-of-text',
  textVaried: false,
  ...over,
});

export const chromium = (rows: ChromiumModelRow[]): ChromiumModelsResult => ({
  command: 'npm run -s bench:browser-models -- --reps 3',
  machine: '2 × AMD EPYC',
  loadAverage: { start: 4.4, end: 3.9 },
  chromium: '156.0.8078.108',
  onnxruntimeWeb: '1.30.0',
  reps: 3,
  memory: 'Memory is the renderer peak.',
  rows,
});
