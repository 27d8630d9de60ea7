/**
 * The candidate transcripts verification scores: each n-best hypothesis with a run of its words
 * replaced by a catalogue name that sounds or is spelled like them ("Look in the window India" →
 * "Lucknow India"), plus the hypotheses themselves. Ranked by the correction's sound-and-spelling
 * likeness (src/search/correction/correct-transcript.ts scores the same way), so the few the
 * recogniser can afford to score are the likeliest. Pure.
 */
import { DEFAULT_CORRECTION_OPTIONS } from '../correction/correction-options';
import { similarity } from '../correction/edit-distance';
import { exactNameSpans } from '../correction/named-places';
import { keyOfLetters } from '../correction/phonetic-key';
import type { SoundIndex } from '../correction/sound-index';
import { transcriptWords } from '../correction/transcript-words';
import type { VerificationOptions } from './verification-options';

export interface PlaceCandidate {
  /** The candidate transcript. */
  readonly text: string;
  /** The catalogue name put in, or null for a hypothesis as the recogniser wrote it. */
  readonly name: string | null;
  /** Prior (0 to 1) of the likeliest place the text names exactly; 0 when it names none. */
  readonly prior: number;
  /** Sound-and-spelling likeness of the name to the words it replaced (1 for a hypothesis itself). */
  readonly likeness: number;
}

const C = DEFAULT_CORRECTION_OPTIONS;

/** Prior of the likeliest place `text` names exactly, 0 when none. */
export function namedPrior(sounds: SoundIndex, text: string, maxSpanWords: number): number {
  let best = 0;
  for (const { entry } of exactNameSpans(sounds, transcriptWords(text), maxSpanWords)) best = Math.max(best, entry.prior);
  return best;
}

export function placeCandidates(sounds: SoundIndex, hypotheses: readonly string[], options: VerificationOptions): PlaceCandidate[] {
  const spans: { text: string; name: string; likeness: number }[] = [];
  const maxEdits = (codeLength: number) => (codeLength >= 6 ? 2 : codeLength >= 3 ? 1 : 0);
  for (const hypothesis of hypotheses.slice(0, options.hypotheses)) {
    const words = transcriptWords(hypothesis);
    for (let start = 0; start < words.length; start++) {
      for (let end = start + 1; end <= Math.min(words.length, start + options.maxSpanWords); end++) {
        const span = words.slice(start, end);
        // Unlike the correction, filler at a span's edge is allowed — the audio decides, and a
        // misheard name is often written as filler words ("Look now India" for "Lucknow India") —
        // but one filler word alone is not tried.
        if (span.length === 1 && span[0]!.filler) continue;
        const letters = span.map((w) => w.word).join('');
        if (letters.length < options.minLetters) continue;
        const key = keyOfLetters(letters);
        if (!key) continue;
        for (const match of sounds.soundsLike(key, maxEdits, options.namesPerCode)) {
          const likeness =
            C.phoneticWeight * (1 - match.codeDistance / match.codeLength) * Math.min(1, match.queryCodeLength / C.fullEvidenceCodeLength) +
            C.spellingWeight * similarity(letters, match.entry.letters) +
            C.priorWeight * match.entry.prior;
          const text = hypothesis.slice(0, words[start]!.start) + match.entry.name + hypothesis.slice(words[end - 1]!.end);
          spans.push({ text, name: match.entry.name, likeness });
        }
      }
    }
  }
  spans.sort((a, b) => b.likeness - a.likeness);
  const seen = new Set<string>();
  const out: PlaceCandidate[] = [];
  const add = (text: string, name: string | null, likeness: number) => {
    const key = text.toLowerCase();
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ text, name, prior: namedPrior(sounds, text, options.maxSpanWords), likeness });
  };
  for (const h of hypotheses.slice(0, options.hypotheses)) add(h, null, 1);
  for (const s of spans) {
    if (out.length >= options.maxCandidates) break;
    add(s.text, s.name, s.likeness);
  }
  return out;
}
