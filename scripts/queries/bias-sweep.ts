/**
 * Chooses the phrase bias's weights (src/engine/decoding/phrase-bias.ts) by measurement: the
 * spoken query set (`npm run -s queries`) is recognised with beam search, without bias and with
 * each setting of the bias, and the place search's top-3 hit rate is printed for the beam's own
 * choice (alone and corrected), after n-best rescoring at a few name bonuses (alone and then
 * corrected: the page's pipeline), with the n-best oracle (any hypothesis finds the place) and the
 * median recognition time.
 *
 *   npx tsx scripts/queries/bias-sweep.ts --model moonshine-tiny-q8 --beam 5 \
 *     --settings off,0.5:1:5,0.5:3:5 [--limit 240] [--runtime node]
 *
 * A setting is perLetter:perPhrase:extraCandidates[:minPopulation[:keepModelBest]] (defaults:
 * DEFAULT_BIAS_PHRASE_OPTIONS.minPopulation, DEFAULT_PHRASE_BIAS_OPTIONS.keepModelBest). Each
 * setting's n-best lists are cached in .cache/bias/; delete them to recognise again. Times are wall clock on whatever else the machine
 * is doing.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { readAudioFile } from '../../cli/audio-file';
import { loadRecognizer } from '../../cli/recognizer-options';
import { DEFAULT_PHRASE_BIAS_OPTIONS, PhraseBias } from '../../src/engine/decoding/phrase-bias';
import type { Recognizer } from '../../src/engine/recognizer';
import { biasPhrases, DEFAULT_BIAS_PHRASE_OPTIONS } from '../../src/search/correction/bias-phrases';
import type { Hypothesis } from '../../src/search/correction/rescore-hypotheses';
import { DEFAULT_QUERY_SET_OPTIONS, placeQueries, type SpokenQuery } from './make-query-set';
import { loadQueryHits } from './query-hits';
import { median } from '../../src/eval/stats';

const { values } = parseArgs({
  options: {
    model: { type: 'string', default: 'moonshine-tiny-q8' },
    beam: { type: 'string', default: '5' },
    runtime: { type: 'string', default: 'node' },
    threads: { type: 'string', default: '2' },
    settings: { type: 'string', default: 'off,0.25:3:5,0.5:3:5,1:3:5,0.5:0:5,0.5:6:5,0.5:3:0,0.5:3:10' },
    limit: { type: 'string', default: '240' },
  },
});
const beamSize = Number(values.beam);

interface Recognised {
  path: string;
  expectedId: string;
  ms: number;
  alternatives: Hypothesis[];
}

const dir = DEFAULT_QUERY_SET_OPTIONS.outDir;
if (!existsSync(join(dir, 'queries.json'))) throw new Error(`no query set in ${dir}: run npm run -s queries first`);
// Tuning half only: docs/ACCURACY.md reports the test half.
const queries = placeQueries(JSON.parse(await readFile(join(dir, 'queries.json'), 'utf8')) as SpokenQuery[], 'tune').slice(0, Number(values.limit));
const hits = await loadQueryHits();
let recognizer: Recognizer | undefined;

async function recognise(setting: string): Promise<Recognised[]> {
  const parts = setting.split(':');
  const named = setting === 'off' ? setting : [...parts, DEFAULT_BIAS_PHRASE_OPTIONS.minPopulation, DEFAULT_PHRASE_BIAS_OPTIONS.keepModelBest].slice(0, 5).join(':');
  const file = join('.cache/bias', `${values.model}-beam${beamSize}-${values.runtime}-${named.replaceAll(':', '_')}-${queries.length}.json`);
  if (existsSync(file)) return JSON.parse(await readFile(file, 'utf8'));
  recognizer ??= (await loadRecognizer({ model: values.model!, runtime: values.runtime!, threads: values.threads! })).recognizer;
  let phraseBias: PhraseBias | undefined;
  if (setting !== 'off') {
    const [perLetter, perPhrase, extraCandidates, minPopulation, keepModelBest] = setting.split(':').map(Number);
    const phrases = biasPhrases(hits.sounds, minPopulation === undefined ? {} : { minPopulation });
    phraseBias = new PhraseBias(phrases, { perLetter, perPhrase, extraCandidates, ...(keepModelBest !== undefined && { keepModelBest }) });
  }
  const rows: Recognised[] = [];
  for (const q of queries) {
    const t = await recognizer.transcribe(await readAudioFile(join(dir, q.path)), { beamSize, phraseBias });
    const alternatives = t.text && t.alternatives?.length ? t.alternatives.map(({ text, sumLogprob }) => ({ text, sumLogprob })) : [{ text: t.text, sumLogprob: 0 }];
    rows.push({ path: q.path, expectedId: `geonames:${q.place.id}`, ms: t.timings.totalMs, alternatives });
  }
  await mkdir('.cache/bias', { recursive: true });
  await writeFile(file, JSON.stringify(rows));
  return rows;
}

const pct = (n: number, of: number) => `${((100 * n) / of).toFixed(1)}%`.padStart(6);
console.log(`${values.model}, beam ${beamSize}, ${values.runtime}: ${queries.length} queries; bias phrases of places over ${DEFAULT_BIAS_PHRASE_OPTIONS.minPopulation} people unless a setting says`);
/** Rescoring settings printed for each bias setting: the name bonus (nats) / minNameEvidence. */
const RESCORINGS = [
  { nameBonus: 3, minNameEvidence: 0.5 },
  { nameBonus: 8, minNameEvidence: 0.2 },
  { nameBonus: 20, minNameEvidence: 0.2 },
];
const rescoringColumns = RESCORINGS.map((r) => `rescored b${r.nameBonus}/m${r.minNameEvidence} (+ corr.)`.padEnd(29)).join('');
console.log(`top-3 hit rate, after each step\nsetting (perLetter:perPhrase:extra[:minPop.])  own    own + corr.  ${rescoringColumns}oracle  median ms`);
for (const setting of values.settings!.split(',')) {
  const rows = await recognise(setting);
  const rate = (f: (r: Recognised) => boolean) => pct(rows.filter(f).length, rows.length);
  const own = rate((r) => hits.rank(r.alternatives, r.expectedId, {}) >= 0);
  const ownCorrected = rate((r) => hits.rank(r.alternatives, r.expectedId, { correct: true }) >= 0);
  const rescored = RESCORINGS.map((rescore) => {
    const plain = rate((r) => hits.rank(r.alternatives, r.expectedId, { rescore }) >= 0);
    const corrected = rate((r) => hits.rank(r.alternatives, r.expectedId, { rescore, correct: true }) >= 0);
    return `${plain} (${corrected})`.padEnd(29);
  });
  const oracle = rate((r) => r.alternatives.some((a) => hits.rank([a], r.expectedId, {}) >= 0));
  console.log(`${setting.padEnd(46)} ${own} ${ownCorrected}       ${rescored.join('')}${oracle}  ${median(rows.map((r) => r.ms)).toFixed(0)}`);
}
await recognizer?.release();
