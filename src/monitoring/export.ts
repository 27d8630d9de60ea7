/**
 * The query log as a file: JSON for the round trip (import, `npm run -s monitor`), CSV for a
 * spreadsheet. Pure. A file that is not an export of this log is refused with what is wrong.
 */
import type { QueryRecord } from './query-record';

export const EXPORT_FORMAT = 'voice-search-query-log';
export const EXPORT_VERSION = 1;

export interface QueryLogExport {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  records: QueryRecord[];
}

export function toExportJson(records: readonly QueryRecord[], now = Date.now()): string {
  const file: QueryLogExport = { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: new Date(now).toISOString(), records: [...records] };
  return JSON.stringify(file, null, 1) + '\n';
}

export class QueryLogFileError extends Error {
  override name = 'QueryLogFileError';
}

export function fromExportJson(text: string): QueryRecord[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new QueryLogFileError(`not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const file = parsed as Partial<QueryLogExport> | null;
  if (typeof file !== 'object' || file === null || file.format !== EXPORT_FORMAT) throw new QueryLogFileError(`not a query log export: expected "format": "${EXPORT_FORMAT}"`);
  if (file.version !== EXPORT_VERSION) throw new QueryLogFileError(`query log export version ${String(file.version)}; this reads version ${EXPORT_VERSION}`);
  if (!Array.isArray(file.records)) throw new QueryLogFileError('query log export has no "records" list');
  file.records.forEach((r: Partial<QueryRecord>, i) => {
    if (typeof r?.time !== 'number' || (r.kind !== 'spoken' && r.kind !== 'typed')) throw new QueryLogFileError(`record ${i + 1}: needs a numeric "time" and "kind" spoken or typed`);
  });
  return file.records;
}

/** Columns of the CSV, in order; nested fields flattened. */
const CSV_COLUMNS: [string, (r: QueryRecord) => unknown][] = [
  ['time', (r) => new Date(r.time).toISOString()],
  ['kind', (r) => r.kind],
  ['model', (r) => r.modelId],
  ['backend', (r) => r.backend],
  ['audio_seconds', (r) => r.audioSeconds],
  ['rms_db', (r) => r.level?.rmsDb],
  ['peak_db', (r) => r.level?.peakDb],
  ['clipped_share', (r) => r.level?.clippedShare],
  ['speech_share', (r) => r.speechShare],
  ['queue_ms', (r) => r.stages?.queueMs],
  ['features_ms', (r) => r.stages?.featuresMs],
  ['encoder_ms', (r) => r.stages?.encoderMs],
  ['decoder_ms', (r) => r.stages?.decoderMs],
  ['catalogue_ms', (r) => r.stages?.catalogueMs],
  ['recognition_ms', (r) => r.recognitionMs],
  ['results_ms', (r) => r.resultsMs],
  ['avg_logprob', (r) => r.avgLogprob],
  ['no_speech_prob', (r) => r.noSpeechProb],
  ['beam_margin', (r) => r.beamMargin],
  ['nothing_heard', (r) => r.nothingHeard],
  ['changed_by_pipeline', (r) => r.changedByPipeline],
  ['changed_by', (r) => r.changedBy?.join(' ')],
  ['heard', (r) => r.heard],
  ['searched', (r) => r.searched],
  ['query_words', (r) => r.queryWords],
  ['results', (r) => r.results],
  ['opened_rank', (r) => r.opened?.rank],
  ['opened_place', (r) => r.opened?.placeId],
  ['recording', (r) => r.recordingBytes],
  ['feedback', (r) => r.feedback],
  ['typed_instead', (r) => r.typedInstead],
];

/** RFC 4180: a field with a comma, quote or line break is quoted, its quotes doubled. */
function csvField(value: unknown): string {
  if (value === undefined || value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(records: readonly QueryRecord[]): string {
  const lines = [CSV_COLUMNS.map(([name]) => name).join(',')];
  for (const r of records) lines.push(CSV_COLUMNS.map(([, get]) => csvField(get(r))).join(','));
  return lines.join('\r\n') + '\r\n';
}
