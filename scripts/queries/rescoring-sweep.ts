/**
 * Chooses the n-best rescoring's name bonus (src/search/correction/rescore-hypotheses.ts) and
 * the beam width by measurement: the spoken query set (`npm run -s queries`) is recognised
 * greedily and with beam search, the n-best lists are kept in a cache file, and the place search's
 * top-1/top-3 hit rate is printed for the greedy text, the beam's own choice, and the rescored
 * choice at each bonus, without and with the catalogue correction the page applies after it
 * (suggestions gated as in the search worker). Also prints the median recognition time of each.
 *
 *   npx tsx scripts/queries/rescoring-sweep.ts --model moonshine-tiny-q8 --beam 5 [--runtime node]
 *
 * The n-best lists are cached in .cache/rescoring/MODEL-beamN.json; delete it to recognise again.
 * Times are wall clock on whatever else the machine is doing.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { readAudioFile } from '../../cli/audio-file';
import { loadRecognizer } from '../../cli/recognizer-options';
import type { Hypothesis, RescoringOptions } from '../../src/search/correction/rescore-hypotheses';
import { DEFAULT_QUERY_SET_OPTIONS, placeQueries, type SpokenQuery } from './make-query-set';
import { loadQueryHits } from './query-hits';
import { median } from '../../src/eval/stats';
import { defineCommand, positiveIntegerOrExit, readCommandLine } from '../../cli/command-line';

const { flags: values } = readCommandLine(
  defineCommand({
    usage: 'npx tsx scripts/queries/rescoring-sweep.ts [options]',
    description: "The n-best rescoring's name bonus and the beam width, measured on the spoken query set (top-1/top-3 per bonus, without and with correction).",
    flags: {
      model: { type: 'string', default: 'moonshine-tiny-q8', value: 'ID', help: 'model id from models/manifest.json' },
      beam: { type: 'string', default: '5', value: 'N', help: 'beam width' },
      runtime: { type: 'string', default: 'node', value: 'wasm|node', help: 'onnxruntime build' },
      threads: { type: 'string', default: '2', value: 'N', help: 'inference threads' },
    },
    positionals: { min: 0, max: 0, name: '' },
  }),
);
const beamSize = positiveIntegerOrExit(values.beam, 'beam');

interface Recognised {
  path: string;
  expectedId: string;
  greedy: string;
  greedyMs: number;
  beam: string;
  beamMs: number;
  alternatives: Hypothesis[];
}

const cacheFile = join('.cache/rescoring', `${values.model}-beam${beamSize}-${values.runtime}.json`);
let rows: Recognised[];
if (existsSync(cacheFile)) {
  rows = JSON.parse(await readFile(cacheFile, 'utf8'));
} else {
  const dir = DEFAULT_QUERY_SET_OPTIONS.outDir;
  if (!existsSync(join(dir, 'queries.json'))) throw new Error(`no query set in ${dir}: run npm run -s queries first`);
  // Tuning half only: docs/ACCURACY.md reports the test half.
  const queries = placeQueries(JSON.parse(await readFile(join(dir, 'queries.json'), 'utf8')) as SpokenQuery[], 'tune');
  const { recognizer } = await loadRecognizer({ model: values.model, runtime: values.runtime, threads: values.threads });
  rows = [];
  for (const q of queries) {
    const audio = await readAudioFile(join(dir, q.path));
    const greedy = await recognizer.transcribe(audio);
    const beam = await recognizer.transcribe(audio, { beamSize });
    rows.push({
      path: q.path,
      expectedId: `geonames:${q.place.id}`,
      greedy: greedy.text,
      greedyMs: greedy.timings.totalMs,
      beam: beam.text,
      beamMs: beam.timings.totalMs,
      alternatives: beam.alternatives?.map(({ text, sumLogprob }) => ({ text, sumLogprob })) ?? [{ text: beam.text, sumLogprob: 0 }],
    });
  }
  await recognizer.release();
  await mkdir('.cache/rescoring', { recursive: true });
  await writeFile(cacheFile, JSON.stringify(rows));
}

const hits = await loadQueryHits();

function hitRates(pick: (row: Recognised) => Hypothesis[], steps: { rescore?: Partial<RescoringOptions>; correct: boolean }): string {
  let top1 = 0;
  let top3 = 0;
  for (const row of rows) {
    const k = hits.rank(pick(row), row.expectedId, steps);
    top1 += +(k === 0);
    top3 += +(k >= 0);
  }
  const pct = (n: number) => `${((100 * n) / rows.length).toFixed(1)}%`;
  return `top-1 ${pct(top1)}  top-3 ${pct(top3)}`;
}

console.log(`${values.model}, beam ${beamSize}, ${values.runtime}: ${rows.length} queries`);
console.log(`median recognition: greedy ${median(rows.map((r) => r.greedyMs)).toFixed(0)} ms, beam ${median(rows.map((r) => r.beamMs)).toFixed(0)} ms`);
for (const correct of [false, true]) {
  console.log(correct ? 'then the catalogue correction:' : 'search on the text as chosen:');
  console.log(`  greedy                ${hitRates((r) => [{ text: r.greedy, sumLogprob: 0 }], { correct })}`);
  console.log(`  beam, its own choice  ${hitRates((r) => r.alternatives, { correct })}`);
  for (const nameBonus of [0.5, 1, 2, 3, 5, 8]) {
    console.log(`  rescored, bonus ${String(nameBonus).padEnd(4)}  ${hitRates((r) => r.alternatives, { rescore: { nameBonus }, correct })}`);
  }
}
