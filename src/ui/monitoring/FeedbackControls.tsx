/** "Not what I said" / "Wrong result" on the latest spoken query: the labels the next error analysis needs. */
import type { Feedback } from './useQueryLog';

export interface FeedbackControlsProps {
  feedback?: Feedback;
  onFlag(feedback: Feedback): void;
}

const THANKS: Record<Feedback, string> = {
  'not-what-i-said': 'Flagged: not what you said. Type what you said, and it is kept with it.',
  'wrong-result': 'Flagged: wrong result. Thank you.',
};

export function FeedbackControls({ feedback, onFlag }: FeedbackControlsProps) {
  return (
    <div className="feedback" role="group" aria-label="Feedback on this spoken query">
      <button type="button" aria-pressed={feedback === 'not-what-i-said'} onClick={() => onFlag('not-what-i-said')}>
        Not what I said
      </button>
      <button type="button" aria-pressed={feedback === 'wrong-result'} onClick={() => onFlag('wrong-result')}>
        Wrong result
      </button>
      {feedback && <span className="feedback-thanks">{THANKS[feedback]}</span>}
    </div>
  );
}
