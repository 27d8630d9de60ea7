/**
 * `npm run -s bench:models`: every model of models/manifest.json side by side in Node, for the
 * models table in docs/BENCHMARKS.md (issue #6): load time, peak memory, and end-to-end latency
 * on the ~3 s benchmark clip (the length of a voice query), on onnxruntime-web WASM (what the
 * browser runs) and onnxruntime-node. Each model runs in a child process of its own, so its
 * peak resident memory (getrusage maxrss) is its own. After loading, the recogniser warms up as
 * the app's worker does (Recognizer.warmUp, src/engine/warm-up.ts); the first query after it is
 * reported on its own, then `--reps` runs. Decoded as the app decodes (its beam width) unless
 * `--beam`. Writes docs/data/bench-models-node.json.
 */
import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { queryClip } from './bench-clips';
import { defineCommand, runCommand } from './command-line';
import { decodeOptionsFromFlags, loadRecognizer, readManifest, recognizerFlags } from './recognizer-options';
import { DEFAULT_PIPELINE_OPTIONS } from '../src/query';
import { cpuName } from './cpu-name';
import { median } from '../src/eval/stats';

const spec = defineCommand({
  usage: 'npm run -s bench:models -- [options]',
  description: 'Load time, peak memory and 3 s query latency of every model, in Node (wasm and node runtimes).',
  flags: {
    models: { type: 'string', value: 'IDS', help: 'comma-separated model ids (default: every model in the manifest)' },
    runtimes: { type: 'string', default: 'wasm,node', value: 'LIST', help: 'runtimes to measure' },
    reps: { type: 'string', default: '5', value: 'N', help: 'measured runs after the warm-up and the first query' },
    threads: { type: 'string', default: String(Math.min(4, cpus().length)), value: 'N', help: 'inference threads' },
    'fit-context': recognizerFlags['fit-context'],
    beam: { type: 'string', default: String(DEFAULT_PIPELINE_OPTIONS.beamSize), value: 'N', help: "beam width (default: the app's; 1 is greedy)" },
    json: { type: 'string', default: 'docs/data/bench-models-node.json', value: 'FILE', help: 'where to write the results' },
    child: { type: 'string', value: 'MODEL:RUNTIME', help: '(internal) measure one model in this process and print JSON' },
  },
  positionals: { min: 0, max: 0, name: '' },
});

export interface ModelBenchRow {
  model: string;
  runtime: string;
  loadMs: number;
  /** Bytes of model files loaded (what the browser downloads once, then keeps in Cache Storage). */
  modelBytes: number;
  /** Peak resident memory of the process that loaded and ran the model, MiB. */
  peakRssMb: number;
  clip: string;
  audioSeconds: number;
  /** Beam width the queries were decoded with. Absent in older files: 1. */
  beamSize?: number;
  /** The warm-up after loading (Recognizer.warmUp), ms. Absent in older files. */
  warmUpMs?: number;
  /** The first query after the warm-up, ms. Absent in older files. */
  firstQueryMs?: number;
  /** Median end-to-end latency (features + encoder + decoder), ms, and the range. */
  medianMs: number;
  minMs: number;
  maxMs: number;
  text: string;
}


async function measureOne(model: string, runtime: string, threads: string, reps: number, fitContext: string, beam: string): Promise<ModelBenchRow> {
  const clip = await queryClip();
  const { recognizer, loadMs, modelBytes } = await loadRecognizer({ model, runtime, threads });
  const decode = decodeOptionsFromFlags({ language: 'en', 'fit-context': fitContext, safeguards: 'on', beam });
  const warmUp = await recognizer.warmUp({ beamSize: decode.beamSize });
  const first = await recognizer.transcribe(clip.audio, decode);
  let text = first.text;
  const times: number[] = [];
  for (let r = 0; r < reps; r++) {
    const t = await recognizer.transcribe(clip.audio, decode);
    times.push(t.timings.totalMs);
    text = t.text;
  }
  await recognizer.release();
  return {
    model,
    runtime,
    loadMs,
    modelBytes,
    beamSize: decode.beamSize,
    warmUpMs: warmUp.ms,
    firstQueryMs: first.timings.totalMs,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    clip: clip.name,
    audioSeconds: clip.audio.length / 16_000,
    medianMs: median(times),
    minMs: Math.min(...times),
    maxMs: Math.max(...times),
    text,
  };
}

await runCommand(spec, async ({ flags }) => {
  const reps = Number(flags.reps);
  if (flags.child) {
    const [model, runtime] = flags.child.split(':');
    console.log(JSON.stringify(await measureOne(model, runtime, flags.threads, reps, flags['fit-context'], flags.beam)));
    return;
  }
  const models = flags.models ? flags.models.split(',') : (await readManifest()).models.map((m) => m.id);
  const rows: ModelBenchRow[] = [];
  const self = fileURLToPath(import.meta.url);
  for (const model of models) {
    for (const runtime of flags.runtimes.split(',')) {
      const out = execFileSync(process.execPath, ['--import', 'tsx', self, '--child', `${model}:${runtime}`, '--reps', String(reps), '--threads', flags.threads, '--fit-context', flags['fit-context'], '--beam', flags.beam], { encoding: 'utf8' });
      const row = JSON.parse(out.trim().split('\n').pop()!) as ModelBenchRow;
      rows.push(row);
      console.log(`${model}\t${runtime}\tload ${row.loadMs.toFixed(0)} ms\tpeak RSS ${row.peakRssMb.toFixed(0)} MiB\t${row.clip}: ${row.medianMs.toFixed(0)} ms (${row.minMs.toFixed(0)}–${row.maxMs.toFixed(0)})\t${row.text}`);
    }
  }
  const command = ['npm run -s bench:models', ...(process.argv.length > 2 ? ['--', ...process.argv.slice(2)] : [])].join(' ');
  await writeFile(flags.json, JSON.stringify({ command, cpu: cpuName(), cores: cpus().length, threads: Number(flags.threads), reps, rows }, null, 1) + '\n');
  console.log(`wrote ${flags.json}`);
});
