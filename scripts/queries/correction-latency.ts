/**
 * How long the catalogue steps the search worker applies to a spoken query take
 * (src/ui/search/search.worker.ts, `correct`): correctTranscript, then gateSuggestion with the
 * place searches it runs. Times both together for every distinct transcript (and corrected
 * query) in docs/data/accuracy.json, over several passes, and prints the median, p95 and max of
 * all the timings and the slowest transcripts by their median over the passes. The json holds no
 * n-best lists, so rescoreHypotheses is not timed.
 *
 *   npx tsx scripts/queries/correction-latency.ts [--passes 5] [--outputs /tmp/correction.json]
 *
 * --outputs writes every transcript's correction and gated result (text, suggestion,
 * replacements), to check that a speed-up changed nothing (diff two such files).
 * Run `npm run -s catalogue` first. Timings are wall-clock and follow whatever else the machine
 * is doing: compare runs made back to back.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { loadCatalogue } from '../../src/search/catalogue';
import { correctTranscript, type TranscriptCorrection } from '../../src/search/correction/correct-transcript';
import { DEFAULT_CORRECTION_OPTIONS } from '../../src/search/correction/correction-options';
import { gateSuggestion } from '../../src/search/correction/suggestion-gate';
import { SoundIndex } from '../../src/search/correction/sound-index';
import { PlaceIndex } from '../../src/search/place-index';
import { median, quantile } from '../../src/eval/stats';
import { defineCommand, positiveIntegerOrExit, readCommandLine } from '../../cli/command-line';

const { flags } = readCommandLine(
  defineCommand({
    usage: 'npx tsx scripts/queries/correction-latency.ts [--passes N] [--outputs FILE]',
    description: "Times the correction of every distinct transcript in docs/data/accuracy.json.",
    flags: {
      passes: { type: 'string', default: '5', value: 'N', help: 'passes over the transcripts' },
      outputs: { type: 'string', value: 'FILE', help: 'write each transcript with its correction, as JSON' },
    },
    positionals: { min: 0, max: 0, name: '' },
  }),
);
const passes = positiveIntegerOrExit(flags.passes, 'passes');
const outputsFile = flags.outputs;

const root = new URL('../../', import.meta.url);
const catalogue = loadCatalogue(JSON.parse(await readFile(new URL('public/catalogue/places.json', root), 'utf8')));
const placeIndex = PlaceIndex.build(catalogue.places);
const soundIndex = SoundIndex.build(catalogue.places);

interface Accuracy {
  readonly runs: readonly { readonly utterances: readonly { readonly transcript?: string | null; readonly query?: string | null }[] }[];
}
const accuracy = JSON.parse(await readFile(new URL('docs/data/accuracy.json', root), 'utf8')) as Accuracy;
const distinct = new Set<string>();
for (const run of accuracy.runs) {
  for (const u of run.utterances) {
    for (const text of [u.transcript, u.query]) if (text && text.trim()) distinct.add(text);
  }
}
const transcripts = [...distinct];

/** Steps 2 and 3 of the worker's `correct`, exactly as it calls them. */
function corrected(transcript: string): { correction: TranscriptCorrection; gated: TranscriptCorrection } {
  const correction = correctTranscript(soundIndex, transcript);
  const gated = gateSuggestion(correction, (text) => placeIndex.explain(text, { prefix: false, limit: 1 }), DEFAULT_CORRECTION_OPTIONS);
  return { correction, gated };
}

// Warm-up: one pass over everything, so the timed passes do not pay for the JIT.
const outputs = transcripts.map((transcript) => {
  const { correction, gated } = corrected(transcript);
  const result = (c: TranscriptCorrection) => ({ text: c.text, suggestion: c.suggestion, replacements: c.replacements, confidence: c.confidence });
  return { transcript, correction: result(correction), gated: result(gated) };
});
if (outputsFile) {
  await writeFile(outputsFile, JSON.stringify(outputs, null, 1) + '\n');
  console.log(`outputs of ${outputs.length} transcripts written to ${outputsFile}`);
}

/** Each transcript's times over the passes; the order is shuffled per pass so no transcript always follows the same one. */
const times = new Map<string, number[]>(transcripts.map((t) => [t, []]));
const all: number[] = [];
for (let pass = 0; pass < passes; pass++) {
  const order = [...transcripts];
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  for (const transcript of order) {
    const started = performance.now();
    corrected(transcript);
    const ms = performance.now() - started;
    times.get(transcript)!.push(ms);
    all.push(ms);
  }
}

const summary = (values: readonly number[]) =>
  `median ${median(values).toFixed(2)}, p95 ${quantile(values, 0.95).toFixed(2)}, max ${Math.max(...values).toFixed(2)} ms`;
const medians = [...times].map(([transcript, ms]): [string, number] => [transcript, median(ms)]);
console.log(`correctTranscript + gateSuggestion, ${transcripts.length} distinct transcripts × ${passes} passes:`);
console.log(`  every timing:                     ${summary(all)}`);
console.log(`  per transcript, median of passes: ${summary(medians.map(([, ms]) => ms))}`);
console.log('slowest 10 (median over the passes):');
for (const [transcript, ms] of medians.sort((a, b) => b[1] - a[1]).slice(0, 10)) console.log(`  ${ms.toFixed(2).padStart(7)} ms  "${transcript}"`);
