/**
 * Contextual biasing of beam search towards a list of phrases (the catalogue's place names): the
 * catalogue steers the recogniser inside the search, not only after it. A hypothesis spelling
 * the beginning of a known name gains a little per letter while the spelling goes on, and keeps a
 * bonus once the name is complete; a spelling that stops matching loses what it had gained. This
 * is shallow fusion with a "language model" of names and failure arcs, as in icefall's
 * ContextGraph (k2-fsa/icefall `icefall/context_graph.py`: per-token score, taken back when the
 * match fails) and Google's contextual biasing (Zhao et al., "Shallow-Fusion End-to-End
 * Contextual Biasing", Interspeech 2019: bias subword prefixes, subtract on failure).
 *
 * Matching is on folded letters, not on token ids, so every tokenisation of a name matches (the
 * model may spell "Hangzhou" " Hang|zhou" or " Han|g|zh|ou") and both model families share it. A
 * match starts at each word of the hypothesis and may run over up to `maxWords` words, spaces and
 * hyphens ignored: "Kin shasa" and "Ching-dao" spell names as "Kinshasa" and "Qingdao"'s
 * spellings do. The phrases are one sorted array; a match in progress is the range of phrases
 * sharing its letters, narrowed by binary search per letter, so 135,000 names cost one array and
 * no trie nodes.
 *
 * The score is a potential of the hypothesis' text (shaping, as reward shaping): the candidate's
 * bonus is potential(after) − potential(before), so the final score of a finished hypothesis is
 * its log-probability plus the bonus of the names it completed, whatever path it took there.
 */

export interface BiasPhrase {
  /** Folded spelling: lower-case a–z and 0–9 only (sound-columns.ts plainLetters). */
  readonly letters: string;
  /** How much naming it is worth, 0 to 1 (e.g. the place's prior). */
  readonly weight: number;
}

export interface PhraseBiasOptions {
  /**
   * Nats per letter of the longest name being spelled. Chosen by measurement
   * (scripts/queries/bias-sweep.ts); see DEFAULT_PHRASE_BIAS_OPTIONS.
   */
  readonly perLetter: number;
  /** Nats for completing a name of weight 1 (a name of weight w gives w times this). */
  readonly perPhrase: number;
  /** Most words one name may span in the transcript. */
  readonly maxWords: number;
  /**
   * Candidates each hypothesis of the beam proposes beyond Whisper's beamSize + 1
   * (decode-beam.ts), so that a less likely token that goes on spelling a name can win once its
   * bonus is added.
   */
  readonly extraCandidates: number;
  /**
   * Live hypotheses the beam keeps by the model's own score before the bias chooses the rest:
   * the bias may add hypotheses that spell names, never push out the model's best (letters that
   * begin one of 4,700 names can outscore a word the model is sure of before it is finished).
   */
  readonly keepModelBest: number;
}

/**
 * Measured on the 240 generated queries (moonshine-tiny-q8, beam 5, onnxruntime-node), top-3 hit
 * rate of the page's pipeline after the beam (rescoring, then correction), with
 * `npx tsx scripts/queries/bias-sweep.ts --settings off,0.5:1:5,0.5:3:5`: 39.2% without bias,
 * 40.0% with either; the n-best oracle (any hypothesis finds the place) 41.3% → 47.9% and 50.0%.
 * perPhrase 3 makes the beam's own choice better (31.7% → 40.4%; 42.1% corrected without
 * rescoring), but before keepModelBest it also made the query's own words into places
 * ("Restaurants in Rawalpindi" → "Brest rants in relic pindi", "How far is Brasville" → "How far is
 * the Brazil film", e2e/fixtures), so 1: the letters bring a name into the beam, and rescoring
 * (src/search/correction/rescore-hypotheses.ts) chooses it.
 */
export const DEFAULT_PHRASE_BIAS_OPTIONS: PhraseBiasOptions = {
  perLetter: 0.5,
  perPhrase: 1,
  maxWords: 4,
  extraCandidates: 5,
  keepModelBest: 3,
};

/** A name being spelled: phrases [lo, hi) share its first `depth` letters. */
interface Match {
  readonly lo: number;
  readonly hi: number;
  readonly depth: number;
  /** Word of the hypothesis it started at. */
  readonly startWord: number;
}

/** What the text so far has matched. Immutable: hypotheses of a beam share their parents' states. */
export interface BiasState {
  /** Words begun so far; the word being written is wordCount − 1. */
  readonly wordCount: number;
  /** True while inside a word (the last character was a letter or digit). */
  readonly inWord: boolean;
  readonly matches: readonly Match[];
  /** Weight of the longest completed name per starting word (a later, longer one replaces it). */
  readonly completed: ReadonlyMap<number, number>;
}

const EMPTY: BiasState = { wordCount: 0, inWord: false, matches: [], completed: new Map() };

/** Apostrophes inside a word are not letters but do not end it ("Xi'an", "Restaurant's"). */
const APOSTROPHES = new Set(["'", '’']);
const COMBINING_MARKS = /\p{M}/gu;

/** A character folded as the phrases are: a lower-case letter or digit, '' to skip, or ' ' (word boundary). */
export function foldCharacter(ch: string): string {
  if (APOSTROPHES.has(ch)) return '';
  const base = ch.normalize('NFD').replace(COMBINING_MARKS, '').toLowerCase();
  return /^[a-z0-9]$/.test(base) ? base : ' ';
}

export class PhraseBias {
  private readonly letters: string[];
  private readonly weights: Float64Array;
  readonly options: PhraseBiasOptions;
  private readonly folded = new Map<string, string>();

  /** Phrases in any order; a spelling listed twice keeps its higher weight. */
  constructor(phrases: Iterable<BiasPhrase>, options: Partial<PhraseBiasOptions> = {}) {
    this.options = { ...DEFAULT_PHRASE_BIAS_OPTIONS, ...options };
    const best = new Map<string, number>();
    for (const { letters, weight } of phrases) {
      if (!/^[a-z0-9]+$/.test(letters)) throw new RangeError(`bias phrase "${letters}": letters must be a-z or 0-9`);
      if (!(weight >= 0 && weight <= 1)) throw new RangeError(`bias phrase "${letters}": weight must be 0 to 1, got ${weight}`);
      best.set(letters, Math.max(weight, best.get(letters) ?? 0));
    }
    // Plain code-unit order (not localeCompare), the order the binary search compares in.
    this.letters = [...best.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    this.weights = Float64Array.from(this.letters, (l) => best.get(l)!);
  }

  get size(): number {
    return this.letters.length;
  }

  /** The state before any text. */
  start(): BiasState {
    return EMPTY;
  }

  /** The state after `text` (a token's text) follows. */
  advance(state: BiasState, text: string): BiasState {
    let s = state;
    for (const ch of text) {
      const c = this.fold(ch);
      if (c === '') continue;
      s = c === ' ' ? this.boundary(s) : this.letter(s, c.charCodeAt(0));
    }
    return s;
  }

  /** The state at the end of the text: a name spelled up to the end is complete; partial spellings count no more. */
  finish(state: BiasState): BiasState {
    const s = this.boundary(state);
    return s.matches.length === 0 ? s : { ...s, matches: [] };
  }

  /**
   * The bonus the text has earned, in nats: per letter of the longest name still being spelled,
   * plus each completed name's. A name completed at this boundary counts as complete only (it
   * may still grow into a longer one: "New" into "New York").
   */
  potential(state: BiasState): number {
    let longest = 0;
    for (const m of state.matches) if (state.inWord || !this.spellsWhole(m)) longest = Math.max(longest, m.depth);
    let names = 0;
    for (const w of state.completed.values()) names += w;
    return this.options.perLetter * longest + this.options.perPhrase * names;
  }

  /** foldCharacter, remembered per character: the beam folds every candidate's text at every step. */
  fold(ch: string): string {
    let c = this.folded.get(ch);
    if (c === undefined) this.folded.set(ch, (c = foldCharacter(ch)));
    return c;
  }

  private letter(state: BiasState, code: number): BiasState {
    const wordCount = state.inWord ? state.wordCount : state.wordCount + 1;
    const firstWord = wordCount - this.options.maxWords;
    const matches: Match[] = [];
    const candidates = state.inWord ? state.matches : [...state.matches, { lo: 0, hi: this.letters.length, depth: 0, startWord: wordCount - 1 }];
    for (const m of candidates) {
      if (m.startWord < firstWord) continue;
      const next = this.narrow(m, code);
      if (next) matches.push(next);
    }
    return { wordCount, inWord: true, matches, completed: state.completed };
  }

  /** A word ends: every match spelling a whole phrase completes it (and may go on into the next word). */
  private boundary(state: BiasState): BiasState {
    if (!state.inWord) return state;
    let completed: Map<number, number> | undefined;
    for (const m of state.matches) {
      if (!this.spellsWhole(m)) continue;
      completed ??= new Map(state.completed);
      completed.set(m.startWord, this.weights[m.lo]!);
    }
    return { ...state, inWord: false, completed: completed ?? state.completed };
  }

  /** True when `m` has spelled a whole phrase: the shortest phrase of its range sorts first. */
  private spellsWhole(m: Match): boolean {
    return this.letters[m.lo]!.length === m.depth;
  }

  /** The phrases of `m` whose next letter is `code`, or undefined if none. */
  private narrow(m: Match, code: number): Match | undefined {
    const at = m.depth;
    const charAt = (i: number) => {
      const l = this.letters[i]!;
      return at < l.length ? l.charCodeAt(at) : -1;
    };
    let lo = m.lo;
    let hi = m.hi;
    // First phrase whose letter at `at` is ≥ code, then the first whose letter is > code.
    let a = lo;
    let b = hi;
    while (a < b) {
      const mid = (a + b) >>> 1;
      if (charAt(mid) < code) a = mid + 1;
      else b = mid;
    }
    lo = a;
    b = hi;
    while (a < b) {
      const mid = (a + b) >>> 1;
      if (charAt(mid) <= code) a = mid + 1;
      else b = mid;
    }
    hi = a;
    return lo < hi ? { lo, hi, depth: at + 1, startWord: m.startWord } : undefined;
  }
}

/**
 * A token-text lookup that decodes each id once: the beam reads the text of every candidate
 * token at every step, and a vocabulary's texts never change.
 */
export function memoizedTokenText(textOf: (token: number) => string): (token: number) => string {
  const texts = new Map<number, string>();
  return (token) => {
    let text = texts.get(token);
    if (text === undefined) texts.set(token, (text = textOf(token)));
    return text;
  };
}
