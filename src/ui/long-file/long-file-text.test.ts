import { describe, expect, it } from 'vitest';
import { longFileProgressText, segmentTimes } from './long-file-text';

const segment = { startSeconds: 0, endSeconds: 19.6, text: 'And so, my fellow Americans' };

describe('longFileProgressText', () => {
  it('says how far a transcription has got, and how it ended', () => {
    expect(longFileProgressText({ phase: 'transcribing', doneSeconds: 140, totalSeconds: 600, segments: [] })).toBe('Transcribing… 2:20 of 10:00');
    expect(longFileProgressText({ phase: 'done', doneSeconds: 600, totalSeconds: 600, segments: [segment, segment] })).toBe('Transcribed 10:00: 2 passages.');
    expect(longFileProgressText({ phase: 'done', doneSeconds: 600, totalSeconds: 600, segments: [] })).toBe('Transcribed 10:00: no speech was heard.');
    expect(longFileProgressText({ phase: 'cancelled', doneSeconds: 40, totalSeconds: 600, segments: [segment] })).toBe('Cancelled at 0:40 of 10:00. Kept: 1 passage.');
    expect(longFileProgressText({ phase: 'failed', doneSeconds: 20, totalSeconds: 600, segments: [segment], message: "Couldn't transcribe 0:20–0:40: the speech model stopped" })).toBe(
      "Couldn't transcribe 0:20–0:40: the speech model stopped. Kept: 1 passage.",
    );
  });

  it('segmentTimes names a passage by where it lies in the file', () => {
    expect(segmentTimes(segment)).toBe('0:00–0:19');
  });
});
