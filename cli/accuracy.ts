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
 * (src/engine/safeguards.ts), + beam search (`--beam`, src/engine/decoding/decode-beam.ts),
 * + n-best rescoring against the catalogue (src/search/correction/rescore-hypotheses.ts),
 * + catalogue correction (src/search/correction, with the "Did you mean" gate the page applies),
 * and, for Whisper only, + a domain prompt (`<|startofprev|>`, DOMAIN_PROMPT below) on top of
 * them all, to measure whether it helps before the app uses it.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { DecodeOptions, Recognizer } from '../src/engine';
import { APP_TECHNIQUE, renderAccuracyMarkdown, summarize, type TechniqueRun, type UtteranceResult, type UtteranceSet } from '../src/eval/accuracy-report';
import { parseEvalManifest } from '../src/eval/eval-manifest';
import { DEFAULT_PIPELINE_OPTIONS, toQuery, type HeardUtterance, type SpokenQueryAnswer } from '../src/query';
import { DEFAULT_QUERY_SET_OPTIONS, makeQuerySet, type QuerySplit, type SpokenQuery } from '../scripts/queries/make-query-set';
import { DEFAULT_NOISE_SET_OPTIONS, makeNoiseSet } from '../scripts/queries/make-noise-set';
import { readAudioFile } from './audio-file';
import { defineCommand, runCommand, UsageError } from './command-line';
import { FIXTURE_AUDIO_DIR } from './fixture-manifest';
import { loadRecognizer } from './recognizer-options';
import { loadSpokenPipeline, type SpokenPipeline } from './spoken-pipeline';
import { cpuName } from './cpu-name';
import { toExportJson } from '../src/monitoring/export';
import { REFERENCE_PROFILE_PATH, referenceProfile, type MeasuredUtterance } from '../src/monitoring/reference-profile';


const spec = defineCommand({
  usage: 'npm run -s accuracy -- [options]',
  description: 'WER, top-1/top-3 hit rate of the named place, made-up queries on noise, per model and technique; writes docs/ACCURACY.md.',
  flags: {
    models: { type: 'string', default: 'whisper-tiny-q8', value: 'IDS', help: 'comma-separated model ids from models/manifest.json' },
    runtime: { type: 'string', default: 'node', value: 'wasm|node', help: 'onnxruntime to run on (the browser runs wasm; node is faster to measure)' },
    threads: { type: 'string', default: String(Math.min(4, cpus().length)), value: 'N', help: 'inference threads' },
    split: { type: 'string', default: 'test', value: 'tune|test', help: 'half of the query set to measure (fit on tune, report test)' },
    limit: { type: 'string', default: '1000', value: 'N', help: 'use at most N utterances of the query set' },
    beam: { type: 'string', default: '5', value: 'N', help: 'beam width of the beam-search techniques' },
    techniques: { type: 'string', default: 'all', value: 'IDS', help: 'comma-separated: greedy,safeguards,beam,rescoring,correction,verification,verification-alone,prompt (or all)' },
    append: { type: 'boolean', help: "keep the other models' runs already in --json and add these (a report built over several runs)" },
    out: { type: 'string', default: 'docs/ACCURACY.md', value: 'FILE', help: 'the report' },
    json: { type: 'string', default: 'docs/data/accuracy.json', value: 'FILE', help: 'every utterance of every run' },
    profile: { type: 'string', value: 'FILE', help: `also write the drift check's reference profile (the app's pipeline on the queries and recordings, first model) as a query-log export, e.g. public/${REFERENCE_PROFILE_PATH}` },
  },
  positionals: { min: 0, max: 0, name: '' },
});

interface Technique {
  id: string;
  label: string;
  decode: Partial<DecodeOptions>;
  /** Choose among the n-best by what the catalogue names (needs a beam). */
  rescore: boolean;
  correct: boolean;
  /** The recogniser listens again to catalogue candidates (src/search/verification). */
  verify?: boolean;
  /** Only for this model family (Moonshine has no prompt). */
  family?: 'whisper';
  /** The technique it is added to, when not the one before it in the list. */
  buildsOn?: string;
}

/**
 * A short domain prompt for Whisper's <|startofprev|>: the kind of text that came before. Kept
 * neutral (no place names, which a short clip can echo back).
 */
const DOMAIN_PROMPT = 'Voice search for places: cities, countries, hotels, weather, flights.';

function techniques(beamSize: number): Technique[] {
  const beam = { safeguards: true, beamSize };
  return [
    { id: 'greedy', label: 'baseline greedy', decode: { safeguards: false }, rescore: false, correct: false },
    { id: 'safeguards', label: '+ safeguards', decode: { safeguards: true }, rescore: false, correct: false },
    { id: 'beam', label: `+ beam search (${beamSize})`, decode: beam, rescore: false, correct: false },
    { id: 'rescoring', label: '+ n-best rescoring', decode: beam, rescore: true, correct: false },
    { id: 'correction', label: '+ catalogue correction', decode: beam, rescore: true, correct: true },
    { id: 'verification', label: '+ verification', decode: beam, rescore: true, correct: true, verify: true },
    // Verification alone, on the beam's own choice: what listening again does without the text-side steps.
    { id: 'verification-alone', label: 'beam search + verification alone', decode: beam, rescore: false, correct: false, verify: true, buildsOn: 'beam' },
    { id: 'prompt', label: '+ domain prompt', decode: { ...beam, prompt: DOMAIN_PROMPT }, rescore: true, correct: true, family: 'whisper' },
  ];
}

/** A technique's decode options as a cache key: techniques that decode alike share one recognition pass. */
function decodeKey(decode: Partial<DecodeOptions>): string {
  return JSON.stringify(decode);
}

interface Utterance {
  set: UtteranceSet;
  path: string;
  reference: string;
  voice?: string;
  expected?: { id: string; name: string };
  audio: Float32Array;
}

async function readUtterances(limit: number, split: QuerySplit): Promise<Utterance[]> {
  const queryDir = DEFAULT_QUERY_SET_OPTIONS.outDir;
  const queries: SpokenQuery[] = existsSync(join(queryDir, 'queries.json'))
    ? JSON.parse(await readFile(join(queryDir, 'queries.json'), 'utf8'))
    : makeQuerySet();
  if (!existsSync(join(DEFAULT_NOISE_SET_OPTIONS.outDir, 'manifest.tsv'))) makeNoiseSet();
  const utterances: Utterance[] = [];
  for (const q of queries.filter((q) => q.split === split).slice(0, limit)) {
    utterances.push({
      set: 'queries',
      path: `query-set/${q.path}`,
      reference: q.text,
      voice: q.voice,
      // A query naming no place has nothing to find: what counts is that none is forced onto it.
      ...(q.place && { expected: { id: `geonames:${q.place.id}`, name: q.place.name } }),
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

interface Heard {
  /** What the recogniser said, as the page hands it to the search worker. */
  utterance: HeardUtterance;
  /** Its confidence figures, for the reference profile. */
  measured: Omit<MeasuredUtterance, 'audio' | 'query'>;
  ms: number;
  /** Per verifying technique: the pipeline's answer, got while the utterance could still be listened to, and its time. */
  verified: Map<string, { answer: SpokenQueryAnswer; ms: number }>;
}

/**
 * Recognises every utterance; the verifying techniques answer right after their utterance is
 * transcribed, because only the last utterance can be listened to again (Recognizer.scoreTranscripts).
 */
async function recognise(recognizer: Recognizer, utterances: readonly Utterance[], decode: Partial<DecodeOptions>, pipeline: SpokenPipeline, verifying: readonly Technique[]): Promise<Heard[]> {
  const out: Heard[] = [];
  for (const u of utterances) {
    const t = await recognizer.transcribe(u.audio, decode);
    const utterance = { text: t.text, noSpeech: t.noSpeech, alternatives: t.alternatives };
    const verified = new Map<string, { answer: SpokenQueryAnswer; ms: number }>();
    for (const technique of verifying) {
      const started = performance.now();
      const answer = await pipeline.answerVerified(utterance, stepsOf(technique), 3, recognizer, t.heardId);
      verified.set(technique.id, { answer, ms: performance.now() - started });
    }
    out.push({ utterance, measured: { avgLogprob: t.avgLogprob, noSpeechProb: t.noSpeechProb, audioSeconds: t.audioSeconds, alternatives: t.alternatives }, ms: t.timings.totalMs, verified });
  }
  return out;
}

function stepsOf(technique: Technique) {
  return { ...DEFAULT_PIPELINE_OPTIONS, rescoring: technique.rescore, correction: technique.correct, verification: technique.verify === true };
}

await runCommand(spec, async ({ flags }) => {
  if (flags.split !== 'tune' && flags.split !== 'test') throw new UsageError(`--split must be tune or test, got '${flags.split}'`);
  const utterances = await readUtterances(Number(flags.limit), flags.split);
  const pipeline = await loadSpokenPipeline();
  console.log(`${utterances.length} utterances; catalogue ${pipeline.catalogue.size} places`);

  const runs: TechniqueRun[] = [];
  let profile: MeasuredUtterance[] | undefined;
  for (const model of flags.models.split(',')) {
    const { recognizer, runtime } = await loadRecognizer({ model, runtime: flags.runtime, threads: flags.threads });
    const cache = new Map<string, Heard[]>();
    const wanted = flags.techniques === 'all' ? undefined : new Set(flags.techniques.split(','));
    const measured = techniques(Number(flags.beam)).filter((t) => (!t.family || t.family === recognizer.model.family) && (!wanted || wanted.has(t.id)));
    for (const technique of measured) {
      const key = decodeKey(technique.decode);
      const verifying = measured.filter((t) => t.verify && decodeKey(t.decode) === key);
      if (!cache.has(key)) cache.set(key, await recognise(recognizer, utterances, technique.decode, pipeline, verifying));
      const heard = cache.get(key)!;
      const results: UtteranceResult[] = utterances.map((u, i) => {
        // The page's pipeline (src/query/spoken-query.ts), timed as one: its catalogue steps,
        // verification (the recogniser listening again) and the search; the first three
        // results are all the report looks at.
        const started = performance.now();
        const verified = heard[i].verified.get(technique.id);
        const answer = verified?.answer ?? pipeline.answer(heard[i].utterance, stepsOf(technique), 3);
        const catalogueMs = verified?.ms ?? performance.now() - started;
        const query = answer.accepted ? answer.query : '';
        return {
          set: u.set,
          path: u.path,
          reference: u.reference,
          voice: u.voice,
          expected: u.expected,
          // The recogniser's own first choice, as a query: what the catalogue steps started from.
          transcript: toQuery(heard[i].utterance.text),
          query,
          suggestion: answer.accepted ? answer.correction.suggestion : null,
          rank: u.expected && answer.accepted ? answer.hits.findIndex((h) => h.place.id === u.expected!.id) : -1,
          recognitionMs: heard[i].ms,
          correctionMs: technique.rescore || technique.correct || technique.verify ? catalogueMs : 0,
        };
      });
      if (technique.id === APP_TECHNIQUE && !profile) {
        // What the page's pipeline heard on real and generated speech; the noise set is left out,
        // as a device's log is mostly queries.
        profile = utterances.flatMap((u, i) => (u.set === 'noise' ? [] : [{ audio: u.audio, ...heard[i].measured, query: results[i].query }]));
      }
      const run: TechniqueRun = { model, technique: technique.id, label: technique.label, ...(technique.buildsOn && { against: technique.buildsOn }), utterances: results };
      runs.push(run);
      const s = summarize(run);
      console.log(
        `${model}\t${technique.label}\tWER ${(100 * s.werQueries).toFixed(1)}% / ${(100 * s.werRecordings).toFixed(1)}%\ttop-1 ${(100 * s.top1).toFixed(1)}%\ttop-3 ${(100 * s.top3).toFixed(1)}%\tfalse queries ${s.falseQueries}/${s.noiseClips}\t(${runtime.description})`,
      );
    }
    await recognizer.release();
  }

  let command = ['npm run -s accuracy', ...(process.argv.length > 2 ? ['--', ...process.argv.slice(2)] : [])].join(' ');
  const machine = `${cpuName()}, ${cpus().length} cores`;
  const counts = { queries: utterances.filter((u) => u.set === 'queries').length, recordings: utterances.filter((u) => u.set === 'recordings').length, noise: utterances.filter((u) => u.set === 'noise').length };
  if (flags.append && existsSync(flags.json)) {
    // Runs of the model and technique measured now replace their earlier ones; the others are kept, in their order.
    const earlier = JSON.parse(await readFile(flags.json, 'utf8')) as { command: string; sets: typeof counts; runs: TechniqueRun[] };
    if (JSON.stringify(earlier.sets) !== JSON.stringify(counts)) throw new Error(`--append: ${flags.json} measured other sets (${JSON.stringify(earlier.sets)})`);
    const key = (r: TechniqueRun) => `${r.model}\t${r.technique}`;
    const fresh = new Map(runs.map((r) => [key(r), r]));
    const merged = earlier.runs.map((r) => fresh.get(key(r)) ?? r);
    const kept = new Set(earlier.runs.map(key));
    runs.splice(0, runs.length, ...merged, ...runs.filter((r) => !kept.has(key(r))));
    command = `${earlier.command}\` then \`${command}`;
  }
  if (flags.profile) {
    if (!profile) throw new UsageError(`--profile needs the ${APP_TECHNIQUE} technique (the app's pipeline) in --techniques`);
    await mkdir(dirname(resolve(flags.profile)), { recursive: true });
    await writeFile(flags.profile, toExportJson(referenceProfile(profile, flags.models.split(',')[0]!, Date.now())));
    console.log(`wrote ${flags.profile}: ${profile.length} utterances`);
  }
  const report = { command, machine, runtime: flags.runtime, sets: counts, runs };
  await mkdir(dirname(resolve(flags.json)), { recursive: true });
  await writeFile(flags.json, JSON.stringify(report) + '\n');
  await writeFile(flags.out, renderAccuracyMarkdown(report));
  console.log(`wrote ${flags.out} and ${flags.json}`);
});
