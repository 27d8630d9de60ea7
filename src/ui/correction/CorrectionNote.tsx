import type { CorrectionNotice } from './correction-notice';

export interface CorrectionNoteProps {
  notice: CorrectionNotice | null;
  /** Search for this text instead (a suggestion, or what was heard). */
  onChoose(text: string): void;
}

/**
 * Near the results: what a correction changed, with a way back ("Search for “…” instead"), and
 * "Did you mean …?" with the suggestion as a button. Announced politely, as the results are.
 */
export function CorrectionNote({ notice, onChoose }: CorrectionNoteProps) {
  return (
    <div className="correction-note" aria-live="polite">
      {notice?.corrected && (
        <p className="correction-applied">
          Heard “{notice.corrected.heard}”, searched for “{notice.corrected.searchedFor}”.{' '}
          <button type="button" className="link-button" onClick={() => onChoose(notice.corrected!.heard)}>
            Search for “{notice.corrected.heard}” instead
          </button>
        </p>
      )}
      {notice?.suggestion && (
        <p className="correction-suggestion">
          Did you mean{' '}
          <button type="button" className="link-button" onClick={() => onChoose(notice.suggestion!)}>
            {notice.suggestion}
          </button>
          ?
        </p>
      )}
    </div>
  );
}
