/**
 * The page's startup and query milestones as User Timing marks (`voice-search:<name>`), so a
 * script reads them from the page (`npm run -s bench:load`, cli/bench-load.ts) and a person sees
 * them in the browser's performance panel. Marks cost microseconds and keep no audio or text
 * beyond what `detail` is given.
 */
import type { LoadResult, WarmUpReport } from '../worker/engine-api';

/** Each milestone and what its mark's detail carries. */
export interface TimelineDetails {
  /** The page's first render is on screen: the search box takes typing and the voice button clicks. */
  interactive: undefined;
  /** The place index answers typed queries. */
  'index-ready': { places: number };
  /** A stand-in's sessions are ready: it answers while the chosen (big) model loads (src/worker/stand-in.ts). */
  'stand-in-ready': LoadResult;
  /** The speech model's sessions are ready (its load, stage by stage, in `stages`). */
  'model-ready': LoadResult;
  /** The warm-up after the load ended, run to the end or given way to a query. */
  'warm-up': WarmUpReport;
  /** A transcript came back from the recogniser; `endedAt`: when its speech ended (ms, page clock). */
  transcript: { audioSeconds: number; endedAt: number };
  /** An utterance given up unheard because recognition fell behind (the queue's bound, utterance-queue.ts). */
  'utterance-skipped': undefined;
  /** A spoken query's record was made and completed in the query log; `costMs`: main-thread time it took (the audio is measured in the worker). */
  'query-logged': { costMs: number };
  /** The recognition worker failed and is being replaced (supervised-engine.ts); `reason` as the status says it. */
  'worker-restart': { reason: string };
  /** The replacement worker has the model loaded again. */
  'model-recovered': LoadResult;
}

export const TIMELINE_PREFIX = 'voice-search:';

export function markTimeline<K extends keyof TimelineDetails>(name: K, detail: TimelineDetails[K]): void {
  // A page without User Timing (very old browsers) simply has no timeline.
  globalThis.performance?.mark?.(TIMELINE_PREFIX + name, { detail });
}
