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
  /** Candidate transcripts scored per utterance, likeliest by sound and spelling first (besides the slots' names). */
  maxCandidates: number;
  /**
   * Words that end a carrier phrase: a place slot opens after each (place-slots.ts), where the
   * recogniser names the place itself by constrained decoding. The last words of the query
   * templates' carriers ("weather in", "flights to", "restaurants near", "how far is", "the
   * centre of"; scripts/queries/make-query-set.ts) and "at", as in "hotels at".
   */
  carrierWords: readonly string[];
  /**
   * Carrier phrases of voice search, folded, that open a slot when the heard text begins with a
   * word sounding like theirs (place-slots.ts): the query templates' (scripts/queries/make-query-set.ts).
   */
  carrierPhrases: readonly string[];
  /** Slots tried per utterance (each is one constrained pass: a few decoder positions per beam row); 0 turns the constrained pass off. */
  maxSlots: number;
  /** Names the constrained pass may write: countries and cities of at least this many people. */
  slotMinPopulation: number;
  /** Beam of the constrained pass (src/engine/decoding/constrained-names.ts). */
  slotBeam: number;
  /** Names each slot's constrained pass gives, best first, each made a candidate. */
  namesPerSlot: number;
  /**
   * Tokens the recogniser writes on after each slot name (the name followed by them is a
   * candidate: the misheard words after the name gone); 0 for none.
   */
  slotContinuation: number;
  /**
   * Runs of words after the slot each name is also tried in place of, likeliest by sound and
   * spelling first ("Salavat" for "Sale" and for "Sale of"), besides the name followed by what
   * the recogniser wrote on after it.
   */
  spansPerName: number;
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
 * onnxruntime-node: `npx tsx scripts/queries/verification-sweep.ts` (a grid over the slots, the
 * names per slot, the continuation, the spans per name, the sound-alike candidates, tokenBonus,
 * priorWeight, nameBonus and replaceMargin; it prints the figures of each point). A third slot
 * found nothing the first two did not, and more sound-alikes nothing once the slots' names were
 * in. With the continuation (the name followed by what the recogniser wrote on after it) the
 * slots' names need no span of the heard words: that won over putting them in for the likeliest
 * spans, once a slot name could no longer stand for filler alone and the start opened a slot only
 * when no carrier did (before those two rules it chose worse, forcing names onto "Parking near me"
 * and "Where can I eat"). The slot threshold, beam and carrier words were not on the
 * grid. On the one query naming none that it changes, the rescoring had already forced a place
 * onto it ("Mostar Nocili Center"). suggestMargin is set 2 nats below replaceMargin.
 */
export const DEFAULT_VERIFICATION_OPTIONS: VerificationOptions = {
  hypotheses: 3,
  maxSpanWords: 3,
  minLetters: 3,
  namesPerCode: 6,
  maxCandidates: 8,
  carrierWords: ['in', 'to', 'near', 'is', 'of', 'at'],
  carrierPhrases: ['weather in', 'flights to', 'hotels in', 'restaurants near', 'restaurants in', 'things to do in', 'how far is'],
  maxSlots: 2,
  slotMinPopulation: 15_000,
  slotBeam: 6,
  namesPerSlot: 2,
  slotContinuation: 8,
  spansPerName: 0,
  priorWeight: 12,
  tokenBonus: 0,
  nameBonus: 2,
  replaceMargin: 2,
  suggestMargin: 0,
};
