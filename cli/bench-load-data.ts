/**
 * What `npm run -s bench:load` measures, apart from the browser (pure; tested): each visit's
 * milestones read from the page's timeline (src/ui/timeline.ts) and its workers' measures, the
 * rounds' medians, and the report's section.
 */
import { median } from '../src/eval/stats';
import type { LoadStage } from '../src/worker/load-trace';

/** One span on a visit's timeline, in ms from the page's navigation start. */
export interface Span {
  name: string;
  startMs: number;
  ms: number;
}

/** One page visit, every time in ms from its navigation start. */
export interface VisitTimeline {
  /** The first render: typing and the voice button work. */
  interactive: number;
  /** The place index answers typed queries. */
  indexReady: number | undefined;
  /** The stand-in's sessions are ready (src/worker/stand-in.ts; only while a big chosen model loads). */
  standInReady?: number;
  /** The model's sessions are ready. */
  modelReady: number;
  /** LoadResult.loadMs: the model load in the worker, from the request to ready sessions. */
  loadMs: number;
  /** LoadResult.stages, moved onto the page's timeline. */
  modelStages: Span[];
  /** The search worker's measures (search.worker.ts), on the page's timeline. */
  searchStages: Span[];
  /** The warm-up's end, and whether it ran to the end (a query makes it give way). */
  warmUpEnd: number | undefined;
  warmUpCompleted: boolean | undefined;
  /** When the query's audio was handed to the page (only a visit that speaks at once). */
  spokeAt: number | undefined;
  /** When its transcript came back from the recogniser. */
  firstTranscript: number | undefined;
}

/** The model's stages on the page's timeline: the load began loadMs before the ready mark. */
export function modelStagesOnPage(modelReady: number, loadMs: number, stages: readonly LoadStage[]): Span[] {
  const start = modelReady - loadMs;
  return stages.map((s) => ({ name: s.name, startMs: start + s.startMs, ms: s.ms }));
}

/** A worker's measure on the page's timeline: both clocks count from their own time origin. */
export function workerSpanOnPage(pageTimeOrigin: number, workerTimeOrigin: number, measure: { name: string; startTime: number; duration: number }): Span {
  return { name: measure.name, startMs: workerTimeOrigin + measure.startTime - pageTimeOrigin, ms: measure.duration };
}

/** The kinds of visit, in the order the report shows them. */
export const VISIT_KINDS = ['first visit', 'returning visit', 'returning visit, speaking at once'] as const;
export type VisitKind = (typeof VISIT_KINDS)[number];

export interface LoadBenchResult {
  command: string;
  /** What was measured, when it is not simply this checkout (`--label`): e.g. the code before a change. */
  label?: string;
  chromium: string;
  machine: string;
  modelId: string;
  /** The recording handed over at once, and its length. */
  query: { file: string; seconds: number };
  rounds: number;
  /** Per kind, one timeline per round. */
  visits: Record<VisitKind, VisitTimeline[]>;
}

/** A row of the report: a label and, per visit kind, the rounds' values (ms). */
export interface LoadRow {
  label: string;
  values: Record<VisitKind, number[]>;
}

/** `value` of every timeline where it is defined. */
function pick(timelines: readonly VisitTimeline[], value: (t: VisitTimeline) => number | undefined): number[] {
  return timelines.flatMap((t) => {
    const v = value(t);
    return v === undefined || !Number.isFinite(v) ? [] : [v];
  });
}

/** The duration of the stage named `name` (summed if it recurs, e.g. after a fallback). */
function stageMs(spans: readonly Span[], name: string): number | undefined {
  const matching = spans.filter((s) => s.name === name);
  return matching.length ? matching.reduce((sum, s) => sum + s.ms, 0) : undefined;
}

/** Stage names in the order they first start, over every timeline. */
function stageNames(timelines: readonly VisitTimeline[], spans: (t: VisitTimeline) => Span[]): string[] {
  const first = new Map<string, number>();
  for (const t of timelines) for (const s of spans(t)) first.set(s.name, Math.min(first.get(s.name) ?? Infinity, s.startMs));
  return [...first.entries()].sort((a, b) => a[1] - b[1]).map(([name]) => name);
}

export function loadRows(result: LoadBenchResult): LoadRow[] {
  const all = VISIT_KINDS.flatMap((k) => result.visits[k]);
  const row = (label: string, value: (t: VisitTimeline) => number | undefined): LoadRow => ({
    label,
    values: Object.fromEntries(VISIT_KINDS.map((k) => [k, pick(result.visits[k], value)])) as Record<VisitKind, number[]>,
  });
  return [
    row('page interactive (after navigation start)', (t) => t.interactive),
    row('place index ready (typed queries answered)', (t) => t.indexReady),
    ...stageNames(all, (t) => t.searchStages).map((name) => row(`search worker: ${name}`, (t) => stageMs(t.searchStages, name))),
    row('stand-in (moonshine-tiny) ready', (t) => t.standInReady),
    row('model load starts', (t) => t.modelReady - t.loadMs),
    row('model ready', (t) => t.modelReady),
    row('model load (request to ready sessions)', (t) => t.loadMs),
    ...stageNames(all, (t) => t.modelStages).map((name) => row(`model: ${name}`, (t) => stageMs(t.modelStages, name))),
    row('warm-up ends', (t) => t.warmUpEnd),
    row('query handed over', (t) => t.spokeAt),
    row('first transcript', (t) => t.firstTranscript),
    row('first transcript after the query was handed over', (t) => (t.firstTranscript === undefined || t.spokeAt === undefined ? undefined : t.firstTranscript - t.spokeAt)),
  ].filter((r) => VISIT_KINDS.some((k) => r.values[k].length > 0));
}

/** "1234 (1100–1400)", or "—" with no values. */
export function cell(values: readonly number[]): string {
  if (!values.length) return '—';
  const m = Math.round(median(values));
  if (values.length === 1) return String(m);
  return `${m} (${Math.round(Math.min(...values))}–${Math.round(Math.max(...values))})`;
}

/** The rows a before/after comparison shows, by label. */
const HEADLINE_ROWS = [
  'place index ready (typed queries answered)',
  'model ready',
  'model load (request to ready sessions)',
  'warm-up ends',
  'first transcript',
];

function describeRun(result: LoadBenchResult): string {
  const label = result.label && !result.command.includes(result.label) ? ` (${result.label})` : '';
  return `\`${result.command}\`${label}, headless Chromium ${result.chromium}, ${result.machine}, model ${result.modelId} on WASM, ${result.rounds} round(s)`;
}

function table(result: LoadBenchResult): string[] {
  const lines = [`| | ${VISIT_KINDS.join(' | ')} |`, `| --- | ${VISIT_KINDS.map(() => '---').join(' | ')} |`];
  for (const r of loadRows(result)) lines.push(`| ${r.label} | ${VISIT_KINDS.map((k) => cell(r.values[k])).join(' | ')} |`);
  return lines;
}

/** The report's section (cli/bench-report.ts); with `before`, a comparison and both runs in full. */
export function loadSection(result: LoadBenchResult, before?: LoadBenchResult): string[] {
  const lines = [
    '## Opening the page: where the time goes',
    '',
    `From ${describeRun(result)}, the production build and server. Each round is a fresh browser profile with three visits, each a new page: a first visit (nothing stored; it waits until the service worker has stored the app), a returning visit (everything from Cache Storage, nothing said), and a returning visit that hands over ${result.query.file} (${result.query.seconds.toFixed(1)} s) through the file input as soon as the search box appears. Times are ms after the page's navigation start, median (min–max) over the rounds; a stage's row is its duration. Milestones are the page's User Timing marks (src/ui/timeline.ts); the model's stages are the worker's (src/worker/load-trace.ts), the search worker's its own measures (search.worker.ts). Files are read in parallel and the runtime starts beside them, so stages overlap; a cached file's sha256 runs beside session creation.`,
    '',
  ];
  if (before) {
    const rowsBefore = new Map(loadRows(before).map((r) => [r.label, r.values]));
    const rowsAfter = new Map(loadRows(result).map((r) => [r.label, r.values]));
    lines.push(`Before and after, medians in ms (before: ${describeRun(before)}):`, '', `| | ${VISIT_KINDS.join(' | ')} |`, `| --- | ${VISIT_KINDS.map(() => '---').join(' | ')} |`);
    for (const label of HEADLINE_ROWS) {
      const a = rowsBefore.get(label);
      const b = rowsAfter.get(label);
      if (!a || !b) continue;
      const pair = (k: VisitKind) => (a[k].length && b[k].length ? `${Math.round(median(a[k]))} → ${Math.round(median(b[k]))}` : '—');
      lines.push(`| ${label} | ${VISIT_KINDS.map(pair).join(' | ')} |`);
    }
    lines.push('', '### After', '');
  }
  lines.push(...table(result), '');
  if (before) lines.push('### Before', '', ...table(before), '');
  return lines;
}
