/** The knobs of a place search, with their defaults and the reasons for them. */

export interface SearchOptions {
  /** Most hits returned. */
  readonly limit: number;
  /**
   * Prefix-match the last query word, the one still being typed: "Reykj" finds Reykjavík.
   * Only the last word: the words before it are finished, and prefix-matching them ("san" →
   * "sandy", "santa", ...) adds noise and time. Turn it off for a finished spoken query.
   */
  readonly prefix: boolean;
  /** Shorter last words are not prefix-matched: "s" or "sa" start too many of the world's names to help. */
  readonly minPrefixLength: number;
  /**
   * Largest edit distance for a fuzzy match, as a fraction of the word's length (MiniSearch's
   * rule: round(length × fuzzy), at most 6). 0.2 allows one edit in 4–7 letters, two in 8–12,
   * three in 13–17: "Barcelna" → "Barcelona". 0 turns fuzzy matching off.
   *
   * The allowance is used in steps: first at most one edit per word, and the full allowance
   * only if that finds nothing. A place one edit away is better evidence than one two edits
   * away, and the wide search is the slow one: two edits cost about 15–45 ms on the full
   * catalogue, four ("Thiruvananthapuram") about 200 ms, one edit about 1 ms.
   */
  readonly fuzzy: number;
  /** Shorter words are matched exactly: one edit in three letters ("san" → "sun", "sao", "son") is another word. */
  readonly minFuzzyLength: number;
  /**
   * How much a bigger place outranks a smaller one with the same text match. The text score is
   * multiplied by 1 + populationWeight × log10(1 + population): with 0.5, Paris, France
   * (2.1 million, ×4.2) comes before Paris, Texas (25,000, ×3.2) and a hamlet of 1000 gets ×2.5.
   * A log keeps a megacity from burying a good text match in a town; 0 ranks by text alone.
   */
  readonly populationWeight: number;
}

export const DEFAULT_SEARCH_OPTIONS: SearchOptions = {
  limit: 10,
  prefix: true,
  minPrefixLength: 3,
  fuzzy: 0.2,
  minFuzzyLength: 4,
  populationWeight: 0.5,
};
