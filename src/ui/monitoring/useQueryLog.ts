/**
 * Owns the on-device query log (src/monitoring): a record for every utterance when it is heard,
 * completed when its query's results are on screen; a typed query once it has stood for
 * `typedSettleMs`; the person's feedback on the latest spoken query, and what they typed instead.
 * The log is on by default; "Keep query text" (on by default) decides whether text is stored.
 * Nothing here may break a search: every write is fire-and-forget (query-log.ts swallows failures).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { QueryLog } from '../../monitoring/query-log';
import { beamMargin, changeSteps, type QueryRecord, type QueryStages } from '../../monitoring/query-record';
import { DEFAULT_RECORDING_OPTIONS, type RecordingOptions } from '../../monitoring/recordings';
import { encodeWav, MODEL_SAMPLE_RATE } from '../../engine/audio';
import type { SpokenQueryAnswer } from '../../query';
import type { HeardReport } from '../voice-search/useTranscription';
import { markTimeline } from '../timeline';

export interface QueryLogSettings {
  /** A typed query is logged once it has stood this long (default 1,500 ms). */
  typedSettleMs: number;
  /** The size limit of the recordings kept for review (default recordings.ts's 20 MB). */
  recordings: Partial<RecordingOptions>;
}

export const DEFAULT_QUERY_LOG_SETTINGS: QueryLogSettings = { typedSettleMs: 1_500, recordings: DEFAULT_RECORDING_OPTIONS };

const KEEP_TEXT_KEY = 'voice-search:monitoring:keep-text';
/** Off unless this says 'on'. */
const KEEP_RECORDINGS_KEY = 'voice-search:monitoring:keep-recordings';

export type Feedback = NonNullable<QueryRecord['feedback']>;

export interface QueryLogging {
  heard(report: HeardReport, model: { modelId?: string; backend?: string }): void;
  /** The results for `text` are on screen; for a spoken query, the pipeline's answer it came from. */
  shown(text: string, spoken: boolean, results: number, answer?: SpokenQueryAnswer): void;
  /** The person opened the result at `rank` (0 first) of the query on screen. */
  opened(rank: number, placeId: string): void;
  /** Feedback on the latest spoken query, if there is one on screen. */
  latestSpoken?: { feedback?: Feedback };
  flag(feedback: Feedback): void;
  keepText: boolean;
  setKeepText(keep: boolean): void;
  /** "Keep recordings for review", off by default. */
  keepRecordings: boolean;
  setKeepRecordings(keep: boolean): void;
  /** Read by the transcription when it hands over an utterance: whether to copy its audio. */
  keepingRecordings(): boolean;
  recordingLimit: RecordingOptions;
  /** The log, opened on first use; undefined where IndexedDB is unavailable. */
  log(): Promise<QueryLog | undefined>;
  /** Main-thread milliseconds spent logging the last spoken query (the issue's < 2 ms; the audio is measured in the worker). */
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
  const { typedSettleMs, recordings } = { ...DEFAULT_QUERY_LOG_SETTINGS, ...settings };
  const recordingLimit = { ...DEFAULT_RECORDING_OPTIONS, ...recordings };
  const [keepText, setKeepTextState] = useState(() => globalThis.localStorage?.getItem(KEEP_TEXT_KEY) !== 'off');
  const [keepRecordings, setKeepRecordingsState] = useState(() => globalThis.localStorage?.getItem(KEEP_RECORDINGS_KEY) === 'on');
  const keepAudio = useRef(keepRecordings);
  keepAudio.current = keepRecordings;
  const limit = useRef(recordingLimit);
  limit.current = recordingLimit;
  const [latestSpoken, setLatestSpoken] = useState<{ feedback?: Feedback }>();
  const [lastCostMs, setLastCostMs] = useState<number>();
  const keep = useRef(keepText);
  keep.current = keepText;
  /** The spoken query waiting for its results, and the latest spoken record (for feedback). */
  const pending = useRef<{ id: Promise<number | undefined>; query: string; endedAt: number; recognitionMs: number; stages: QueryStages; costMs?: number } | undefined>(undefined);
  const latest = useRef<Promise<number | undefined> | undefined>(undefined);
  /** A record flagged "Not what I said": the next typed query is what was said. */
  const awaitingTyped = useRef<Promise<number | undefined> | undefined>(undefined);
  const typedTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  /** The record of the query whose results are on screen; a typed one still settling writes itself when a result is opened. */
  const onScreen = useRef<{ id?: Promise<number | undefined>; writeTyped?: (opened: QueryRecord['opened']) => void } | undefined>(undefined);

  useEffect(() => () => clearTimeout(typedTimer.current), []);

  /** A spoken query's main-thread cost of logging, its record made and then completed. */
  const logged = useCallback((costMs: number) => {
    setLastCostMs(costMs);
    markTimeline('query-logged', { costMs });
  }, []);

  const heard = useCallback((report: HeardReport, model: { modelId?: string; backend?: string }) => {
    const started = performance.now();
    const { transcript } = report;
    const { timings } = transcript;
    const margin = beamMargin(transcript.alternatives);
    const stages: QueryStages = { queueMs: Math.max(0, report.recognitionMs - timings.totalMs), featuresMs: timings.featuresMs, encoderMs: timings.encoderMs, decoderMs: timings.decoderMs };
    const record: QueryRecord = {
      time: Date.now(),
      kind: 'spoken',
      modelId: transcript.standIn ?? model.modelId,
      backend: model.backend,
      audioSeconds: transcript.audioSeconds,
      ...(transcript.input && { level: transcript.input.level }),
      ...(report.speechShare !== undefined && { speechShare: report.speechShare }),
      stages,
      recognitionMs: report.recognitionMs,
      avgLogprob: transcript.avgLogprob,
      noSpeechProb: transcript.noSpeechProb,
      ...(margin !== undefined && { beamMargin: margin }),
      ...(report.query === undefined && { nothingHeard: true }),
      ...(keep.current && transcript.text && { heard: transcript.text }),
    };
    const id = openLog().then((log) => log?.add(record));
    if (report.pcm && keepAudio.current) {
      const pcm = report.pcm;
      void id.then(async (key) => {
        if (key !== undefined) await (await openLog())?.keepRecording(key, encodeWav({ sampleRate: MODEL_SAMPLE_RATE, channels: [pcm] }), limit.current);
      });
    }
    latest.current = id;
    awaitingTyped.current = undefined;
    pending.current = report.query === undefined ? undefined : { id, query: report.query, endedAt: report.endedAt, recognitionMs: report.recognitionMs, stages };
    setLatestSpoken(report.query === undefined ? undefined : {});
    const costMs = performance.now() - started;
    if (pending.current) pending.current.costMs = costMs;
    else logged(costMs); // nothing heard: no results will complete it
  }, [logged]);

  const update = (id: Promise<number | undefined> | undefined, change: Partial<QueryRecord>) => {
    void id?.then(async (key) => {
      if (key !== undefined) await (await openLog())?.update(key, change);
    });
  };

  const shown = useCallback(
    (text: string, spoken: boolean, results: number, answer?: SpokenQueryAnswer) => {
      clearTimeout(typedTimer.current);
      const waiting = pending.current;
      if (spoken && waiting) {
        const started = performance.now();
        pending.current = undefined;
        onScreen.current = { id: waiting.id };
        const resultsMs = performance.now() - waiting.endedAt;
        update(waiting.id, {
          resultsMs,
          queryWords: words(text),
          results,
          changedByPipeline: !sameQuery(text, waiting.query),
          ...(answer && { changedBy: changeSteps(answer) }),
          // The catalogue's share: results on screen minus the transcript's arrival.
          stages: { ...waiting.stages, catalogueMs: Math.max(0, resultsMs - waiting.recognitionMs) },
          ...(keep.current && { searched: text }),
        });
        logged((waiting.costMs ?? 0) + performance.now() - started);
        return;
      }
      if (spoken || text.trim() === '') return;
      setLatestSpoken(undefined);
      let written = false;
      const writeTyped = (opened?: QueryRecord['opened']) => {
        if (written) return;
        written = true;
        clearTimeout(typedTimer.current);
        const record: QueryRecord = { time: Date.now(), kind: 'typed', queryWords: words(text), results, ...(opened && { opened }), ...(keep.current && { searched: text }) };
        const id = openLog().then((log) => log?.add(record));
        onScreen.current = { id };
        if (awaitingTyped.current && keep.current) update(awaitingTyped.current, { typedInstead: text });
        awaitingTyped.current = undefined;
      };
      onScreen.current = { writeTyped };
      typedTimer.current = setTimeout(() => writeTyped(), typedSettleMs);
    },
    [typedSettleMs, logged],
  );

  const opened = useCallback((rank: number, placeId: string) => {
    const current = onScreen.current;
    const what: NonNullable<QueryRecord['opened']> = { rank, ...(keep.current && { placeId }) };
    if (current?.writeTyped) current.writeTyped(what);
    else update(current?.id, { opened: what });
  }, []);

  const flag = useCallback((feedback: Feedback) => {
    update(latest.current, { feedback });
    if (feedback === 'not-what-i-said') awaitingTyped.current = latest.current;
    setLatestSpoken((current) => current && { feedback });
  }, []);

  const setKeepText = useCallback((on: boolean) => {
    globalThis.localStorage?.setItem(KEEP_TEXT_KEY, on ? 'on' : 'off');
    setKeepTextState(on);
  }, []);

  const setKeepRecordings = useCallback((on: boolean) => {
    globalThis.localStorage?.setItem(KEEP_RECORDINGS_KEY, on ? 'on' : 'off');
    setKeepRecordingsState(on);
  }, []);
  const keepingRecordings = useCallback(() => keepAudio.current, []);

  return { heard, shown, opened, latestSpoken, flag, keepText, setKeepText, keepRecordings, setKeepRecordings, keepingRecordings, recordingLimit, log: openLog, lastCostMs };
}
