/** A long audio file's transcript as it grows: progress, Cancel, and each passage searchable. */
import type { LongFileView } from '../voice-search/useAudioFile';
import { longFileProgressText, segmentTimes } from './long-file-text';

export interface LongFileTranscriptProps {
  view: LongFileView;
  onCancel(): void;
  onClose(): void;
  /** Searches a passage's words. */
  onSearch(text: string): void;
}

export function LongFileTranscript({ view, onCancel, onClose, onSearch }: LongFileTranscriptProps) {
  const transcribing = view.phase === 'transcribing';
  return (
    <section className="long-file" aria-labelledby="long-file-heading">
      <h2 id="long-file-heading">Transcript of {view.label}</h2>
      <div className="long-file-progress">
        <progress max={view.totalSeconds} value={view.doneSeconds} aria-label="Transcription progress" />
        <span role="status" className={view.phase === 'failed' ? 'error' : undefined}>
          {longFileProgressText(view)}
        </span>
        {transcribing ? (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        ) : (
          <button type="button" onClick={onClose}>
            Close transcript
          </button>
        )}
      </div>
      <ol className="long-file-passages" aria-label="Passages">
        {view.segments.map((segment) => (
          <li key={segment.startSeconds}>
            <span className="time">{segmentTimes(segment)}</span> <span className="text">{segment.text}</span>{' '}
            <button type="button" className="link-button" onClick={() => onSearch(segment.text)} aria-label={`Search for “${segment.text}”`}>
              Search
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
