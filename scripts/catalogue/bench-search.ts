/**
 * Measures the place search on the full catalogue and prints the figures:
 * - the catalogue file: size, JSON.parse and decode time;
 * - getting an index ready: building it from the places, and its heap;
 * - query latency (median, p95, max) and hit rate (expected place first, in the top 3) over
 *   queries made from the most populous cities: the plain name, a spoken form ("weather in
 *   <name>"), a typo (one letter dropped) and a prefix as typed (first 5 letters).
 *
 * Times are wall clock with CPU time beside them: on a shared machine the wall clock also
 * counts other processes. Heap figures need --expose-gc:
 *   node --expose-gc --import tsx scripts/catalogue/bench-search.ts [--cities 150] [--runs 3]
 */
import { readFile } from 'node:fs/promises';
import { loadCatalogue, PlaceIndex, type Place } from '../../src/search/index';
import { buildCatalogue } from './catalogue-builder';
import { median, quantile } from '../../src/eval/stats';
import { defineCommand, positiveIntegerOrExit, readCommandLine } from '../../cli/command-line';

const { flags } = readCommandLine(
  defineCommand({
    usage: 'node --expose-gc --import tsx scripts/catalogue/bench-search.ts [--cities N] [--runs N]',
    description: 'Times typed and spoken searches over the catalogue, and the index build.',
    flags: {
      cities: { type: 'string', default: '150', value: 'N', help: 'city names to search for' },
      runs: { type: 'string', default: '3', value: 'N', help: 'index builds to time' },
    },
    positionals: { min: 0, max: 0, name: '' },
  }),
);
const citiesArg = positiveIntegerOrExit(flags.cities, 'cities');
const runs = positiveIntegerOrExit(flags.runs, 'runs');
const catalogueUrl = new URL('../../public/catalogue/places.json', import.meta.url);

const text = await readFile(catalogueUrl, 'utf8').catch(() => {
  console.log('public/catalogue/places.json missing: building the catalogue in memory');
  return JSON.stringify(buildCatalogue());
});
console.log(`catalogue file: ${Buffer.byteLength(text)} bytes`);

const parseTime = repeat(runs, () => JSON.parse(text) as unknown);
const heapEmpty = settledHeap();
const places = loadCatalogue(parseTime.value).places;
const heapPlaces = settledHeap();
if (heapEmpty !== null && heapPlaces !== null) console.log(`places heap: ${((heapPlaces - heapEmpty) / 1e6).toFixed(0)} MB`);
const decodeTime = repeat(runs, () => loadCatalogue(parseTime.value));
console.log(`places: ${places.length}`);
report('JSON.parse(catalogue)', parseTime);
report('loadCatalogue (decode + check)', decodeTime);

const heapBefore = settledHeap();
const buildTime = repeat(runs, () => PlaceIndex.build(places));
const index = buildTime.value;
report('PlaceIndex.build', buildTime);
const heapAfter = settledHeap();
if (heapBefore !== null && heapAfter !== null) {
  console.log(`index heap: ${((heapAfter - heapBefore) / 1e6).toFixed(0)} MB (on top of the places)`);
}

const queries = benchQueries(places, citiesArg);
for (const q of queries) index.search(q.text); // warm-up: JIT and caches
const byKind = new Map<string, { ms: number[]; top1: number; top3: number }>();
for (const q of queries) {
  const started = performance.now();
  const hits = index.search(q.text);
  const ms = performance.now() - started;
  const stats = byKind.get(q.kind) ?? { ms: [], top1: 0, top3: 0 };
  byKind.set(q.kind, stats);
  stats.ms.push(ms);
  const rank = hits.findIndex((h) => h.place.id === q.expected.id);
  if (rank === 0) stats.top1++;
  if (rank >= 0 && rank < 3) stats.top3++;
}
console.log(`\nqueries: ${queries.length} (${citiesArg} most populous cities × ${byKind.size} forms), limit 10`);
console.log('form       n   median ms  p95 ms  max ms  top-1  top-3');
const all: number[] = [];
for (const [kind, s] of byKind) {
  all.push(...s.ms);
  console.log(
    `${kind.padEnd(9)} ${String(s.ms.length).padStart(3)} ${fmt(median(s.ms), 11)} ${fmt(quantile(s.ms, 0.95), 7)} ${fmt(Math.max(...s.ms), 7)}` +
      `  ${pct(s.top1, s.ms.length)}  ${pct(s.top3, s.ms.length)}`,
  );
}
console.log(`${'all'.padEnd(9)} ${String(all.length).padStart(3)} ${fmt(median(all), 11)} ${fmt(quantile(all, 0.95), 7)} ${fmt(Math.max(...all), 7)}`);

// ---- helpers -----------------------------------------------------------------------------

interface BenchQuery {
  readonly kind: 'name' | 'spoken' | 'typo' | 'prefix';
  readonly text: string;
  readonly expected: Place;
}

/**
 * For each of the most populous cities whose name is not shared by a bigger place (those are
 * unanswerable by name alone), four queries that should all find it.
 */
function benchQueries(all: readonly Place[], count: number): BenchQuery[] {
  const biggestByName = new Map<string, Place>();
  for (const p of all) {
    const key = p.name.toLowerCase();
    const current = biggestByName.get(key);
    if (!current || p.population > current.population) biggestByName.set(key, p);
  }
  const cities = all
    .filter((p) => p.kind === 'city' && biggestByName.get(p.name.toLowerCase()) === p)
    .sort((a, b) => b.population - a.population || (a.id < b.id ? -1 : 1))
    .slice(0, count);
  return cities.flatMap((city): BenchQuery[] => {
    const middle = Math.floor(city.name.length / 2);
    const typo = city.name.length >= 6 ? city.name.slice(0, middle) + city.name.slice(middle + 1) : city.name;
    return [
      { kind: 'name', text: city.name, expected: city },
      { kind: 'spoken', text: `what's the weather in ${city.name}`, expected: city },
      { kind: 'typo', text: typo, expected: city },
      { kind: 'prefix', text: city.name.slice(0, 5), expected: city },
    ];
  });
}

interface Timed<T> {
  readonly value: T;
  readonly wallMs: number[];
  readonly cpuMs: number[];
}

function repeat<T>(times: number, work: () => T): Timed<T> {
  const wallMs: number[] = [];
  const cpuMs: number[] = [];
  let value!: T;
  for (let i = 0; i < times; i++) {
    const cpu = process.cpuUsage();
    const started = performance.now();
    value = work();
    wallMs.push(performance.now() - started);
    const used = process.cpuUsage(cpu);
    cpuMs.push((used.user + used.system) / 1000);
  }
  return { value, wallMs, cpuMs };
}

function report(label: string, timed: Timed<unknown>): void {
  const wall = timed.wallMs.map((ms) => ms.toFixed(0)).join(' / ');
  const cpu = timed.cpuMs.map((ms) => ms.toFixed(0)).join(' / ');
  console.log(`${label}: median ${median(timed.wallMs).toFixed(0)} ms wall (runs: ${wall}; cpu: ${cpu})`);
}

/** Heap in use after a full collection, when node runs with --expose-gc; otherwise null. */
function settledHeap(): number | null {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return null;
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

function fmt(ms: number, width: number): string {
  return ms.toFixed(2).padStart(width);
}

function pct(part: number, whole: number): string {
  return `${((100 * part) / whole).toFixed(0)}%`.padStart(5);
}


