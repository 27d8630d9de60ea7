/**
 * How long verification adds to a spoken query (src/query/spoken-query.ts answerVerified less
 * answerSpokenQuery): candidate generation plus the recogniser listening again, on the tuning
 * half of the query set, with the app's pipeline. Prints the median and p95 in milliseconds;
 * wall clock on whatever else the machine is doing.
 *
 *   npx tsx scripts/queries/verification-latency.ts [--runtime wasm] [--limit 40] [--candidates 8]
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readAudioFile } from '../../cli/audio-file';
import { defineCommand, runCommand } from '../../cli/command-line';
import { loadRecognizer, recognizerFlags } from '../../cli/recognizer-options';
import { loadSpokenPipeline } from '../../cli/spoken-pipeline';
import { median, quantile } from '../../src/eval/stats';
import { DEFAULT_PIPELINE_OPTIONS } from '../../src/query';
import { DEFAULT_QUERY_SET_OPTIONS, type SpokenQuery } from './make-query-set';

const spec = defineCommand({
  usage: 'npx tsx scripts/queries/verification-latency.ts [options]',
  description: 'Milliseconds verification adds per spoken query (median, p95), tuning half.',
  flags: {
    model: { ...recognizerFlags.model, default: DEFAULT_PIPELINE_OPTIONS.modelId },
    runtime: recognizerFlags.runtime,
    threads: recognizerFlags.threads,
    limit: { type: 'string', default: '40', value: 'N', help: 'tuning utterances to time' },
    candidates: { type: 'string', default: String(DEFAULT_PIPELINE_OPTIONS.verify.maxCandidates), value: 'N', help: 'candidates scored per query' },
  },
  positionals: { min: 0, max: 0, name: '' },
});

await runCommand(spec, async ({ flags }) => {
  const dir = DEFAULT_QUERY_SET_OPTIONS.outDir;
  const queries = (JSON.parse(await readFile(join(dir, 'queries.json'), 'utf8')) as SpokenQuery[]).filter((q) => q.split === 'tune').slice(0, Number(flags.limit));
  const [pipeline, { recognizer, runtime }] = await Promise.all([loadSpokenPipeline(), loadRecognizer(flags)]);
  const steps = { ...DEFAULT_PIPELINE_OPTIONS, verify: { ...DEFAULT_PIPELINE_OPTIONS.verify, maxCandidates: Number(flags.candidates) } };
  const added: number[] = [];
  const recognition: number[] = [];
  for (const q of queries) {
    const t = await recognizer.transcribe(await readAudioFile(join(dir, q.path)), { beamSize: DEFAULT_PIPELINE_OPTIONS.beamSize });
    recognition.push(t.timings.totalMs);
    const a = performance.now();
    pipeline.answer(t, { ...steps, verification: false }, 10);
    const b = performance.now();
    await pipeline.answerVerified(t, steps, 10, recognizer, t.heardId);
    const c = performance.now();
    added.push(c - b - (b - a));
  }
  await recognizer.release();
  const f = (x: number) => x.toFixed(0);
  console.log(`${flags.model} on ${runtime.description}, ${added.length} queries, ${flags.candidates} candidates: verification adds ${f(median(added))} ms median, ${f(quantile(added, 0.95))} ms p95 (recognition ${f(median(recognition))} ms median)`);
});
