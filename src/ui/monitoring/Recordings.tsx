/**
 * The recordings kept for review ("Keep recordings for review", off by default): each with its
 * time, what was heard and searched, and a player, newest first; and a way to delete them all.
 */
import { useEffect, useState } from 'react';
import type { QueryLog } from '../../monitoring/query-log';
import type { QueryRecord } from '../../monitoring/query-record';
import { formatMegabytes } from '../../monitoring/recordings';

export interface RecordingsProps {
  log: QueryLog;
  records: readonly QueryRecord[];
  onDeleted(): void;
}

function Player({ log, record }: { log: QueryLog; record: QueryRecord }) {
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    let made: string | undefined;
    let gone = false;
    void log.recording(record.id!).then((wav) => {
      if (gone || !wav) return;
      made = URL.createObjectURL(new Blob([wav as Uint8Array<ArrayBuffer>], { type: 'audio/wav' }));
      setUrl(made);
    });
    return () => {
      gone = true;
      if (made) URL.revokeObjectURL(made);
    };
  }, [log, record.id]);
  const when = new Date(record.time).toLocaleString('en-GB');
  return url ? <audio controls preload="metadata" src={url} aria-label={`Recording of ${when}`} /> : <span>Reading the recording…</span>;
}

export function Recordings({ log, records, onDeleted }: RecordingsProps) {
  const kept = records.filter((r) => r.recordingBytes !== undefined).reverse();
  const bytes = kept.reduce((sum, r) => sum + r.recordingBytes!, 0);
  if (kept.length === 0) return null;
  return (
    <section aria-labelledby="recordings-heading">
      <h3 id="recordings-heading">Recordings</h3>
      <p data-testid="recordings-total">
        {kept.length} {kept.length === 1 ? 'recording' : 'recordings'}, {formatMegabytes(bytes)}.{' '}
        <button type="button" onClick={() => void log.deleteRecordings().then(onDeleted)}>
          Delete recordings
        </button>
      </p>
      <ul className="recordings">
        {kept.map((r) => (
          <li key={r.id}>
            <span>
              {new Date(r.time).toLocaleString('en-GB')}
              {r.heard !== undefined && ` · heard “${r.heard}”`}
              {r.searched !== undefined && r.searched !== r.heard && ` · searched “${r.searched}”`}
              {r.feedback && ` · flagged ${r.feedback === 'wrong-result' ? 'wrong result' : 'not what was said'}`}
            </span>
            <Player log={log} record={r} />
          </li>
        ))}
      </ul>
    </section>
  );
}
