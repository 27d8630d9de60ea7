/**
 * `npm run -s bench`: end-to-end latency of our engine against transformers.js on the same
 * npm-shipped model files, side by side in one run, on clips of about 1, 3, 5, 11 and 30 s.
 *
 * Method: every implementation is loaded once, warmed up on the ~3 s clip (LOAD_WARM_UP_RUNS runs
 * each, alternating) and again on each clip; then, per clip, the
 * implementations run in alternating order (A B C, B C A, …) for `--reps` rounds so drift on a
 * shared machine hits all of them alike. Reported per clip and implementation: median and min/max
 * of the total and of each stage we can see, tokens/s, real-time factor, the transformers.js/ours
 * ratio on the same runtime, and the transcript (a fast wrong answer shows). Speed targets live
 * here, never in tests.
 */
import { writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { findModel, type Transcript } from '../src/engine';
import type { DecodeOptions } from '../src/engine';
import { normalizeForWer } from '../src/eval/normalize';
import { wordErrors } from '../src/eval/wer';
import { loadTransformersWhisper } from '../scripts/reference/transformers-whisper';
import { benchClips, LOAD_WARM_UP_RUNS, queryClip } from './bench-clips';
import { stats, type StageStats } from '../src/eval/stats';

export type { StageStats };
import { defineCommand, runCommand } from './command-line';
import { decodeOptionsFromFlags, loadRecognizer, readManifest, recognizerFlags } from './recognizer-options';
import { cpuName } from './cpu-name';

const spec = defineCommand({
  usage: 'npm run -s bench -- [options]',
  description: 'Latency of our engine vs transformers.js (same model files, same runtime), in Node.',
  flags: {
    model: recognizerFlags.model,
    'fit-context': recognizerFlags['fit-context'],
    safeguards: recognizerFlags.safeguards,
    reps: { type: 'string', default: '5', value: 'N', help: 'measured rounds per clip (after one warm-up)' },
    threads: { type: 'string', default: String(Math.min(4, cpus().length)), value: 'N', help: 'inference threads for every implementation' },
    json: { type: 'string', value: 'FILE', help: 'also write the results as JSON (input of `npm run -s bench:report`)' },
  },
  positionals: { min: 0, max: 0, name: '' },
});

interface Run {
  totalMs: number;
  featuresMs?: number;
  encoderMs?: number;
  decoderMs?: number;
  tokens?: number;
  text: string;
}

interface Implementation {
  name: string;
  runtime: 'onnxruntime-node' | 'onnxruntime-web (wasm)';
  run(audio: Float32Array): Promise<Run>;
  release(): Promise<void>;
  loadMs: number;
  rssAfterLoadMb: number;
}

function ours(t: Transcript): Run {
  return {
    totalMs: t.timings.totalMs,
    featuresMs: t.timings.featuresMs,
    encoderMs: t.timings.encoderMs,
    decoderMs: t.timings.decoderMs,
    tokens: t.tokens.length,
    text: t.text,
  };
}

const rssMb = () => process.memoryUsage().rss / 2 ** 20;

async function loadImplementations(modelId: string, threads: string, decode: Partial<DecodeOptions>): Promise<Implementation[]> {
  const impls: Implementation[] = [];
  for (const runtime of ['node', 'wasm'] as const) {
    const { recognizer, loadMs } = await loadRecognizer({ model: modelId, runtime, threads });
    impls.push({
      name: `ours (${runtime === 'node' ? 'onnxruntime-node' : 'onnxruntime-web wasm'})`,
      runtime: runtime === 'node' ? 'onnxruntime-node' : 'onnxruntime-web (wasm)',
      run: async (audio) => ours(await recognizer.transcribe(audio, decode)),
      release: () => recognizer.release(),
      loadMs,
      rssAfterLoadMb: rssMb(),
    });
  }
  const started = performance.now();
  const reference = await loadTransformersWhisper(findModel(await readManifest(), modelId), { threads: Number(threads) });
  impls.push({
    name: 'transformers.js (onnxruntime-node)',
    runtime: 'onnxruntime-node',
    run: async (audio) => {
      const t0 = performance.now();
      const text = await reference.transcribe(audio);
      return { totalMs: performance.now() - t0, text };
    },
    release: () => reference.release(),
    loadMs: performance.now() - started,
    rssAfterLoadMb: rssMb(),
  });
  return impls;
}


export interface BenchRow {
  clip: string;
  audioSeconds: number;
  implementation: string;
  runtime: string;
  totalMs: StageStats;
  featuresMs?: StageStats;
  encoderMs?: StageStats;
  decoderMs?: StageStats;
  tokensPerSecond?: number;
  realTimeFactor: number;
  /** transformers.js median / this median, on the same runtime (only for our rows on onnxruntime-node). */
  speedupVsTransformers?: number;
  wordErrors: number;
  text: string;
}

const fmt = (s?: StageStats) => (s ? `${s.median.toFixed(0)} (${s.min.toFixed(0)}–${s.max.toFixed(0)})` : '—');

await runCommand(spec, async ({ flags }) => {
  const reps = Number(flags.reps);
  if (!Number.isInteger(reps) || reps < 1) throw new Error(`--reps must be a positive integer, got '${flags.reps}'`);
  const cpu = cpuName();
  const header = `# bench: ${flags.model}, ${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${flags.threads} threads, ${reps} reps after ${LOAD_WARM_UP_RUNS} warm-up runs on the ~3 s clip and 1 per clip`;
  console.log(header);
  const impls = await loadImplementations(flags.model, flags.threads, decodeOptionsFromFlags({ ...flags, language: 'en' }));
  for (const impl of impls) console.log(`# loaded ${impl.name} in ${impl.loadMs.toFixed(0)} ms; process RSS ${impl.rssAfterLoadMb.toFixed(0)} MB`);

  const warmUpClip = await queryClip();
  for (let r = 0; r < LOAD_WARM_UP_RUNS; r++) for (const impl of impls) await impl.run(warmUpClip.audio);

  const rows: BenchRow[] = [];
  for (const clip of await benchClips()) {
    const audioSeconds = clip.audio.length / 16_000;
    const runs = new Map<string, Run[]>(impls.map((i) => [i.name, []]));
    for (const impl of impls) await impl.run(clip.audio); // warm-up
    for (let r = 0; r < reps; r++) {
      for (let k = 0; k < impls.length; k++) {
        const impl = impls[(r + k) % impls.length];
        runs.get(impl.name)!.push(await impl.run(clip.audio));
      }
    }
    const clipRows = impls.map((impl): BenchRow => {
      const rs = runs.get(impl.name)!;
      const total = stats(rs.map((x) => x.totalMs));
      const decoder = rs[0].decoderMs !== undefined ? stats(rs.map((x) => x.decoderMs!)) : undefined;
      return {
        clip: clip.name,
        audioSeconds,
        implementation: impl.name,
        runtime: impl.runtime,
        totalMs: total,
        featuresMs: rs[0].featuresMs !== undefined ? stats(rs.map((x) => x.featuresMs!)) : undefined,
        encoderMs: rs[0].encoderMs !== undefined ? stats(rs.map((x) => x.encoderMs!)) : undefined,
        decoderMs: decoder,
        tokensPerSecond: decoder && rs[0].tokens !== undefined ? ((rs[0].tokens + 1) * 1000) / decoder.median : undefined,
        realTimeFactor: total.median / 1000 / audioSeconds,
        wordErrors: (({ substitutions, deletions, insertions }) => substitutions + deletions + insertions)(
          wordErrors(normalizeForWer(clip.reference), normalizeForWer(rs[0].text)),
        ),
        text: rs[0].text,
      };
    });
    const reference = clipRows.find((r) => r.implementation.startsWith('transformers.js'))!;
    for (const row of clipRows) {
      if (row !== reference && row.runtime === reference.runtime) row.speedupVsTransformers = reference.totalMs.median / row.totalMs.median;
    }
    rows.push(...clipRows);

    console.log(`\n## ${clip.name} — reference: "${clip.reference}"`);
    console.log('| implementation | total ms median (min–max) | features | encoder | decoder | tokens/s | RTF | ×faster than transformers.js | word errors | transcript |');
    console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
    for (const r of clipRows) {
      console.log(
        `| ${r.implementation} | ${fmt(r.totalMs)} | ${fmt(r.featuresMs)} | ${fmt(r.encoderMs)} | ${fmt(r.decoderMs)} | ${r.tokensPerSecond?.toFixed(1) ?? '—'} | ${r.realTimeFactor.toFixed(3)} | ${r.speedupVsTransformers?.toFixed(2) ?? '—'} | ${r.wordErrors} | ${r.text} |`,
      );
    }
  }
  for (const impl of impls) await impl.release();
  if (flags.json) {
    await writeFile(flags.json, JSON.stringify({ header, model: flags.model, cpu, cores: cpus().length, threads: Number(flags.threads), reps, loads: impls.map((i) => ({ name: i.name, loadMs: i.loadMs, rssAfterLoadMb: i.rssAfterLoadMb })), rows }, null, 1));
    console.log(`\nwrote ${flags.json}`);
  }
});
