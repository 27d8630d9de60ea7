/**
 * Verification: the recogniser decides between catalogue names by listening again. The pipeline
 * (src/query/spoken-query.ts) puts catalogue names into the place span of what was heard
 * (place-candidates.ts), the recogniser scores every candidate transcript against the utterance
 * by teacher forcing (src/engine/decoding/teacher-forced.ts), and verify-place.ts decides.
 * Every weight here was fitted on the tuning half of the query set with
 * `npx tsx scripts/queries/verification-sweep.ts --model ID` and is measured on the test half
 * in docs/ACCURACY.md.
 */
export interface VerificationOptions {
  /** n-best hypotheses (best first) whose spans are tried. */
  hypotheses: number;
  /** Longest run of words a name may replace. */
  maxSpanWords: number;
  /** Shortest span, in letters, worth looking up (shorter ones sound like too much). */
  minLetters: number;
  /** Sound-alike names looked up per phonetic code of a span (SoundIndex.soundsLike). */
  namesPerCode: number;
  /** Candidate transcripts scored per utterance, likeliest by sound and spelling first. */
  maxCandidates: number;
  /** Weight of the named place's prior (0 to 1: log population, countries and capitals higher) in the decision. */
  priorWeight: number;
  /** Log-probability credited per scored token: sums favour short candidates, this evens it out. */
  tokenBonus: number;
  /** Credited to a candidate that names a catalogue place when the heard text names none. */
  nameBonus: number;
  /**
   * The best place-naming candidate replaces what was heard when its score is at least this much
   * above the heard text's (nats; negative: it may be that much less likely and still win).
   */
  replaceMargin: number;
  /** From this margin (below replaceMargin) it is offered instead ("Did you mean"). */
  suggestMargin: number;
}

/**
 * Fitted on the tuning half (190 place queries, 10 naming none) with moonshine-tiny-q8, beam 5,
 * onnxruntime-node: `npx tsx scripts/queries/verification-sweep.ts` (a grid over the candidates,
 * tokenBonus, priorWeight, nameBonus and replaceMargin). Top-3 there went from 30.0% (the app's
 * pipeline before verification) to 36.3% (top-1 28.4% → 33.7%) at 8 candidates; more candidates
 * found more (38.9% at 40), but each costs the recogniser a few decoder positions (about 2 ms
 * each on WASM: the output projection over 32,768 tokens). Of the 10 queries naming none, the
 * one it changes had a place forced onto it already by the rescoring ("Mostar Nocili Center",
 * then "Master Nocili Zinder"); the others keep their words by 4 nats or more. suggestMargin was
 * not on the grid: set 2 nats below replaceMargin.
 */
export const DEFAULT_VERIFICATION_OPTIONS: VerificationOptions = {
  hypotheses: 3,
  maxSpanWords: 3,
  minLetters: 3,
  namesPerCode: 6,
  maxCandidates: 8,
  priorWeight: 12,
  tokenBonus: 0.5,
  nameBonus: 2,
  replaceMargin: -2,
  suggestMargin: -4,
};
