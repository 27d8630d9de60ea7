/**
 * The catalogue names a transcript already spells: "hotels in Kinshasa" names Kinshasa,
 * "Hotel Minkin Sharser" names nothing. Used by the correction (a name that is already there
 * holds its ground) and by the n-best rescoring (a hypothesis that names a place wins over one
 * that names nothing).
 */
import type { SoundEntry, SoundIndex } from './sound-index';
import type { TranscriptWord } from './transcript-words';

/** Words [start, end) of a transcript that spell a catalogue name exactly. */
export interface ExactName {
  readonly start: number;
  readonly end: number;
  readonly entry: SoundEntry;
}

/** Every run of up to `maxSpanWords` words that spells a name; filler at either edge never counts. */
export function exactNameSpans(index: SoundIndex, spoken: readonly TranscriptWord[], maxSpanWords: number): ExactName[] {
  const found: ExactName[] = [];
  for (let start = 0; start < spoken.length; start++) {
    for (let end = start + 1; end <= Math.min(spoken.length, start + maxSpanWords); end++) {
      const span = spoken.slice(start, end);
      // Filler at either edge would make "in" + "dore" count as the name "Indore"; only whole names count.
      if (span[0]!.filler || span[span.length - 1]!.filler) continue;
      const entry = index.exact(span.map((w) => w.word).join(''));
      if (entry) found.push({ start, end, entry });
    }
  }
  return found;
}
