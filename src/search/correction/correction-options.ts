/**
 * The knobs of transcript correction (correct-transcript.ts), with their defaults and why.
 * The thresholds were chosen on the spoken query set (scripts/queries/correction-hit-rate.ts
 * prints what each setting fixes and breaks); see that script's figures before changing them.
 */

export interface CorrectionOptions {
  /** Longest run of transcript words that may become one name: "I hope tells" is 3 words for one. */
  readonly maxSpanWords: number;
  /** Spans with fewer letters are left alone: two letters sound like hundreds of places. */
  readonly minLetters: number;
  /**
   * Span codes this long or longer may be one edit from a name's code ("Harris" HRS ~ "Paris"
   * PRS); shorter ones must match exactly. Below 3, one edit reaches too many names to mean much.
   */
  readonly oneCodeEditFrom: number;
  /**
   * Span codes this long or longer may be two edits away. Two edits on a short code reach a
   * large part of the catalogue, and searching for them is the slow part (on the full catalogue,
   * about 1 ms for a five-letter code against 0.1–0.25 ms for one edit, and 2–5 ms for a
   * seven- to ten-letter one; code-trie.ts, busy 2-core machine).
   */
  readonly twoCodeEditsFrom: number;
  /**
   * Span codes shorter than this are weaker evidence: the phonetic similarity is scaled by
   * the span's code length / this. "far" (F) sounds exactly like Faro, and so do a thousand other names.
   */
  readonly fullEvidenceCodeLength: number;
  /** Most replacements in one transcript: a spoken query names one place, rarely two. */
  readonly maxReplacements: number;
  /** For each matching code, only this many of its names (the likeliest places) are scored. */
  readonly candidatesPerCode: number;
  /** Weight of sounding alike: 1 − code edits / code length. */
  readonly phoneticWeight: number;
  /** Weight of being spelled alike: 1 − letter edits / letters. */
  readonly spellingWeight: number;
  /** Weight of the place's prior (ranking.ts, scaled 0 to 1): a city of millions is the likelier mishearing. */
  readonly priorWeight: number;
  /**
   * Taken off the score per filler word inside the span ("turn on" may be "Toronto", but filler
   * is usually filler). Filler never starts or ends a span.
   */
  readonly fillerPenalty: number;
  /**
   * Lowest score for a replacement to be offered at all, as a suggestion ("Did you mean …").
   * Measured on whisper-tiny's transcripts of the 240 generated queries
   * (`npx tsx scripts/queries/correction-hit-rate.ts FILE --set suggestAt=…`): at 0.6, 110
   * suggestions of which 8 brought the place into the top three; at 0.7, 57 and 6; at 0.75, 14
   * and 0. A suggestion that rarely helps is noise on the page, so 0.7.
   */
  readonly suggestAt: number;
  /** Lowest score for a replacement to be applied to the text without asking. */
  readonly applyAt: number;
  /**
   * A suggestion is shown only when the query as heard is weak: its best search score below
   * this fraction of the suggestion's best score (suggestion-gate.ts; the search worker applies
   * it). Measured on the spoken query set's transcripts in docs/data/accuracy.json (240 queries
   * per model; correction-hit-rate.ts, its "offered" line, `--set weakHeardScoreRatio=…`):
   * whisper-tiny makes 67 suggestions, 8 of which bring the place into the top three; at 0.8,
   * 42 are offered and 6 of them help (7 bring it first); moonshine-tiny 64 and 9, then 44 and 9.
   * The helpful ones' ratios lie at or below 0.69 but for one at 1.03; 0.7 offers 39 and 41 with
   * the same helps, 1.0 offers 51 and 51. 0.8 keeps a margin above the helpful cluster.
   */
  readonly weakHeardScoreRatio: number;
}

export const DEFAULT_CORRECTION_OPTIONS: CorrectionOptions = {
  maxSpanWords: 4,
  minLetters: 3,
  oneCodeEditFrom: 3,
  twoCodeEditsFrom: 7,
  fullEvidenceCodeLength: 4,
  maxReplacements: 1,
  candidatesPerCode: 10,
  phoneticWeight: 0.5,
  spellingWeight: 0.3,
  priorWeight: 0.2,
  fillerPenalty: 0.05,
  suggestAt: 0.7,
  applyAt: 0.8,
  weakHeardScoreRatio: 0.8,
};

/** Throws on settings that cannot work, rather than correcting nothing or everything silently. */
export function checkCorrectionOptions(options: CorrectionOptions): CorrectionOptions {
  const fail = (why: string) => {
    throw new RangeError(`correction options: ${why}`);
  };
  if (!Number.isInteger(options.maxSpanWords) || options.maxSpanWords < 1) fail(`maxSpanWords ${options.maxSpanWords} should be a whole number ≥ 1`);
  if (!Number.isInteger(options.maxReplacements) || options.maxReplacements < 1) fail(`maxReplacements ${options.maxReplacements} should be a whole number ≥ 1`);
  if (!Number.isInteger(options.candidatesPerCode) || options.candidatesPerCode < 1) fail(`candidatesPerCode ${options.candidatesPerCode} should be a whole number ≥ 1`);
  if (!(options.suggestAt <= options.applyAt)) fail(`suggestAt ${options.suggestAt} should not exceed applyAt ${options.applyAt}`);
  if (!(options.weakHeardScoreRatio >= 0)) fail(`weakHeardScoreRatio ${options.weakHeardScoreRatio} should be ≥ 0`);
  for (const key of ['phoneticWeight', 'spellingWeight', 'priorWeight', 'fillerPenalty', 'oneCodeEditFrom', 'twoCodeEditsFrom', 'fullEvidenceCodeLength', 'minLetters'] as const) {
    if (!(options[key] >= 0)) fail(`${key} ${options[key]} should be ≥ 0`);
  }
  return options;
}
