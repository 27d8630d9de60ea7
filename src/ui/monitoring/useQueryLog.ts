/**
 * Owns the on-device query log (src/monitoring): a record for every utterance when it is heard,
 * completed when its query's results are on screen; a typed query once it has stood for
 * `typedSettleMs`; the person's feedback on the latest spoken query, and what they typed instead.
 * The log is on by default; "Keep query text" (on by default) decides whether text is stored.
 * Nothing here may break a search: every write is fire-and-forget (query-log.ts swallows failures).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { QueryLog } from '../../monitoring/query-log';
import type { QueryRecord } from '../../monitoring/query-record';
import type { HeardReport } from '../voice-search/useTranscription';
import { markTimeline } from '../timeline';

export interface QueryLogSettings {
  /** A typed query is logged once it has stood this long (default 1,500 ms). */
  typedSettleMs: number;
}

export const DEFAULT_QUERY_LOG_SETTINGS: QueryLogSettings = { typedSettleMs: 1_500 };

const KEEP_TEXT_KEY = 'voice-search:monitoring:keep-text';

export type Feedback = NonNullable<QueryRecord['feedback']>;

export interface QueryLogging {
  heard(report: HeardReport, model: { modelId?: string; backend?: string }): void;
  /** The results for `text` are on screen. */
  shown(text: string, spoken: boolean, results: number): void;
  /** Feedback on the latest spoken query, if there is one on screen. */
  latestSpoken?: { feedback?: Feedback };
  flag(feedback: Feedback): void;
  keepText: boolean;
  setKeepText(keep: boolean): void;
  /** The log, opened on first use; undefined where IndexedDB is unavailable. */
  log(): Promise<QueryLog | undefined>;
  /** Main-thread milliseconds spent logging the last spoken query (the issue's < 2 ms). */
  lastCostMs?: number;
}

let opened: Promise<QueryLog | undefined> | undefined;
function openLog(): Promise<QueryLog | undefined> {
  opened ??= QueryLog.open()
    .then(async (log) => {
      await log.prune();
      return log;
    })
    .catch((error: unknown) => {
      console.warn('query log: not available', error);
      return undefined;
    });
  return opened;
}

const words = (text: string) => text.trim().split(/\s+/).filter(Boolean).length;
const sameQuery = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

export function useQueryLog(settings: Partial<QueryLogSettings> = {}): QueryLogging {
  const { typedSettleMs } = { ...DEFAULT_QUERY_LOG_SETTINGS, ...settings };
  const [keepText, setKeepTextState] = useState(() => globalThis.localStorage?.getItem(KEEP_TEXT_KEY) !== 'off');
  const [latestSpoken, setLatestSpoken] = useState<{ feedback?: Feedback }>();
  const [lastCostMs, setLastCostMs] = useState<number>();
  const keep = useRef(keepText);
  keep.current = keepText;
  /** The spoken query waiting for its results, and the latest spoken record (for feedback). */
  const pending = useRef<{ id: Promise<number | undefined>; query: string; endedAt: number } | undefined>(undefined);
  const latest = useRef<Promise<number | undefined> | undefined>(undefined);
  /** A record flagged "Not what I said": the next typed query is what was said. */
  const awaitingTyped = useRef<Promise<number | undefined> | undefined>(undefined);
  const typedTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => () => clearTimeout(typedTimer.current), []);

  const heard = useCallback((report: HeardReport, model: { modelId?: string; backend?: string }) => {
    const started = performance.now();
    const { transcript } = report;
    const record: QueryRecord = {
      time: Date.now(),
      kind: 'spoken',
      modelId: transcript.standIn ?? model.modelId,
      backend: model.backend,
      audioSeconds: transcript.audioSeconds,
      level: report.level,
      recognitionMs: report.recognitionMs,
      avgLogprob: transcript.avgLogprob,
      noSpeechProb: transcript.noSpeechProb,
      ...(report.query === undefined && { nothingHeard: true }),
      ...(keep.current && transcript.text && { heard: transcript.text }),
    };
    const id = openLog().then((log) => log?.add(record));
    latest.current = id;
    awaitingTyped.current = undefined;
    pending.current = report.query === undefined ? undefined : { id, query: report.query, endedAt: report.endedAt };
    setLatestSpoken(report.query === undefined ? undefined : {});
    const costMs = report.measureMs + performance.now() - started;
    setLastCostMs(costMs);
    markTimeline('query-logged', { costMs });
  }, []);

  const update = (id: Promise<number | undefined> | undefined, change: Partial<QueryRecord>) => {
    void id?.then(async (key) => {
      if (key !== undefined) await (await openLog())?.update(key, change);
    });
  };

  const shown = useCallback(
    (text: string, spoken: boolean, results: number) => {
      clearTimeout(typedTimer.current);
      const waiting = pending.current;
      if (spoken && waiting) {
        pending.current = undefined;
        update(waiting.id, {
          resultsMs: performance.now() - waiting.endedAt,
          queryWords: words(text),
          results,
          changedByPipeline: !sameQuery(text, waiting.query),
          ...(keep.current && { searched: text }),
        });
        return;
      }
      if (spoken || text.trim() === '') return;
      setLatestSpoken(undefined);
      typedTimer.current = setTimeout(() => {
        const record: QueryRecord = { time: Date.now(), kind: 'typed', queryWords: words(text), results, ...(keep.current && { searched: text }) };
        void openLog().then((log) => log?.add(record));
        if (awaitingTyped.current && keep.current) update(awaitingTyped.current, { typedInstead: text });
        awaitingTyped.current = undefined;
      }, typedSettleMs);
    },
    [typedSettleMs],
  );

  const flag = useCallback((feedback: Feedback) => {
    update(latest.current, { feedback });
    if (feedback === 'not-what-i-said') awaitingTyped.current = latest.current;
    setLatestSpoken((current) => current && { feedback });
  }, []);

  const setKeepText = useCallback((on: boolean) => {
    globalThis.localStorage?.setItem(KEEP_TEXT_KEY, on ? 'on' : 'off');
    setKeepTextState(on);
  }, []);

  return { heard, shown, latestSpoken, flag, keepText, setKeepText, log: openLog, lastCostMs };
}
