/**
 * How long transcript correction takes on the full catalogue: loading the sound index from the
 * staged catalogue's columns (what the search worker does at startup), and correcting each
 * transcript of the given files. Prints CPU and wall figures and the slowest transcripts.
 *
 *   npx tsx scripts/queries/correction-bench.ts /tmp/acc/whisper-tiny-q8.json [more.jsonl ...] [--rounds 3]
 *
 * Transcript files are JSON lines from `npm run -s eval -- --out` (path, hypothesis). Run
 * `npm run -s catalogue` first. Figures are from whatever else the machine is doing: compare
 * runs on the same machine, and prefer the CPU column on a busy one.
 */
import { readFile } from 'node:fs/promises';
import { loadCatalogue } from '../../src/search/catalogue';
import { correctTranscript } from '../../src/search/correction/correct-transcript';
import { SoundIndex } from '../../src/search/correction/sound-index';
import { median, quantile } from '../../src/eval/stats';
import { defineCommand, positiveIntegerOrExit, readCommandLine } from '../../cli/command-line';

const { flags, positionals: files } = readCommandLine(
  defineCommand({
    usage: 'npx tsx scripts/queries/correction-bench.ts TRANSCRIPTS.jsonl [...] [--rounds N]',
    description: 'Times the correction of every transcript, and the sound index build.',
    flags: { rounds: { type: 'string', default: '3', value: 'N', help: 'passes over the transcripts' } },
    positionals: { min: 1, max: Infinity, name: 'TRANSCRIPTS.jsonl' },
  }),
);
const rounds = positiveIntegerOrExit(flags.rounds, 'rounds');

/** Wall and CPU milliseconds of `work`. */
function timed<T>(work: () => T): { value: T; wallMs: number; cpuMs: number } {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const value = work();
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { value, wallMs, cpuMs: (used.user + used.system) / 1000 };
}

const text = await readFile(new URL('../../public/catalogue/places.json', import.meta.url), 'utf8');
const parsed = timed(() => JSON.parse(text) as unknown);
const catalogue = timed(() => loadCatalogue(parsed.value));
const sounds = timed(() => SoundIndex.fromColumns(catalogue.value.places, catalogue.value.sounds));
const figure = (t: { wallMs: number; cpuMs: number }) => `${t.cpuMs.toFixed(0)} ms CPU (${t.wallMs.toFixed(0)} ms wall)`;
console.log(`catalogue: ${(text.length / 1e6).toFixed(1)} MB, JSON.parse ${figure(parsed)}, loadCatalogue ${figure(catalogue)}`);
console.log(`sound index from the catalogue's columns: ${sounds.value.size} spellings, ${figure(sounds)}`);

const transcripts: string[] = [];
for (const file of files) {
  for (const line of (await readFile(file, 'utf8')).split('\n')) {
    if (line.trim()) transcripts.push((JSON.parse(line) as { hypothesis: string }).hypothesis);
  }
}
// Warm-up, so the first transcripts do not pay for the JIT.
for (const transcript of transcripts.slice(0, 30)) correctTranscript(sounds.value, transcript);

/** Each transcript's times over the rounds: its median is its cost, less the machine's hiccups. */
const byTranscript = new Map<string, number[]>();
const wall: number[] = [];
const cpu: number[] = [];
for (let round = 0; round < rounds; round++) {
  for (const transcript of transcripts) {
    const t = timed(() => correctTranscript(sounds.value, transcript));
    wall.push(t.wallMs);
    cpu.push(t.cpuMs);
    byTranscript.set(transcript, [...(byTranscript.get(transcript) ?? []), t.wallMs]);
  }
}
const row = (values: readonly number[]) =>
  `median ${median(values).toFixed(2)}, p95 ${quantile(values, 0.95).toFixed(2)}, max ${Math.max(...values).toFixed(2)} ms`;
console.log(`correction of ${transcripts.length} transcripts × ${rounds} rounds:`);
console.log(`  wall ${row(wall)}`);
console.log(`  cpu  ${row(cpu)} (process.cpuUsage, ~1 ms resolution)`);
const medians = [...byTranscript].map(([transcript, times]): [string, number] => [transcript, median(times)]);
console.log(`  per transcript, median over the rounds: p95 ${quantile(medians.map(([, ms]) => ms), 0.95).toFixed(2)}, max ${Math.max(...medians.map(([, ms]) => ms)).toFixed(2)} ms`);
console.log('slowest (median over the rounds):');
for (const [transcript, ms] of medians.sort((a, b) => b[1] - a[1]).slice(0, 5)) console.log(`  ${ms.toFixed(2)} ms  "${transcript}"`);
