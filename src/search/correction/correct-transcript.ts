/**
 * Corrects a transcript's place names against the catalogue by sound and spelling:
 * "weather in Jebel Pour" → "weather in Jabalpur", "turn on the" → "Toronto".
 *
 * 1. The transcript's words (transcript-words.ts) are read in spans of 1 to maxSpanWords
 *    consecutive words that neither start nor end with filler; filler alone is never a place.
 * 2. Each span's letters, joined, are looked up by sound (sound-index.ts): names whose Double
 *    Metaphone code is within a few edits of the span's.
 * 3. Each candidate is scored: phonetic similarity, spelling similarity and the place's prior,
 *    weighted (correction-options.ts), less a penalty per filler word the span swallows.
 * 4. Words that already spell a catalogue name hold their ground: a span overlapping them must
 *    score better than that name would for it ("Paris" stays Paris), and a span elsewhere may
 *    only become a likelier place than the one named ("Brest ranch in Milan" keeps its "ranch").
 * 5. Spans are taken best score first, skipping any that overlaps one already taken, up to
 *    maxReplacements.
 * 6. A replacement scoring applyAt or more is applied; one scoring suggestAt or more is only
 *    offered, in `suggestion`.
 */
import { checkCorrectionOptions, type CorrectionOptions, DEFAULT_CORRECTION_OPTIONS } from './correction-options';
import { similarity } from './edit-distance';
import { collapseRepeatedHalves } from './repeated-words';
import { exactNameSpans, type ExactName } from './named-places';
import { keyOfLetters, type PhoneticKey } from './phonetic-key';
import { soundDistance, type SoundEntry, type SoundIndex, type SoundMatch } from './sound-index';
import { transcriptWords, type TranscriptWord } from './transcript-words';

export interface Replacement {
  /** Position of the span's first word among the transcript's words, and one past its last. */
  readonly start: number;
  readonly end: number;
  /** The words replaced, as the transcript wrote them: ["Jebel", "Pour"]. */
  readonly original: readonly string[];
  /** The catalogue's spelling of the name put in their place: "Jabalpur". */
  readonly name: string;
  /** Id of the likeliest place of that name (Place.id). */
  readonly placeId: string;
  /** 0 to 1; applied from applyAt, suggested from suggestAt. */
  readonly score: number;
  /** True when the replacement is in `text`; false when it is only in `suggestion`. */
  readonly applied: boolean;
}

export interface TranscriptCorrection {
  /** The transcript as given. */
  readonly original: string;
  /**
   * With the confident replacements applied, and a transcript said twice over said once
   * (repeated-words.ts); equal to `original` when there is nothing to change.
   */
  readonly text: string;
  /** With every replacement applied, confident or not, when some were not confident enough: "Did you mean …". */
  readonly suggestion: string | null;
  /** In transcript order. */
  readonly replacements: readonly Replacement[];
  /** The lowest replacement score, or null when nothing was replaced or suggested. */
  readonly confidence: number | null;
}

interface SpanCandidate {
  readonly start: number;
  readonly end: number;
  readonly entry: SoundEntry;
  readonly score: number;
}

export function correctTranscript(index: SoundIndex, heard: string, options: Partial<CorrectionOptions> = {}): TranscriptCorrection {
  const settings = checkCorrectionOptions({ ...DEFAULT_CORRECTION_OPTIONS, ...options });
  // "London London" → "London" first (repeated-words.ts); the rest corrects what is left.
  const transcript = collapseRepeatedHalves(index, heard) ?? heard;
  const spoken = transcriptWords(transcript);
  const exactNames = exactNameSpans(index, spoken, settings.maxSpanWords);

  // Spans spelled alike sound alike: a transcript that repeats itself ("The End of the End of
  // the End of …", a recogniser's loop) looks each spelling up once.
  const sounds = new Map<string, readonly SoundMatch[]>();
  const soundsLike = (key: PhoneticKey, maxEdits: (codeLength: number) => number) => {
    let matches = sounds.get(key.letters);
    if (!matches) sounds.set(key.letters, (matches = index.soundsLike(key, maxEdits, settings.candidatesPerCode)));
    return matches;
  };

  const candidates: SpanCandidate[] = [];
  for (let start = 0; start < spoken.length; start++) {
    for (let end = start + 1; end <= Math.min(spoken.length, start + settings.maxSpanWords); end++) {
      const best = bestCandidate(index, spoken, start, end, exactNames, settings, soundsLike);
      if (best && best.score >= settings.suggestAt) candidates.push(best);
    }
  }

  candidates.sort((a, b) => b.score - a.score || a.start - b.start);
  const taken: SpanCandidate[] = [];
  for (const candidate of candidates) {
    if (taken.length === settings.maxReplacements) break;
    if (taken.some((t) => t.start < candidate.end && candidate.start < t.end)) continue;
    taken.push(candidate);
  }
  taken.sort((a, b) => a.start - b.start);

  const replacements = taken.map(
    (c): Replacement => ({
      start: c.start,
      end: c.end,
      original: spoken.slice(c.start, c.end).map((w) => transcript.slice(w.start, w.end)),
      name: c.entry.name,
      placeId: index.places[c.entry.place]!.id,
      score: c.score,
      applied: c.score >= settings.applyAt,
    }),
  );
  const anySuggested = replacements.some((r) => !r.applied);
  return {
    original: heard,
    text: rewrite(transcript, spoken, replacements.filter((r) => r.applied)),
    suggestion: anySuggested ? rewrite(transcript, spoken, replacements) : null,
    replacements,
    confidence: replacements.length > 0 ? Math.min(...replacements.map((r) => r.score)) : null,
  };
}

/** The best-scoring name for words [start, end), or null when none may replace them. */
function bestCandidate(
  index: SoundIndex,
  spoken: readonly TranscriptWord[],
  start: number,
  end: number,
  exactNames: readonly ExactName[],
  settings: CorrectionOptions,
  soundsLike: (key: PhoneticKey, maxEdits: (codeLength: number) => number) => readonly SoundMatch[],
): SpanCandidate | null {
  const span = spoken.slice(start, end);
  if (span[0]!.filler || span[span.length - 1]!.filler) return null;
  const fillers = span.filter((w) => w.filler).length;
  const letters = span.map((w) => w.word).join('');
  if (letters.length < settings.minLetters) return null;
  const key = keyOfLetters(letters);
  if (!key) return null;

  const maxEdits = (codeLength: number) => (codeLength >= settings.twoCodeEditsFrom ? 2 : codeLength >= settings.oneCodeEditFrom ? 1 : 0);
  const score = (entry: SoundEntry, sound: SoundMatch) =>
    settings.phoneticWeight * (1 - sound.codeDistance / sound.codeLength) * Math.min(1, sound.queryCodeLength / settings.fullEvidenceCodeLength) +
    settings.spellingWeight * similarity(letters, entry.letters) +
    settings.priorWeight * entry.prior -
    settings.fillerPenalty * fillers;

  let best: SpanCandidate | null = null;
  for (const match of soundsLike(key, maxEdits)) {
    const entry = match.entry;
    if (entry.letters === letters) continue; // already spelled so: nothing to correct
    // Where the query already names a place, another place elsewhere must be likelier to be the one meant.
    if (exactNames.some((e) => (end <= e.start || start >= e.end) && entry.prior <= e.entry.prior)) continue;
    const value = score(entry, match);
    if (!best || value > best.score) best = { start, end, entry, score: value };
  }
  if (!best) return null;
  // A name spelled exactly within or across the span is itself a candidate for it, and the
  // replacement must beat it: "Paris" scores higher as Paris than as Parys, "Jebel" (a hamlet)
  // lower as the whole of "Jebel Pour" than Jabalpur does.
  // A span that swallows a name with more words must keep it ("Santa Cruz Dilassier" → "Santa
  // Cruz de la Sierra") or be a likelier place: "far is Rome" is not Forserum.
  for (const exact of exactNames) {
    if (end <= exact.start || start >= exact.end) continue;
    if (score(exact.entry, soundDistance(key, exact.entry)) >= best.score) return null;
    const keepsIt = best.entry.letters.includes(exact.entry.letters);
    if (end - start > exact.end - exact.start && !keepsIt && best.entry.prior <= exact.entry.prior) return null;
  }
  return best;
}

/** The transcript with each replacement's words swapped for its name, everything else untouched. */
function rewrite(transcript: string, spoken: readonly TranscriptWord[], replacements: readonly Replacement[]): string {
  let text = '';
  let at = 0;
  for (const r of replacements) {
    text += transcript.slice(at, spoken[r.start]!.start) + r.name;
    at = spoken[r.end - 1]!.end;
  }
  return text + transcript.slice(at);
}
