/**
 * The decision between what was heard and the catalogue's candidates, from the recogniser's own
 * scores (pure). Each text scores its teacher-forced log-probability, plus `tokenBonus` per token
 * (sums favour short texts), plus `priorWeight` × the prior of the place it names, plus
 * `nameBonus` when it names a place and what was heard names none.
 *
 * What was heard is the recogniser's own decode, so it is nearly always the likeliest text: on
 * the tuning half the right catalogue name scored below the misheard words in 49 of 52 fixable
 * queries ("Whether in Semiran" −5.8 against "Whether in Semarang" −11.0, moonshine-tiny-q8).
 * So the best candidate is the best among those that name a place — the choice is among catalogue
 * names, as in the experiment the issue reports — and it replaces what was heard when, with the
 * prior's and the name's credit, it scores `replaceMargin` or more above it, is offered ("Did
 * you mean") from `suggestMargin`, and otherwise what was heard stands. A query
 * that names no place keeps its words: a name forced into "restaurants near me" scores tens of
 * nats below it ("Rosthern sneer meat" −33.9 against −7.4).
 */
import type { PlaceCandidate } from './place-candidates';
import type { VerificationOptions } from './verification-options';

/** A candidate's (or the heard text's) score from the recogniser. */
export interface HeardScore {
  readonly sumLogprob: number;
  readonly scoredTokens: number;
}

export interface Verdict {
  /** What to search: the best candidate's text when it replaced the heard one, else the heard one. */
  readonly text: string;
  /** A candidate close enough to offer, not to replace it, or null. */
  readonly suggestion: string | null;
  /** True when `text` is a candidate, not what was heard. */
  readonly replaced: boolean;
  /** The best candidate's score less the heard text's (nats, usually negative; −∞ when there was no candidate). */
  readonly gain: number;
}

export function candidateScore(c: Pick<PlaceCandidate, 'prior'>, s: HeardScore, heardPrior: number, o: VerificationOptions): number {
  return s.sumLogprob + o.tokenBonus * s.scoredTokens + o.priorWeight * c.prior + (heardPrior === 0 && c.prior > 0 ? o.nameBonus : 0);
}

/**
 * `heard` and its score, then the candidates and theirs (same order). Only candidates with a
 * catalogue name put into the heard words (not the n-best hypotheses as written, which the
 * rescoring already chose between) that name a place and differ from the heard text compete.
 */
export function verifyPlace(
  heard: { text: string; prior: number; score: HeardScore },
  candidates: readonly PlaceCandidate[],
  scores: readonly HeardScore[],
  options: VerificationOptions,
): Verdict {
  const base = candidateScore(heard, heard.score, heard.prior, options);
  let best = -1;
  let bestScore = -Infinity;
  candidates.forEach((c, i) => {
    // The hypotheses themselves were the rescoring's to choose between; here only a catalogue name put into the span competes.
    if (c.name === null || c.prior === 0 || c.text.toLowerCase() === heard.text.toLowerCase()) return;
    const s = candidateScore(c, scores[i]!, heard.prior, options);
    if (s > bestScore) {
      bestScore = s;
      best = i;
    }
  });
  const gain = bestScore - base;
  if (best < 0) return { text: heard.text, suggestion: null, replaced: false, gain };
  const winner = candidates[best]!.text;
  if (gain >= options.replaceMargin) return { text: winner, suggestion: null, replaced: true, gain };
  return { text: heard.text, suggestion: gain >= options.suggestMargin ? winner : null, replaced: false, gain };
}
