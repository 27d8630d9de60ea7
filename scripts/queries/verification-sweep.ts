/**
 * Fits verification's weights (src/search/verification/verification-options.ts) on the tuning
 * half of the query set, never the test half: each utterance is recognised with the app's
 * pipeline (beam, rescoring, correction), its candidate transcripts are scored by the recogniser
 * listening again, and the rows are cached; then every combination of the weights on the grid is
 * decided in memory and printed with top-1, top-3 and the places forced onto queries naming
 * none, best first. Also prints the candidate oracle (some candidate finds the place) and the
 * time scoring took.
 *
 *   npx tsx scripts/queries/verification-sweep.ts [--model moonshine-tiny-q8] [--limit N]
 *
 * Rows are cached in .cache/verification/MODEL-RUNTIME.json; delete it to recognise again.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { readAudioFile } from '../../cli/audio-file';
import { defineCommand, runCommand } from '../../cli/command-line';
import { decodeOptionsFromFlags, loadRecognizer, recognizerFlags } from '../../cli/recognizer-options';
import { loadSpokenPipeline } from '../../cli/spoken-pipeline';
import { DEFAULT_PIPELINE_OPTIONS } from '../../src/query';
import { DEFAULT_VERIFICATION_OPTIONS, placeCandidates, verifyPlace, type HeardScore, type PlaceCandidate, type VerificationOptions } from '../../src/search/verification';
import { DEFAULT_QUERY_SET_OPTIONS, type SpokenQuery } from './make-query-set';

const spec = defineCommand({
  usage: 'npx tsx scripts/queries/verification-sweep.ts [options]',
  description: "Fits verification's weights on the query set's tuning half.",
  flags: {
    ...recognizerFlags,
    model: { ...recognizerFlags.model, default: DEFAULT_PIPELINE_OPTIONS.modelId },
    beam: { ...recognizerFlags.beam, default: String(DEFAULT_PIPELINE_OPTIONS.beamSize) },
    runtime: { ...recognizerFlags.runtime, default: 'node' },
    limit: { type: 'string', default: '1000', value: 'N', help: 'at most N tuning utterances' },
    candidates: { type: 'string', default: '40', value: 'N', help: 'candidates scored per utterance (the grid tries fewer too)' },
    top: { type: 'string', default: '15', value: 'N', help: 'combinations printed' },
  },
  positionals: { min: 0, max: 0, name: '' },
});

interface Row {
  path: string;
  expectedId: string | null;
  query: string;
  candidates: PlaceCandidate[];
  scores: HeardScore[];
  scoreMs: number;
}

await runCommand(spec, async ({ flags }) => {
  const pipeline = await loadSpokenPipeline();
  const cacheFile = join('.cache/verification', `${flags.model}-${flags.runtime}.json`);
  let rows: Row[];
  if (existsSync(cacheFile)) rows = JSON.parse(await readFile(cacheFile, 'utf8'));
  else {
    const dir = DEFAULT_QUERY_SET_OPTIONS.outDir;
    const queries = (JSON.parse(await readFile(join(dir, 'queries.json'), 'utf8')) as SpokenQuery[]).filter((q) => q.split === 'tune').slice(0, Number(flags.limit));
    const { recognizer } = await loadRecognizer(flags);
    const steps = { ...DEFAULT_PIPELINE_OPTIONS, verification: false };
    const wide = { ...DEFAULT_VERIFICATION_OPTIONS, maxCandidates: Number(flags.candidates) };
    rows = [];
    for (const q of queries) {
      const t = await recognizer.transcribe(await readAudioFile(join(dir, q.path)), decodeOptionsFromFlags(flags));
      const answer = pipeline.answer(t, steps, 3);
      if (!answer.accepted) continue;
      const started = performance.now();
      const candidates = placeCandidates(pipeline.catalogue.sounds, [...new Set([answer.query, answer.heard, ...answer.alternatives.map((a) => a.text)])], wide);
      const scores = await recognizer.scoreTranscripts(t.heardId, candidates.map((c) => c.text));
      rows.push({ path: q.path, expectedId: q.place && `geonames:${q.place.id}`, query: answer.query, candidates, scores, scoreMs: performance.now() - started });
      process.stdout.write('.');
    }
    await recognizer.release();
    await mkdir(dirname(cacheFile), { recursive: true });
    await writeFile(cacheFile, JSON.stringify(rows));
    console.log();
  }
  const hitsCache = new Map<string, string[]>();
  const top3 = (text: string) => {
    let ids = hitsCache.get(text);
    if (!ids) hitsCache.set(text, (ids = pipeline.catalogue.places.search(text, { prefix: false, limit: 3 }).map((h) => h.place.id)));
    return ids;
  };
  const named = rows.filter((r) => r.expectedId);
  const placeless = rows.filter((r) => !r.expectedId);
  const pct = (n: number) => `${((100 * n) / named.length).toFixed(1)}%`;
  const ms = rows.map((r) => r.scoreMs).sort((a, b) => a - b);
  console.log(`${named.length} tuning queries naming a place, ${placeless.length} naming none; scoring ${flags.candidates} candidates: median ${ms[ms.length >> 1]!.toFixed(0)} ms, p95 ${ms[Math.floor(0.95 * ms.length)]!.toFixed(0)} ms`);
  console.log(`without verification: top-1 ${pct(named.filter((r) => top3(r.query)[0] === r.expectedId).length)}, top-3 ${pct(named.filter((r) => top3(r.query).includes(r.expectedId!)).length)}`);
  console.log(`candidate oracle (some candidate's top 3 holds the place): ${pct(named.filter((r) => r.candidates.some((c) => top3(c.text).includes(r.expectedId!))).length)}`);

  // Rows cached by an earlier candidate generator keep only the candidates today's would make
  // (it can only have grown stricter since: the cached 40 are a superset of what it makes).
  for (const r of rows) {
    const hypotheses = r.candidates.filter((c) => c.name === null).map((c) => c.text);
    const fresh = new Map(placeCandidates(pipeline.catalogue.sounds, hypotheses, { ...DEFAULT_VERIFICATION_OPTIONS, maxCandidates: 1000 }).map((c) => [c.text, c]));
    const keep = r.candidates.map((c, i) => (fresh.has(c.text) ? i : -1)).filter((i) => i >= 0);
    r.candidates = keep.map((i) => fresh.get(r.candidates[i]!.text)!);
    r.scores = keep.map((i) => r.scores[i]!);
  }
  const results: { options: Partial<VerificationOptions>; top1: number; top3: number; forced: number }[] = [];
  for (const maxCandidates of [8, 12, 16, 24, 40]) for (const tokenBonus of [0, 0.5, 1, 2]) for (const priorWeight of [4, 8, 12, 16, 24]) for (const nameBonus of [0, 2]) for (const replaceMargin of [-8, -6, -4, -3, -2, -1, 0, 1, 2, 3, 4]) {
    const options = { ...DEFAULT_VERIFICATION_OPTIONS, maxCandidates, tokenBonus, priorWeight, nameBonus, replaceMargin };
    let t1 = 0;
    let t3 = 0;
    let forced = 0;
    for (const r of rows) {
      // The first candidates are the hypotheses, then the rest by likeness: fewer candidates is a prefix.
      const n = Math.min(maxCandidates, r.candidates.length);
      const verdict = verifyPlace({ text: r.query, prior: r.candidates[0]!.prior, score: r.scores[0]! }, r.candidates.slice(0, n), r.scores.slice(0, n), options);
      if (!r.expectedId) forced += verdict.replaced ? 1 : 0;
      else {
        const ids = top3(verdict.text);
        t1 += ids[0] === r.expectedId ? 1 : 0;
        t3 += ids.includes(r.expectedId) ? 1 : 0;
      }
    }
    results.push({ options: { maxCandidates, tokenBonus, priorWeight, nameBonus, replaceMargin }, top1: t1, top3: t3, forced });
  }
  results.sort((a, b) => a.forced - b.forced || b.top3 - a.top3 || b.top1 - a.top1);
  for (const r of results.slice(0, Number(flags.top))) console.log(`${JSON.stringify(r.options)}\ttop-1 ${pct(r.top1)}\ttop-3 ${pct(r.top3)}\tforced ${r.forced}/${placeless.length}`);
});
