/**
 * The Monitoring view (issue #19): what the query log holds, for the person and for stakeholders
 * watching the demo — totals as text, charts per day (uPlot), drift against the first week, and
 * export or import of the log as JSON (or CSV for a spreadsheet). Everything is computed here, on
 * the device, from src/monitoring's pure functions.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { driftReport, DEFAULT_DRIFT_OPTIONS } from '../../monitoring/drift';
import { fromExportJson, toCsv, toExportJson } from '../../monitoring/export';
import type { QueryRecord } from '../../monitoring/query-record';
import { logTotals, perDay, totalsText } from '../../monitoring/summary';
import type { QueryLog } from '../../monitoring/query-log';
import { Chart } from './Chart';
import { Recordings } from './Recordings';
import { formatMegabytes, type RecordingOptions } from '../../monitoring/recordings';
import { REFERENCE_PROFILE_PATH } from '../../monitoring/reference-profile';
import { distribution } from '../../monitoring/distribution';
import { quantile } from '../../monitoring/summary';
import type { DriftVerdict } from '../../monitoring/drift';

/** The profile of the measured sets (public/monitoring/), read once; undefined when the build has none. */
let measuredProfile: Promise<QueryRecord[] | undefined> | undefined;
function readMeasuredProfile(): Promise<QueryRecord[] | undefined> {
  measuredProfile ??= fetch(`${import.meta.env.BASE_URL}${REFERENCE_PROFILE_PATH}`)
    .then(async (response) => (response.ok ? fromExportJson(await response.text()) : undefined))
    .catch((error: unknown) => {
      console.warn('monitoring: the reference profile could not be read', error);
      return undefined;
    });
  return measuredProfile;
}

function DriftList({ verdicts, label }: { verdicts: readonly DriftVerdict[]; label: string }) {
  return (
    <ul className="drift" aria-label={label}>
      {verdicts.map((v) => (
        <li key={v.signal}>
          <strong>{v.signal}</strong>:{' '}
          {v.verdict === 'too-few'
            ? `not enough queries yet (${v.reference} in the reference, ${v.recent} recent; ${DEFAULT_DRIFT_OPTIONS.minValues} each needed)`
            : `${v.verdict} (PSI ${v.psi.toFixed(2)})${v.meaning ? `: ${v.meaning}` : ''}`}
        </li>
      ))}
    </ul>
  );
}

export interface MonitoringViewProps {
  log(): Promise<QueryLog | undefined>;
  keepText: boolean;
  onKeepText(keep: boolean): void;
  keepRecordings: boolean;
  onKeepRecordings(keep: boolean): void;
  recordingLimit: RecordingOptions;
}

function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

const round = (v: number, digits = 0) => (Number.isFinite(v) ? v.toFixed(digits) : '—');

export function MonitoringView({ log, keepText, onKeepText, keepRecordings, onKeepRecordings, recordingLimit }: MonitoringViewProps) {
  const [records, setRecords] = useState<QueryRecord[]>();
  const [problem, setProblem] = useState<string>();
  const [store, setStore] = useState<QueryLog>();

  const reload = useCallback(() => {
    void log().then(async (opened) => {
      if (!opened) return setProblem('The query log is not available in this browser (IndexedDB is off or blocked).');
      setStore(opened);
      setRecords(await opened.all());
    });
  }, [log]);
  useEffect(reload, [reload]);

  const days = useMemo(() => perDay(records ?? []), [records]);
  const x = useMemo(() => days.map((d) => d.day / 1000), [days]);
  const latency = useMemo(() => [x, days.map((d) => d.resultsMsP50), days.map((d) => d.resultsMsP95)] as [number[], number[], number[]], [x, days]);
  const shares = useMemo(() => [x, days.map((d) => 100 * d.flaggedShare), days.map((d) => 100 * d.changedShare)] as [number[], number[], number[]], [x, days]);
  const level = useMemo(() => [x, days.map((d) => d.rmsDbMedian)] as [number[], number[]], [x, days]);
  const confidence = useMemo(() => {
    const spoken = (records ?? []).filter((r) => r.kind === 'spoken' && r.avgLogprob !== undefined);
    return [spoken.map((r) => r.time / 1000), spoken.map((r) => r.avgLogprob!), spoken.map((r) => r.noSpeechProb ?? NaN)] as [number[], number[], number[]];
  }, [records]);
  const drift = useMemo(() => driftReport(records ?? [], Date.now()), [records]);
  const [profile, setProfile] = useState<QueryRecord[]>();
  // The last week's spoken queries beside the measured sets, bin by bin.
  const distributions = useMemo(() => {
    const since = Date.now() - DEFAULT_DRIFT_OPTIONS.recentDays * 86_400_000;
    const recent = (records ?? []).filter((r) => r.kind === 'spoken' && r.time >= since);
    const of = (rs: readonly QueryRecord[], get: (r: QueryRecord) => number | undefined) => rs.map(get).filter((v): v is number => v !== undefined);
    const pair = (get: (r: QueryRecord) => number | undefined, lo: number, hi: number) => {
      const mine = distribution(of(recent, get), lo, hi, 10);
      const measured = distribution(of(profile ?? [], get), lo, hi, 10);
      const median = (rs: readonly QueryRecord[]) => quantile(of(rs, get), 0.5);
      return { data: [mine.centres, mine.shares.map((v) => 100 * v), measured.shares.map((v) => 100 * v)] as [number[], number[], number[]], medians: [median(recent), median(profile ?? [])] };
    };
    return { confidence: pair((r) => r.avgLogprob, -2, 0), noSpeech: pair((r) => r.noSpeechProb, 0, 1) };
  }, [records, profile]);
  useEffect(() => void readMeasuredProfile().then(setProfile), []);
  // Only the queries the measured model answered: another model's confidence is another scale.
  const profileModel = profile?.[0]?.modelId;
  const driftFromMeasured = useMemo(() => profile && driftReport((records ?? []).filter((r) => r.modelId === profileModel), Date.now(), {}, profile), [records, profile, profileModel]);

  const importFile = async (file: File) => {
    try {
      const imported = fromExportJson(await file.text());
      const opened = await log();
      await opened?.replaceAll(imported);
      setProblem(undefined);
      reload();
    } catch (error) {
      setProblem(`Couldn't import “${file.name}”: ${error instanceof Error ? error.message : String(error)}.`);
    }
  };

  return (
    <section className="monitoring" aria-labelledby="monitoring-heading">
      <h2 id="monitoring-heading">Monitoring</h2>
      <p>
        <a href="#">Back to search</a>
      </p>
      <p className="monitoring-totals" data-testid="monitoring-totals">
        {records ? totalsText(logTotals(records)) : 'Reading the query log…'}
      </p>
      {problem && <p role="alert">{problem}</p>}
      <p className="settings-note">
        Kept on this device only, for 30 days or 5,000 queries. {keepRecordings ? `Recordings are kept, up to ${formatMegabytes(recordingLimit.maxBytes)} (the oldest go first).` : 'No audio is kept.'}{' '}
        <label>
          <input type="checkbox" checked={keepText} onChange={(event) => onKeepText(event.target.checked)} /> Keep query text
        </label>{' '}
        <label>
          <input type="checkbox" checked={keepRecordings} onChange={(event) => onKeepRecordings(event.target.checked)} /> Keep recordings for review (up to {formatMegabytes(recordingLimit.maxBytes)})
        </label>
      </p>
      <div className="monitoring-actions">
        <button type="button" disabled={!records} onClick={() => download('query-log.json', 'application/json', toExportJson(records ?? []))}>
          Export JSON
        </button>
        <button type="button" disabled={!records} onClick={() => download('query-log.csv', 'text/csv', toCsv(records ?? []))}>
          Export CSV
        </button>
        <label className="file-button">
          Import JSON…
          <input type="file" accept=".json,application/json" className="visually-hidden" onChange={(event) => event.target.files?.[0] && void importFile(event.target.files[0])} />
        </label>
      </div>

      {store && records && <Recordings log={store} records={records} onDeleted={reload} />}

      <h3>Drift</h3>
      <p className="settings-note">
        The last {DEFAULT_DRIFT_OPTIONS.recentDays} days by population stability index over the reference's deciles: under {DEFAULT_DRIFT_OPTIONS.watchAt} stable, from {DEFAULT_DRIFT_OPTIONS.driftAt}{' '}
        drifting.
      </p>
      <h4>Against the first {DEFAULT_DRIFT_OPTIONS.recentDays} days on this device</h4>
      <DriftList verdicts={drift} label="Drift against the first week" />
      {driftFromMeasured && profile && (
        <>
          <h4>
            Against what {profileModel} was measured on ({profile.length} utterances of the query set and recordings; this device's queries answered by {profileModel})
          </h4>
          <DriftList verdicts={driftFromMeasured} label="Drift against the measured sets" />
        </>
      )}

      <h3>Distributions</h3>
      <p className="settings-note" data-testid="distribution-medians">
        Median avg log-probability: {round(distributions.confidence.medians[0]!, 2)} in the last {DEFAULT_DRIFT_OPTIONS.recentDays} days, {round(distributions.confidence.medians[1]!, 2)} on the measured sets. Median
        no-speech probability: {round(distributions.noSpeech.medians[0]!, 2)} and {round(distributions.noSpeech.medians[1]!, 2)}.
      </p>
      <div className="charts">
        <Chart
          title="Confidence (avg log-probability), share of spoken queries (%)"
          kind="bars"
          xLabel="avg log-probability"
          unit="%"
          data={distributions.confidence.data}
          series={[
            { label: `last ${DEFAULT_DRIFT_OPTIONS.recentDays} days`, stroke: '#1a73e8' },
            { label: 'measured sets', stroke: '#9aa0a6' },
          ]}
        />
        <Chart
          title="No-speech probability, share of spoken queries (%)"
          kind="bars"
          xLabel="no-speech probability"
          unit="%"
          data={distributions.noSpeech.data}
          series={[
            { label: `last ${DEFAULT_DRIFT_OPTIONS.recentDays} days`, stroke: '#e37400' },
            { label: 'measured sets', stroke: '#9aa0a6' },
          ]}
        />
      </div>

      <h3>Per day</h3>
      <div className="charts">
        <Chart title="End of speech → results (ms)" unit="ms" data={latency} series={[{ label: 'p50', stroke: '#1a73e8' }, { label: 'p95', stroke: '#d93025' }]} />
        <Chart title="Spoken queries flagged or changed by the catalogue (%)" unit="%" data={shares} series={[{ label: 'flagged', stroke: '#d93025' }, { label: 'changed', stroke: '#188038' }]} />
        <Chart title="Input level, median (dBFS)" unit="dBFS" data={level} series={[{ label: 'RMS', stroke: '#1a73e8' }]} />
        <Chart title="Confidence and no-speech probability, each spoken query" unit="" minSpanSeconds={600} data={confidence} series={[{ label: 'avg log-probability', stroke: '#1a73e8' }, { label: 'no-speech probability', stroke: '#e37400' }]} />
      </div>
      <table className="monitoring-table">
        <caption>Per day, as a table</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col">Queries</th>
            <th scope="col">Results p50 (ms)</th>
            <th scope="col">p95 (ms)</th>
            <th scope="col">Flagged</th>
            <th scope="col">Changed</th>
            <th scope="col">Input level (dBFS)</th>
          </tr>
        </thead>
        <tbody>
          {days.map((d) => (
            <tr key={d.day}>
              <th scope="row">{new Date(d.day).toISOString().slice(0, 10)}</th>
              <td>{d.queries}</td>
              <td>{round(d.resultsMsP50)}</td>
              <td>{round(d.resultsMsP95)}</td>
              <td>{round(100 * d.flaggedShare)}%</td>
              <td>{round(100 * d.changedShare)}%</td>
              <td>{round(d.rmsDbMedian, 1)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
