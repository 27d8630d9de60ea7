/**
 * `npm run -s accuracy`: how often a spoken query finds what was asked for, per model and per
 * technique, and why not; writes docs/ACCURACY.md and docs/data/accuracy.json.
 *
 * Sets (generated when missing, deterministically): the spoken query set (`npm run -s queries`,
 * 240 utterances naming catalogue places, eight synthetic voices), every committed real recording
 * (fixtures/audio/manifest.tsv) and the noise set (`npm run -s noise-set`, 60 clips without
 * speech). Each utterance goes through what the app does with it: recognition, the transcript
 * guard (no words → no query), catalogue correction when that technique is on, then the place
 * search for spoken queries; the expected place is looked for in the first three results.
 *
 * Techniques, each added to the one before: baseline greedy (no safeguards), + safeguards
 * (src/engine/safeguards.ts), + catalogue correction (src/search/correction).
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DecodeOptions, Recognizer } from '../src/engine';
import { renderAccuracyMarkdown, summarize, type TechniqueRun, type UtteranceResult, type UtteranceSet } from '../src/eval/accuracy-report';
import { parseEvalManifest } from '../src/eval/eval-manifest';
import { loadCatalogue, PlaceIndex } from '../src/search/index';
import { correctTranscript } from '../src/search/correction/correct-transcript';
import { SoundIndex } from '../src/search/correction/sound-index';
import { DEFAULT_QUERY_SET_OPTIONS, makeQuerySet, type SpokenQuery } from '../scripts/queries/make-query-set';
import { DEFAULT_NOISE_SET_OPTIONS, makeNoiseSet } from '../scripts/queries/make-noise-set';
import { toQuery } from '../src/ui/voice-search/transcript-guard';
import { readAudioFile } from './audio-file';
import { defineCommand, runCommand } from './command-line';
import { FIXTURE_AUDIO_DIR } from './fixture-manifest';
import { loadRecognizer } from './recognizer-options';

const root = fileURLToPath(new URL('../', import.meta.url));

const spec = defineCommand({
  usage: 'npm run -s accuracy -- [options]',
  description: 'WER, top-1/top-3 hit rate of the named place, made-up queries on noise, per model and technique; writes docs/ACCURACY.md.',
  flags: {
    models: { type: 'string', default: 'whisper-tiny-q8', value: 'IDS', help: 'comma-separated model ids from models/manifest.json' },
    runtime: { type: 'string', default: 'node', value: 'wasm|node', help: 'onnxruntime to run on (the browser runs wasm; node is faster to measure)' },
    threads: { type: 'string', default: String(Math.min(4, cpus().length)), value: 'N', help: 'inference threads' },
    limit: { type: 'string', default: '240', value: 'N', help: 'use at most N utterances of the query set' },
    out: { type: 'string', default: 'docs/ACCURACY.md', value: 'FILE', help: 'the report' },
    json: { type: 'string', default: 'docs/data/accuracy.json', value: 'FILE', help: 'every utterance of every run' },
  },
  positionals: { min: 0, max: 0, name: '' },
});

interface Technique {
  id: string;
  label: string;
  decode: Partial<DecodeOptions>;
  correct: boolean;
}

const TECHNIQUES: readonly Technique[] = [
  { id: 'greedy', label: 'baseline greedy', decode: { safeguards: false }, correct: false },
  { id: 'safeguards', label: '+ safeguards', decode: { safeguards: true }, correct: false },
  { id: 'correction', label: '+ catalogue correction', decode: { safeguards: true }, correct: true },
];

interface Utterance {
  set: UtteranceSet;
  path: string;
  reference: string;
  voice?: string;
  expected?: { id: string; name: string };
  audio: Float32Array;
}

async function readUtterances(limit: number): Promise<Utterance[]> {
  const queryDir = DEFAULT_QUERY_SET_OPTIONS.outDir;
  const queries: SpokenQuery[] = existsSync(join(queryDir, 'queries.json'))
    ? JSON.parse(await readFile(join(queryDir, 'queries.json'), 'utf8'))
    : makeQuerySet();
  if (!existsSync(join(DEFAULT_NOISE_SET_OPTIONS.outDir, 'manifest.tsv'))) makeNoiseSet();
  const utterances: Utterance[] = [];
  for (const q of queries.slice(0, limit)) {
    utterances.push({
      set: 'queries',
      path: `query-set/${q.path}`,
      reference: q.text,
      voice: q.voice,
      expected: { id: `geonames:${q.place.id}`, name: q.place.name },
      audio: await readAudioFile(join(queryDir, q.path)),
    });
  }
  const recordings = parseEvalManifest(await readFile(join(FIXTURE_AUDIO_DIR, 'manifest.tsv'), 'utf8')).entries;
  for (const r of recordings) {
    utterances.push({ set: 'recordings', path: `fixtures/audio/${r.path}`, reference: r.reference, audio: await readAudioFile(join(FIXTURE_AUDIO_DIR, r.path)) });
  }
  const noiseManifest = join(DEFAULT_NOISE_SET_OPTIONS.outDir, 'manifest.tsv');
  for (const n of parseEvalManifest(await readFile(noiseManifest, 'utf8')).entries) {
    utterances.push({ set: 'noise', path: `noise-set/${n.path}`, reference: '', audio: await readAudioFile(resolve(dirname(noiseManifest), n.path)) });
  }
  return utterances;
}

async function recognise(recognizer: Recognizer, utterances: readonly Utterance[], decode: Partial<DecodeOptions>) {
  const out: { text: string; ms: number }[] = [];
  for (const u of utterances) {
    const t = await recognizer.transcribe(u.audio, decode);
    out.push({ text: t.text, ms: t.timings.totalMs });
  }
  return out;
}

await runCommand(spec, async ({ flags }) => {
  const utterances = await readUtterances(Number(flags.limit));
  const catalogue = loadCatalogue(JSON.parse(await readFile(join(root, 'public/catalogue/places.json'), 'utf8')));
  const places = PlaceIndex.build(catalogue.places);
  const sounds = SoundIndex.build(catalogue.places);
  const rank = (query: string, expected?: { id: string }) =>
    expected && query ? places.search(query, { prefix: false, limit: 3 }).findIndex((h) => h.place.id === expected.id) : -1;
  console.log(`${utterances.length} utterances; catalogue ${catalogue.places.length} places`);

  const runs: TechniqueRun[] = [];
  for (const model of flags.models.split(',')) {
    const { recognizer, runtime } = await loadRecognizer({ model, runtime: flags.runtime, threads: flags.threads });
    const cache = new Map<string, { text: string; ms: number }[]>();
    for (const technique of TECHNIQUES) {
      const key = JSON.stringify(technique.decode);
      if (!cache.has(key)) cache.set(key, await recognise(recognizer, utterances, technique.decode));
      const heard = cache.get(key)!;
      const results: UtteranceResult[] = utterances.map((u, i) => {
        const spoken = toQuery(heard[i].text);
        let query = /[\p{L}\p{N}]/u.test(spoken) ? spoken : '';
        let suggestion: string | null = null;
        let correctionMs = 0;
        if (technique.correct && query) {
          const started = performance.now();
          const correction = correctTranscript(sounds, query);
          correctionMs = performance.now() - started;
          query = correction.text;
          suggestion = correction.suggestion;
        }
        return {
          set: u.set,
          path: u.path,
          reference: u.reference,
          voice: u.voice,
          expected: u.expected,
          transcript: heard[i].text,
          query,
          suggestion,
          rank: rank(query, u.expected),
          recognitionMs: heard[i].ms,
          correctionMs,
        };
      });
      const run = { model, technique: technique.id, label: technique.label, utterances: results };
      runs.push(run);
      const s = summarize(run);
      console.log(
        `${model}\t${technique.label}\tWER ${(100 * s.werQueries).toFixed(1)}% / ${(100 * s.werRecordings).toFixed(1)}%\ttop-1 ${(100 * s.top1).toFixed(1)}%\ttop-3 ${(100 * s.top3).toFixed(1)}%\tfalse queries ${s.falseQueries}/${s.noiseClips}\t(${runtime.description})`,
      );
    }
    await recognizer.release();
  }

  const command = ['npm run -s accuracy', ...(process.argv.length > 2 ? ['--', ...process.argv.slice(2)] : [])].join(' ');
  const machine = `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores`;
  const counts = { queries: utterances.filter((u) => u.set === 'queries').length, recordings: utterances.filter((u) => u.set === 'recordings').length, noise: utterances.filter((u) => u.set === 'noise').length };
  const report = { command, machine, runtime: flags.runtime, sets: counts, runs };
  await mkdir(dirname(resolve(flags.json)), { recursive: true });
  await writeFile(flags.json, JSON.stringify(report) + '\n');
  await writeFile(flags.out, renderAccuracyMarkdown(report));
  console.log(`wrote ${flags.out} and ${flags.json}`);
});
