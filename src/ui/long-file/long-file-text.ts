/** What the long-file transcript says about its progress: pure, tested in Node. */
import { clockTime } from '../../audio/long-audio';
import type { LongFileView } from '../voice-search/useAudioFile';

export function longFileProgressText(view: Pick<LongFileView, 'phase' | 'doneSeconds' | 'totalSeconds' | 'segments' | 'message'>): string {
  const of = `${clockTime(view.doneSeconds)} of ${clockTime(view.totalSeconds)}`;
  const passages = view.segments.length === 1 ? '1 passage' : `${view.segments.length} passages`;
  switch (view.phase) {
    case 'transcribing':
      return `Transcribing… ${of}`;
    case 'done':
      return view.segments.length === 0 ? `Transcribed ${clockTime(view.totalSeconds)}: no speech was heard.` : `Transcribed ${clockTime(view.totalSeconds)}: ${passages}.`;
    case 'cancelled':
      return `Cancelled at ${of}. Kept: ${passages}.`;
    case 'failed':
      return `${view.message ?? 'Transcription stopped'}. Kept: ${passages}.`;
  }
}

/** "0:20–0:40" */
export function segmentTimes(segment: { startSeconds: number; endSeconds: number }): string {
  return `${clockTime(segment.startSeconds)}–${clockTime(segment.endSeconds)}`;
}
