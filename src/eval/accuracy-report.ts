/**
 * The numbers and the error analysis behind docs/ACCURACY.md, from per-utterance results (pure;
 * tested in Node). cli/accuracy.ts produces the results; this only counts and writes.
 */
import { alignWords, topConfusions } from './align';
import { normalizeForWer } from './normalize';
import { corpusWer, wordErrors } from './wer';
import { median, quantile } from './stats';

export type UtteranceSet = 'queries' | 'recordings' | 'noise';

export interface UtteranceResult {
  set: UtteranceSet;
  path: string;
  /** What was said ('' for the noise set: nothing). */
  reference: string;
  /** The synthetic voice, for generated queries. */
  voice?: string;
  /** The catalogue entry the query names, when it names one. */
  expected?: { id: string; name: string };
  /** The recogniser's text. */
  transcript: string;
  /** What reached the search box ('' when no query was made: silence, noise, nothing heard). */
  query: string;
  /** "Did you mean" offered, if any. */
  suggestion: string | null;
  /** Rank of `expected` in the results of `query` (0-based), −1 when not in the first three. */
  rank: number;
  recognitionMs: number;
  correctionMs: number;
}

/** The accuracy technique that is the app's own pipeline (cli/accuracy.ts: beam, rescoring, correction, verification). */
export const APP_TECHNIQUE = 'verification';

export interface TechniqueRun {
  model: string;
  /** Short id, e.g. `safeguards`. */
  technique: string;
  /** How it reads in the tables, e.g. `+ safeguards`. */
  label: string;
  /**
   * The technique it is added to, when not the one measured before it (a technique measured on
   * top of the app's pipeline after others that are not: `correction`).
   */
  against?: string;
  utterances: UtteranceResult[];
}

export interface TechniqueSummary {
  model: string;
  technique: string;
  label: string;
  /** WER of the search box text against what was said, generated queries. */
  werQueries: number;
  /** ...and the committed real recordings. */
  werRecordings: number;
  queries: number;
  top1: number;
  top3: number;
  noiseClips: number;
  /** Noise clips that produced a query: made-up queries. */
  falseQueries: number;
  /** Generated queries that name no place. */
  placeless: number;
  /** ...whose query the catalogue steps changed from what the recogniser wrote: a place forced onto them. */
  forcedPlaces: number;
  medianRecognitionMs: number;
  medianCorrectionMs: number;
  p95CorrectionMs: number;
}

export { quantile };

const ofSet = (run: TechniqueRun, set: UtteranceSet) => run.utterances.filter((u) => u.set === set);
const wer = (us: readonly UtteranceResult[]) => corpusWer(us.map((u) => wordErrors(normalizeForWer(u.reference), normalizeForWer(u.query))));

export function summarize(run: TechniqueRun): TechniqueSummary {
  const named = run.utterances.filter((u) => u.expected);
  const noise = ofSet(run, 'noise');
  const speech = run.utterances.filter((u) => u.set !== 'noise');
  const placeless = ofSet(run, 'queries').filter((u) => !u.expected);
  return {
    model: run.model,
    technique: run.technique,
    label: run.label,
    werQueries: wer(ofSet(run, 'queries')),
    werRecordings: wer(ofSet(run, 'recordings')),
    queries: named.length,
    top1: named.length ? named.filter((u) => u.rank === 0).length / named.length : NaN,
    top3: named.length ? named.filter((u) => u.rank >= 0).length / named.length : NaN,
    noiseClips: noise.length,
    falseQueries: noise.filter((u) => u.query !== '').length,
    placeless: placeless.length,
    forcedPlaces: placeless.filter((u) => u.query !== u.transcript).length,
    medianRecognitionMs: median(speech.map((u) => u.recognitionMs)),
    medianCorrectionMs: median(speech.map((u) => u.correctionMs)),
    p95CorrectionMs: quantile(speech.map((u) => u.correctionMs), 0.95),
  };
}

export interface Change {
  path: string;
  expected: string;
  before: string;
  after: string;
}

/** Named queries that a technique brought into the top three (fixed) or pushed out (broke). */
export function fixedAndBroken(before: TechniqueRun, after: TechniqueRun): { fixed: Change[]; broke: Change[] } {
  const earlier = new Map(before.utterances.map((u) => [u.path, u]));
  const fixed: Change[] = [];
  const broke: Change[] = [];
  for (const u of after.utterances) {
    const b = earlier.get(u.path);
    if (!b || !u.expected) continue;
    const change = { path: u.path, expected: u.expected.name, before: b.query, after: u.query };
    if (b.rank < 0 && u.rank >= 0) fixed.push(change);
    if (b.rank >= 0 && u.rank < 0) broke.push(change);
  }
  return { fixed, broke };
}

/** Top-3 hit rate per synthetic voice. */
export function perVoice(run: TechniqueRun): { voice: string; queries: number; top1: number; top3: number }[] {
  const byVoice = new Map<string, UtteranceResult[]>();
  for (const u of run.utterances) if (u.voice && u.expected) byVoice.set(u.voice, [...(byVoice.get(u.voice) ?? []), u]);
  return [...byVoice]
    .map(([voice, us]) => ({ voice, queries: us.length, top1: us.filter((u) => u.rank === 0).length / us.length, top3: us.filter((u) => u.rank >= 0).length / us.length }))
    .sort((a, b) => b.top3 - a.top3 || a.voice.localeCompare(b.voice));
}

/** Entries never in the top three, however often they were asked for. */
export function neverFound(run: TechniqueRun): { name: string; asked: number; heardAs: string[] }[] {
  const byPlace = new Map<string, UtteranceResult[]>();
  for (const u of run.utterances) if (u.expected) byPlace.set(u.expected.id, [...(byPlace.get(u.expected.id) ?? []), u]);
  return [...byPlace.values()]
    .filter((us) => us.every((u) => u.rank < 0))
    .map((us) => ({ name: us[0].expected!.name, asked: us.length, heardAs: us.map((u) => u.query) }))
    .sort((a, b) => b.asked - a.asked || a.name.localeCompare(b.name));
}

export function wordConfusions(run: TechniqueRun, limit: number) {
  return topConfusions(
    run.utterances.filter((u) => u.set !== 'noise').map((u) => alignWords(normalizeForWer(u.reference), normalizeForWer(u.query))),
    limit,
  );
}

export interface AccuracyReportInput {
  command: string;
  machine: string;
  runtime: string;
  sets: { queries: number; recordings: number; noise: number };
  /** Per model, the techniques in the order they are added. */
  runs: TechniqueRun[];
}

const pct = (x: number) => (Number.isFinite(x) ? `${(100 * x).toFixed(1)}%` : '–');
const ms = (x: number) => (Number.isFinite(x) ? `${x.toFixed(x < 10 ? 1 : 0)} ms` : '–');
const cell = (s: string) => s.replace(/\|/g, '\\|') || '(nothing)';

export function renderAccuracyMarkdown(input: AccuracyReportInput): string {
  const lines: string[] = [
    '# Accuracy',
    '',
    `Generated by \`${input.command}\` (src/eval/accuracy-report.ts); do not edit by hand.`,
    `Machine: ${input.machine}. Runtime: ${input.runtime}.`,
    '',
    `Sets: the test half of the generated spoken queries, ${input.sets.queries} (\`npm run -s queries\`: cities of`,
    '100,000 people and more, some said with their country, and a few queries that name no place; eleven',
    'flite, espeak-ng and festival voices at several speeds; split by place, nothing tuned on this half), the',
    `${input.sets.recordings} committed recordings (fixtures/audio/manifest.tsv) and ${input.sets.noise} clips without speech`,
    '(`npm run -s noise-set`: silence, white and pink noise, hum, clicks, tones). WER is of the text that',
    'reached the search box; top-1/top-3 is whether the named place is the first / among the first three',
    'results; a false query is a noise clip that put anything in the box; a forced place is a query naming',
    'no place that the catalogue steps changed. Latency is the median',
    'recognition time per utterance (features, encoder, decoder, every beam) and the time the catalogue',
    'steps take per query (src/query/spoken-query.ts: n-best rescoring, correction, the "Did you mean" gate, verification —',
    'the recogniser listening again to the candidates — and the search itself).',
    '',
    '| model | technique | WER queries | WER recordings | top-1 | top-3 | false queries | forced places | recognition | catalogue steps (median / p95) |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const run of input.runs) {
    const s = summarize(run);
    lines.push(
      `| ${s.model} | ${s.label} | ${pct(s.werQueries)} | ${pct(s.werRecordings)} | ${pct(s.top1)} | ${pct(s.top3)} | ${s.falseQueries} / ${s.noiseClips} | ${s.forcedPlaces} / ${s.placeless} | ${ms(s.medianRecognitionMs)} | ${ms(s.medianCorrectionMs)} / ${ms(s.p95CorrectionMs)} |`,
    );
  }
  const models = [...new Set(input.runs.map((r) => r.model))];
  for (const model of models) {
    const runs = input.runs.filter((r) => r.model === model);
    // The error analysis is of what the app does, when that was measured.
    const last = runs.find((r) => r.technique === APP_TECHNIQUE) ?? runs[runs.length - 1];
    lines.push('', `## ${model}`, '', '### What each technique fixed and broke', '');
    for (let i = 1; i < runs.length; i++) {
      const before = (runs[i].against && runs.find((r) => r.technique === runs[i].against)) || runs[i - 1];
      const { fixed, broke } = fixedAndBroken(before, runs[i]);
      lines.push(`**${runs[i].label}**: fixed ${fixed.length}, broke ${broke.length} (top-3, against ${before.label}).`, '');
      const examples = [...fixed.slice(0, 8).map((c) => ['fixed', c] as const), ...broke.slice(0, 8).map((c) => ['broke', c] as const)];
      if (examples.length) {
        lines.push('| | place | before | after |', '| --- | --- | --- | --- |');
        for (const [what, c] of examples) lines.push(`| ${what} | ${c.expected} | ${cell(c.before)} | ${cell(c.after)} |`);
        lines.push('');
      }
    }
    lines.push(`### Top-1 and top-3 by voice (${last.label})`, '', '| voice | queries | top-1 | top-3 |', '| --- | ---: | ---: | ---: |');
    for (const v of perVoice(last)) lines.push(`| ${v.voice} | ${v.queries} | ${pct(v.top1)} | ${pct(v.top3)} |`);
    lines.push('', `### Most frequent word confusions (${last.label})`, '', '| reference → heard | count |', '| --- | ---: |');
    for (const c of wordConfusions(last, 20)) lines.push(`| ${c.confusion} | ${c.count} |`);
    const missing = neverFound(last);
    lines.push('', `### Places never found (${last.label}): ${missing.length}`, '');
    if (missing.length) {
      lines.push('| place | asked | heard as |', '| --- | ---: | --- |');
      for (const m of missing.slice(0, 30)) lines.push(`| ${m.name} | ${m.asked} | ${m.heardAs.map(cell).join('; ')} |`);
      if (missing.length > 30) lines.push('', `…and ${missing.length - 30} more (docs/data/accuracy.json).`);
    }
  }
  return lines.join('\n') + '\n';
}
