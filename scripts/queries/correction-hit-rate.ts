/**
 * What catalogue-aware correction (src/search/correction) does to the place search on real
 * recogniser output: for each transcript of the spoken query set, the search runs on the
 * transcript as it is and on the corrected one, and the expected place (by id) is looked for
 * in the first and the first three hits. Prints the hit rates, how many corrections were
 * applied or only suggested, each one that fixed or broke a query, and the time taken. Suggestions
 * are counted as correctTranscript makes them and as the search worker offers them, after
 * suggestion-gate.ts withholds those the heard query does not need ("offered").
 *
 *   npx tsx scripts/queries/correction-hit-rate.ts /tmp/acc/whisper-tiny-q8.json [more.json ...]
 *       [--queries .cache/query-set/v1/queries.json] [--set applyAt=0.7,suggestAt=0.5]
 *
 * Transcript files are JSON lines from `npm run -s eval -- --out` (path, hypothesis). Times are
 * wall clock on whatever else the machine is doing.
 */
import { readFile } from 'node:fs/promises';
import { loadCatalogue, PlaceIndex } from '../../src/search/index';
import { correctTranscript } from '../../src/search/correction/correct-transcript';
import { type CorrectionOptions, DEFAULT_CORRECTION_OPTIONS } from '../../src/search/correction/correction-options';
import { SoundIndex } from '../../src/search/correction/sound-index';
import { gateSuggestion } from '../../src/search/correction/suggestion-gate';
import { median, quantile } from '../../src/eval/stats';
import { defineCommand, readCommandLine } from '../../cli/command-line';

interface Query {
  readonly path: string;
  readonly text: string;
  readonly place: { readonly id: number; readonly name: string; readonly countryCode: string };
}

const { flags, positionals: transcriptFiles } = readCommandLine(
  defineCommand({
    usage: 'npx tsx scripts/queries/correction-hit-rate.ts TRANSCRIPTS.jsonl [...] [--queries FILE] [--set name=value,...]',
    description: 'Hit rates of the place search on transcripts as heard and as corrected, with what each correction fixed or broke.',
    flags: {
      queries: { type: 'string', default: '.cache/query-set/v1/queries.json', value: 'FILE', help: 'the spoken query set the transcripts are of' },
      set: { type: 'string', default: '', value: 'NAME=N,...', help: 'correction options to override (src/search/correction/correction-options.ts)' },
    },
    positionals: { min: 1, max: Infinity, name: 'TRANSCRIPTS.jsonl' },
  }),
);
const queriesPath = flags.queries;
const overrides = settingsFrom(flags.set);

const catalogue = loadCatalogue(JSON.parse(await readFile(new URL('../../public/catalogue/places.json', import.meta.url), 'utf8')));
const places = catalogue.places;
const queries = new Map((JSON.parse(await readFile(queriesPath, 'utf8')) as Query[]).map((q) => [q.path, q]));

let started = performance.now();
// From the catalogue's precomputed columns, as the search worker does.
const sounds = SoundIndex.fromColumns(places, catalogue.sounds);
const soundBuildMs = performance.now() - started;
started = performance.now();
const index = PlaceIndex.build(places);
const searchBuildMs = performance.now() - started;
console.log(`places ${places.length}; sound index: ${sounds.size} spellings in ${soundBuildMs.toFixed(0)} ms; search index ${searchBuildMs.toFixed(0)} ms`);
console.log(`options: ${JSON.stringify({ ...DEFAULT_CORRECTION_OPTIONS, ...overrides })}`);

for (const file of transcriptFiles) {
  const lines = (await readFile(file, 'utf8')).split('\n').filter((l) => l.trim());
  const rows = lines.map((l) => JSON.parse(l) as { path: string; hypothesis: string });
  const rank = (text: string, expected: string) => index.search(text, { prefix: false, limit: 3 }).findIndex((h) => h.place.id === expected);
  // Warm-up, so the first query does not pay for the JIT.
  for (const row of rows.slice(0, 20)) correctTranscript(sounds, row.hypothesis, overrides);

  const tally = { n: 0, base1: 0, base3: 0, fix1: 0, fix3: 0, sug1: 0, sug3: 0, off1: 0, off3: 0, applied: 0, suggested: 0, helped3: 0, helped1: 0, offered: 0, offeredHelped3: 0, offeredHelped1: 0 };
  const settings = { ...DEFAULT_CORRECTION_OPTIONS, ...overrides };
  const ms: number[] = [];
  const cpuMs: number[] = [];
  const changes: string[] = [];
  for (const row of rows) {
    const query = queries.get(row.path);
    if (!query) throw new Error(`${file}: ${row.path} is not in ${queriesPath}`);
    const expected = `geonames:${query.place.id}`;
    const t = performance.now();
    const cpu = process.cpuUsage();
    const correction = correctTranscript(sounds, row.hypothesis, overrides);
    const used = process.cpuUsage(cpu);
    ms.push(performance.now() - t);
    cpuMs.push((used.user + used.system) / 1000);
    const before = rank(row.hypothesis, expected);
    const after = rank(correction.text, expected);
    const withSuggestion = correction.suggestion === null ? after : rank(correction.suggestion, expected);
    // What the search worker offers: the suggestion only when the heard query is weak.
    const offered = gateSuggestion(correction, (text) => index.explain(text, { prefix: false, limit: 1 }), settings).suggestion;
    const withOffered = offered === null ? after : withSuggestion;
    const helped3 = correction.suggestion !== null && after < 0 && withSuggestion >= 0;
    const helped1 = correction.suggestion !== null && after !== 0 && withSuggestion === 0;
    tally.helped3 += +helped3;
    tally.helped1 += +helped1;
    tally.offered += +(offered !== null);
    tally.offeredHelped3 += +(offered !== null && helped3);
    tally.offeredHelped1 += +(offered !== null && helped1);
    tally.off1 += +(withOffered === 0);
    tally.off3 += +(withOffered >= 0);
    tally.n++;
    tally.base1 += +(before === 0);
    tally.base3 += +(before >= 0);
    tally.fix1 += +(after === 0);
    tally.fix3 += +(after >= 0);
    tally.sug1 += +(withSuggestion === 0);
    tally.sug3 += +(withSuggestion >= 0);
    tally.applied += correction.replacements.filter((r) => r.applied).length;
    tally.suggested += correction.replacements.filter((r) => !r.applied).length;
    if (correction.replacements.length > 0) {
      const verdict = (b: number, a: number) => (b < 0 && a >= 0 ? 'FIXED' : b >= 0 && a < 0 ? 'BROKE' : a >= 0 ? 'ok' : 'miss');
      const what = correction.replacements
        .map((r) => `${r.original.join(' ')} → ${r.name} (${r.score.toFixed(2)}${r.applied ? '' : offered === null ? ', suggested, withheld' : ', suggested'})`)
        .join('; ');
      changes.push(`${verdict(before, withSuggestion).padEnd(5)} [${query.place.name}] "${row.hypothesis}": ${what}`);
    }
  }
  const pct = (k: number) => `${((100 * k) / tally.n).toFixed(1)}%`;
  console.log(`\n== ${file}: ${tally.n} transcripts`);
  for (const line of changes.sort()) console.log(`  ${line}`);
  console.log(`                        top-1   top-3`);
  console.log(`  as transcribed        ${pct(tally.base1).padStart(6)}  ${pct(tally.base3).padStart(6)}`);
  console.log(`  corrected (applied)   ${pct(tally.fix1).padStart(6)}  ${pct(tally.fix3).padStart(6)}`);
  console.log(`  + suggestions taken   ${pct(tally.sug1).padStart(6)}  ${pct(tally.sug3).padStart(6)}`);
  console.log(`  + offered suggestions   ${pct(tally.off1).padStart(6)}  ${pct(tally.off3).padStart(6)}`);
  console.log(`  replacements: ${tally.applied} applied, ${tally.suggested} suggested`);
  console.log(`  suggestions: ${tally.suggested} made, ${tally.helped3} would bring the place into the top 3 (${tally.helped1} to first)`);
  console.log(`  offered (weakHeardScoreRatio ${settings.weakHeardScoreRatio}): ${tally.offered}, of which ${tally.offeredHelped3} bring the place into the top 3 (${tally.offeredHelped1} to first)`);
  console.log(`  correction time per query: median ${median(ms).toFixed(2)} ms, p95 ${quantile(ms, 0.95).toFixed(2)} ms, max ${Math.max(...ms).toFixed(2)} ms wall; cpu median ${median(cpuMs).toFixed(2)}, p95 ${quantile(cpuMs, 0.95).toFixed(2)} ms`);
}

/** `name=value,...` → the correction options it overrides; a wrong name or value is a usage error (exit 2). */
function settingsFrom(list: string): Partial<CorrectionOptions> {
  const settings: Record<string, number> = {};
  for (const pair of list.split(',').filter((p) => p.trim())) {
    const [name, value] = pair.split('=');
    if (!name || !(name in DEFAULT_CORRECTION_OPTIONS) || !Number.isFinite(Number(value))) {
      console.error(`--set ${pair}: expected name=number with a name among ${Object.keys(DEFAULT_CORRECTION_OPTIONS).join(', ')}`);
      process.exit(2);
    }
    settings[name] = Number(value);
  }
  return settings as Partial<CorrectionOptions>;
}
