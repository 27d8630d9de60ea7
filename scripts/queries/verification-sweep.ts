/**
 * Fits verification's weights (src/search/verification/verification-options.ts) on the tuning
 * half of the query set, never the test half: each utterance is recognised with the app's
 * pipeline (beam, rescoring, correction), its candidate transcripts are scored by the recogniser
 * listening again — the sound-alikes and the names the recogniser itself wrote into the place
 * slots by constrained decoding, at the widest settings of the grid — and the rows are cached; then every combination of the weights on the grid is
 * decided in memory and printed with top-1, top-3 and the places forced onto queries naming
 * none, best first. Also prints the candidate oracle (some candidate finds the place) and the
 * time scoring took.
 *
 *   npx tsx scripts/queries/verification-sweep.ts [--model moonshine-tiny-q8] [--limit N]
 *
 * Rows are cached in .cache/verification/MODEL-RUNTIME-slots-beamN-vK.json (K: CACHE_VERSION, raised
 * whenever what the recogniser returns changes); delete it to recognise again.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { readAudioFile } from '../../cli/audio-file';
import { defineCommand, runCommand } from '../../cli/command-line';
import { decodeOptionsFromFlags, loadRecognizer, recognizerFlags } from '../../cli/recognizer-options';
import { loadSpokenPipeline } from '../../cli/spoken-pipeline';
import { DEFAULT_PIPELINE_OPTIONS } from '../../src/query';
import { DEFAULT_VERIFICATION_OPTIONS, placeCandidates, placeSlots, slotNames, verifyPlace, type HeardScore, type SlotNames, type VerificationOptions } from '../../src/search/verification';
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
    candidates: { type: 'string', default: '16', value: 'N', help: 'candidates scored per utterance (the grid tries fewer too)' },
    top: { type: 'string', default: '15', value: 'N', help: 'combinations printed' },
    'slot-beam': { type: 'string', default: String(DEFAULT_VERIFICATION_OPTIONS.slotBeam), value: 'N', help: 'beam of the constrained pass (not on the grid: it changes what is cached)' },
  },
  positionals: { min: 0, max: 0, name: '' },
});

interface Row {
  path: string;
  expectedId: string | null;
  query: string;
  /** The n-best hypotheses the candidates were made from, the query first. */
  hypotheses: string[];
  /** What the constrained pass named in each slot, at the widest settings. */
  slots: SlotNames[];
  /** Candidate text → its score, for every candidate the widest settings make. */
  scores: Record<string, HeardScore>;
  /** Constrained passes and scoring, milliseconds. */
  slotMs: number;
  scoreMs: number;
}

/** The widest settings the grid tries: every narrower point's candidates are a subset. */
/**
 * 2: a slot name's continuation is kept only when it reached end-of-text (SlotName.continuation);
 * rows cached before it hold continuations cut by their budget.
 */
const CACHE_VERSION = 2;

const WIDE = { ...DEFAULT_VERIFICATION_OPTIONS, maxCandidates: 16, maxSlots: 3, namesPerSlot: 4, spansPerName: 2 };

await runCommand(spec, async ({ flags }) => {
  const pipeline = await loadSpokenPipeline();
  const slotBeam = Number(flags['slot-beam']);
  const cacheFile = join('.cache/verification', `${flags.model}-${flags.runtime}-slots-beam${slotBeam}-v${CACHE_VERSION}.json`);
  const wide = { ...WIDE, maxCandidates: Number(flags.candidates), slotBeam };
  let rows: Row[];
  if (existsSync(cacheFile)) rows = JSON.parse(await readFile(cacheFile, 'utf8'));
  else {
    const dir = DEFAULT_QUERY_SET_OPTIONS.outDir;
    const queries = (JSON.parse(await readFile(join(dir, 'queries.json'), 'utf8')) as SpokenQuery[]).filter((q) => q.split === 'tune').slice(0, Number(flags.limit));
    const { recognizer } = await loadRecognizer(flags);
    recognizer.useNames(slotNames(pipeline.catalogue.sounds, wide));
    const steps = { ...DEFAULT_PIPELINE_OPTIONS, verification: false };
    rows = [];
    for (const q of queries) {
      const t = await recognizer.transcribe(await readAudioFile(join(dir, q.path)), decodeOptionsFromFlags(flags));
      const answer = pipeline.answer(t, steps, 3);
      if (!answer.accepted) continue;
      const started = performance.now();
      const open = placeSlots(answer.query, wide);
      const named = await recognizer.completeNames(t.heardId, open.map((o) => o.prefix), { beamSize: wide.slotBeam, maxNames: wide.namesPerSlot, continuation: wide.slotContinuation });
      const slots = open.map((o, i) => ({ start: o.start, names: named[i]!.map(({ name, sumLogprob, continuation }) => ({ name, sumLogprob, continuation })), ...(o.carrier && { carrier: o.prefix }) }));
      const slotted = performance.now();
      const hypotheses = [...new Set([answer.query, answer.heard, ...answer.alternatives.map((a) => a.text)])];
      const candidates = placeCandidates(pipeline.catalogue.sounds, hypotheses, wide, slots);
      const scored = await recognizer.scoreTranscripts(t.heardId, candidates.map((c) => c.text));
      const scores = Object.fromEntries(candidates.map((c, i) => [c.text, scored[i]!]));
      rows.push({ path: q.path, expectedId: q.place && `geonames:${q.place.id}`, query: answer.query, hypotheses, slots, scores, slotMs: slotted - started, scoreMs: performance.now() - slotted });
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
  const quantiles = (xs: number[]) => {
    const sorted = [...xs].sort((a, b) => a - b);
    return `median ${sorted[sorted.length >> 1]!.toFixed(0)} ms, p95 ${sorted[Math.floor(0.95 * sorted.length)]!.toFixed(0)} ms`;
  };
  console.log(`${named.length} tuning queries naming a place, ${placeless.length} naming none`);
  console.log(`constrained passes (${wide.maxSlots} slots, beam ${wide.slotBeam}, ${wide.namesPerSlot} names): ${quantiles(rows.map((r) => r.slotMs))}; scoring the candidates: ${quantiles(rows.map((r) => r.scoreMs))}`);
  console.log(`without verification: top-1 ${pct(named.filter((r) => top3(r.query)[0] === r.expectedId).length)}, top-3 ${pct(named.filter((r) => top3(r.query).includes(r.expectedId!)).length)}`);

  /** The candidates a grid point makes (a subset of the cached ones) and their cached scores. */
  const candidatesAt = (r: Row, o: VerificationOptions) => {
    // The slots today's placeSlots opens (the cached ones were opened by the widest settings, maybe by an earlier rule).
    const open = placeSlots(r.query, o);
    const slots = r.slots.filter((s) => open.some((x) => x.start === s.start && (x.carrier ? x.prefix : undefined) === s.carrier));
    const candidates = placeCandidates(pipeline.catalogue.sounds, r.hypotheses, o, slots).filter((c) => r.scores[c.text]);
    return { candidates, scores: candidates.map((c) => r.scores[c.text]!) };
  };
  const oracle = (o: VerificationOptions) => pct(named.filter((r) => candidatesAt(r, o).candidates.some((c) => top3(c.text).includes(r.expectedId!))).length);
  console.log(`candidate oracle (some candidate's top 3 holds the place): sound-alikes only ${oracle({ ...wide, maxSlots: 0 })}, with the slots ${oracle(wide)}`);

  const results: { options: Partial<VerificationOptions>; top1: number; top3: number; forced: number }[] = [];
  for (const maxSlots of [0, 1, 2, 3]) for (const namesPerSlot of [2, 4]) for (const slotContinuation of [0, 8]) for (const spansPerName of [0, 1, 2]) for (const maxCandidates of [8, 16]) {
    if (slotContinuation === 0 && spansPerName === 0) continue;
    if (maxSlots === 0 && (namesPerSlot !== 2 || spansPerName !== 1)) continue;
    if (maxCandidates === 16 && namesPerSlot !== 4) continue;
    const sets = rows.map((r) => candidatesAt(r, { ...DEFAULT_VERIFICATION_OPTIONS, maxSlots, namesPerSlot, slotContinuation, spansPerName, maxCandidates }));
    for (const tokenBonus of [0, 0.5, 1, 2]) for (const priorWeight of [4, 8, 12, 16, 24]) for (const nameBonus of [0, 2]) for (const replaceMargin of [-8, -6, -4, -3, -2, -1, 0, 1, 2, 3, 4]) {
      const options = { ...DEFAULT_VERIFICATION_OPTIONS, maxSlots, namesPerSlot, maxCandidates, slotContinuation, spansPerName, tokenBonus, priorWeight, nameBonus, replaceMargin };
      let t1 = 0;
      let t3 = 0;
      let forced = 0;
      rows.forEach((r, i) => {
        const { candidates, scores } = sets[i]!;
        const verdict = verifyPlace({ text: r.query, prior: candidates[0]!.prior, score: scores[0]! }, candidates, scores, options);
        if (!r.expectedId) forced += verdict.replaced ? 1 : 0;
        else {
          const ids = top3(verdict.text);
          t1 += ids[0] === r.expectedId ? 1 : 0;
          t3 += ids.includes(r.expectedId) ? 1 : 0;
        }
      });
      results.push({ options: { maxSlots, namesPerSlot, maxCandidates, slotContinuation, spansPerName, tokenBonus, priorWeight, nameBonus, replaceMargin }, top1: t1, top3: t3, forced });
    }
  }
  results.sort((a, b) => a.forced - b.forced || b.top3 - a.top3 || b.top1 - a.top1);
  for (const r of results.slice(0, Number(flags.top))) console.log(`${JSON.stringify(r.options)}\ttop-1 ${pct(r.top1)}\ttop-3 ${pct(r.top3)}\tforced ${r.forced}/${placeless.length}`);
  // The best point at each slot count, so the cost of a slot can be weighed against what it finds.
  for (const maxSlots of [0, 1, 2, 3]) {
    const best = results.find((r) => r.options.maxSlots === maxSlots);
    if (best) console.log(`best with ${maxSlots} slots: ${JSON.stringify(best.options)}\ttop-1 ${pct(best.top1)}\ttop-3 ${pct(best.top3)}\tforced ${best.forced}/${placeless.length}`);
  }
});
