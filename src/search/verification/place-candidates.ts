/**
 * The candidate transcripts verification scores: each n-best hypothesis with a run of its words
 * replaced by a catalogue name that sounds or is spelled like them ("Look in the window India" →
 * "Lucknow India"), plus the hypotheses themselves. Ranked by the correction's sound-and-spelling
 * likeness (src/search/correction/correct-transcript.ts scores the same way), so the few the
 * recogniser can afford to score are the likeliest. Pure.
 */
import { DEFAULT_CORRECTION_OPTIONS } from '../correction/correction-options';
import { similarity } from '../correction/edit-distance';
import type { ExactName } from '../correction/named-places';
import { FILLER_WORDS } from '../query';
import { keyOfLetters } from '../correction/phonetic-key';
import type { SoundIndex } from '../correction/sound-index';
import { transcriptWords, type TranscriptWord } from '../correction/transcript-words';
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

/** A name the recogniser wrote into a slot by constrained decoding, and how likely it found it. */
export interface HeardName {
  readonly name: string;
  readonly sumLogprob: number;
  /** What the recogniser wrote on after the name (" Russia."), when it did. */
  readonly continuation?: string;
}

/** The names the constrained pass gave for one slot of the heard text (place-slots.ts). */
export interface SlotNames {
  /** Index of the slot's first word in transcriptWords(heard). */
  readonly start: number;
  /** The carrier phrase given to the decoder in place of the heard text's first words (PlaceSlot.carrier), if it was one. */
  readonly carrier?: string;
  /** Best first. */
  readonly names: readonly HeardName[];
}

const C = DEFAULT_CORRECTION_OPTIONS;

/**
 * The catalogue names `words` spell. Unlike the correction's exactNameSpans, a word that only
 * sounds like filler counts ("Paris" sounds like a filler word to Double Metaphone); only the
 * filler words themselves ("in", "the", "weather") never stand at a name's edge.
 */
function namedSpans(sounds: SoundIndex, words: readonly TranscriptWord[], maxSpanWords: number): ExactName[] {
  const found: ExactName[] = [];
  for (let start = 0; start < words.length; start++) {
    for (let end = start + 1; end <= Math.min(words.length, start + maxSpanWords); end++) {
      if (FILLER_WORDS.has(words[start]!.word) || FILLER_WORDS.has(words[end - 1]!.word)) continue;
      const entry = sounds.exact(words.slice(start, end).map((w) => w.word).join(''));
      if (entry) found.push({ start, end, entry });
    }
  }
  return found;
}

/** Prior of the likeliest place `text` names exactly, 0 when none. */
export function namedPrior(sounds: SoundIndex, text: string, maxSpanWords: number): number {
  let best = 0;
  for (const { entry } of namedSpans(sounds, transcriptWords(text), maxSpanWords)) best = Math.max(best, entry.prior);
  return best;
}

/**
 * `slots`: names the recogniser itself wrote into slots of the first hypothesis (what was heard)
 * by constrained decoding. Each becomes a candidate ahead of the sound-alikes — the audio already
 * chose it — put in for the run of words after the slot's start that it is spelled most like
 * (one to maxSpanWords words; at the end of the text, added after it).
 */
export function placeCandidates(sounds: SoundIndex, hypotheses: readonly string[], options: VerificationOptions, slots: readonly SlotNames[] = []): PlaceCandidate[] {
  const spans: { text: string; name: string; likeness: number }[] = [];
  const maxEdits = (codeLength: number) => (codeLength >= 6 ? 2 : codeLength >= 3 ? 1 : 0);
  // When what was heard already names a place, only its own words are tried: another
  // hypothesis's carrier with the same place fixed in it would win on the audio alone
  // ("Brest runs near the Eiffel Tower in Paris" over "Restaurants near …", flite rms).
  // A country said with the place ("Lucknow India") is context, not a place that holds its ground.
  const places = (words: readonly TranscriptWord[]) => namedSpans(sounds, words, options.maxSpanWords).filter((n) => sounds.places[n.entry.place]!.kind !== 'country');
  const heardNames = hypotheses.length > 0 && places(transcriptWords(hypotheses[0]!)).length > 0;
  const sources = hypotheses.slice(0, heardNames ? 1 : options.hypotheses);
  for (const hypothesis of sources) {
    const words = transcriptWords(hypothesis);
    // Names the hypothesis already spells: a span elsewhere may only bring in a likelier place
    // (as the correction's rule 4), so "Restaurants near the Eiffel Tower in Paris" never becomes
    // "Brest runs near … Paris" — the audio alone liked that by 3 nats (flite rms).
    const named = places(words);
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
        const elsewhere = named.filter((n) => end <= n.start || start >= n.end);
        for (const match of sounds.soundsLike(key, maxEdits, options.namesPerCode)) {
          if (elsewhere.some((n) => match.entry.prior <= n.entry.prior)) continue;
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
  const fromSlots = hypotheses.length > 0 ? slotCandidates(hypotheses[0]!, slots, options) : [];
  const before = out.length;
  for (const c of fromSlots) add(c.text, c.name, 1);
  // The sound-alikes fill up to maxCandidates, as without slots; the slots' names come on top.
  const bound = options.maxCandidates + (out.length - before);
  for (const s of spans) {
    if (out.length >= bound) break;
    add(s.text, s.name, s.likeness);
  }
  return out;
}

/** Sound-and-spelling likeness of a run of words' letters to a name's: Double Metaphone codes (closest pair) and spelling, evenly. */
function spanLikeness(letters: string, nameLetters: string): number {
  const a = keyOfLetters(letters);
  const b = keyOfLetters(nameLetters);
  let sound = 0;
  for (const x of a?.codes ?? []) for (const y of b?.codes ?? []) sound = Math.max(sound, similarity(x, y));
  return 0.5 * sound + 0.5 * similarity(letters, nameLetters);
}

/**
 * The slots' names put into the heard text (placeCandidates says where), likeliest first: at most
 * namesPerSlot a slot, each in place of its spansPerName likeliest runs of words.
 */
function slotCandidates(heard: string, slots: readonly SlotNames[], options: VerificationOptions): { text: string; name: string; sumLogprob: number }[] {
  const words = transcriptWords(heard);
  const out: { text: string; name: string; sumLogprob: number }[] = [];
  for (const slot of slots) {
    const before = slot.carrier ?? (slot.start === 0 ? '' : heard.slice(0, words[slot.start - 1]!.end));
    for (const { name, sumLogprob, continuation } of slot.names.slice(0, options.namesPerSlot)) {
      // First the name with what the recogniser wrote on after it: the misheard words that followed it are gone.
      if (continuation !== undefined && options.slotContinuation > 0) out.push({ text: `${before} ${name}${continuation}`.trim(), name, sumLogprob });
      if (slot.carrier !== undefined) {
        // The phrase and the name stand for a run of words from the start: the likeliest by sound and spelling.
        const phrase = `${slot.carrier} ${name}`;
        const letters = transcriptWords(phrase).map((w) => w.word).join('');
        const ends: { end: number; likeness: number }[] = [];
        const longest = transcriptWords(slot.carrier).length + options.maxSpanWords;
        for (let end = 1; end <= Math.min(words.length, longest); end++) {
          // The phrase and name must stand for some word that is not filler: "weather" or "hotel nearby" heard right are left alone.
          if (words.slice(0, end).every((w) => w.filler)) continue;
          ends.push({ end, likeness: spanLikeness(words.slice(0, end).map((w) => w.word).join(''), letters) });
        }
        ends.sort((a, b) => b.likeness - a.likeness);
        for (const { end } of ends.slice(0, options.spansPerName)) out.push({ text: phrase + heard.slice(words[end - 1]!.end), name, sumLogprob });
        continue;
      }
      if (slot.start >= words.length) {
        out.push({ text: `${heard.replace(/[\s.,!?]+$/u, '')} ${name}`, name, sumLogprob });
        continue;
      }
      const letters = transcriptWords(name).map((w) => w.word).join('');
      const ends: { end: number; likeness: number }[] = [];
      for (let end = slot.start + 1; end <= Math.min(words.length, slot.start + options.maxSpanWords); end++) {
        // Filler is never a place on its own (transcript-words.ts): "Where can I eat" is not "Ware can I eat".
        if (words.slice(slot.start, end).every((w) => w.filler)) continue;
        ends.push({ end, likeness: spanLikeness(words.slice(slot.start, end).map((w) => w.word).join(''), letters) });
      }
      ends.sort((a, b) => b.likeness - a.likeness);
      for (const { end } of ends.slice(0, options.spansPerName)) {
        out.push({ text: heard.slice(0, words[slot.start]!.start) + name + heard.slice(words[end - 1]!.end), name, sumLogprob });
      }
    }
  }
  // Stable: a name's likeliest span before its others.
  return out.sort((a, b) => b.sumLogprob - a.sumLogprob);
}
