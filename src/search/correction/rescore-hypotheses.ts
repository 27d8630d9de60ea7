/**
 * Picks the recogniser's hypothesis to search with from its n-best list (beam search,
 * src/engine/decoding/decode-beam.ts), using what the catalogue knows: a hypothesis that names a
 * place wins over a slightly more probable one that names nothing. "Hotel in Kinshasa" over
 * "Hotel Minkin Sharser".
 *
 * Each hypothesis scores its total log-probability plus `nameBonus` times the best evidence that
 * it names a place: 1 for a name spelled exactly whose place is the likeliest in the catalogue,
 * down to `minNameEvidence` for the least likely (a hamlet called "Rest" is weak evidence that
 * "Rest runs in Milan" names it). This is shallow fusion of the acoustic model with a
 * catalogue "language model" that only knows whether a name is there, applied to the n-best
 * list rather than inside the beam, so it costs one lookup per span of each hypothesis.
 */
import { exactNameSpans } from './named-places';
import type { SoundIndex } from './sound-index';
import { transcriptWords } from './transcript-words';

export interface Hypothesis {
  readonly text: string;
  /** Total log-probability of the hypothesis' tokens (Transcript.alternatives[i].sumLogprob). */
  readonly sumLogprob: number;
}

export interface RescoringOptions {
  /**
   * Log-probability (nats) that naming the catalogue's likeliest place is worth. The search's
   * top-3 on the generated queries rises with the bonus up to a plateau, and 3 is the smallest on
   * it (`npx tsx scripts/queries/rescoring-sweep.ts --model moonshine-tiny-q8 --beam 5` prints
   * the hit rate per bonus; docs/ACCURACY.md has what the step fixes and breaks). A larger bonus chose "Ferris" over "Paris" for
   * e2e/fixtures/paris.wav cut as the microphone's voice detector might, where 3 never did.
   */
  readonly nameBonus: number;
  /** Evidence of a name whose place has the catalogue's lowest prior; the likeliest gives 1. */
  readonly minNameEvidence: number;
  /** Longest run of words that may spell one name (as the correction's maxSpanWords). */
  readonly maxSpanWords: number;
}

export const DEFAULT_RESCORING_OPTIONS: RescoringOptions = {
  nameBonus: 3,
  minNameEvidence: 0.5,
  maxSpanWords: 4,
};

export interface Rescored {
  /** Position of the chosen hypothesis in the list given. */
  readonly chosen: number;
  /** Each hypothesis' evidence that it names a place (0: none). */
  readonly evidence: readonly number[];
  readonly scores: readonly number[];
}

/** The evidence, from 0 to 1, that `text` names a catalogue place. */
export function nameEvidence(index: SoundIndex, text: string, options: RescoringOptions = DEFAULT_RESCORING_OPTIONS): number {
  const names = exactNameSpans(index, transcriptWords(text), options.maxSpanWords);
  let best = 0;
  for (const { entry } of names) best = Math.max(best, options.minNameEvidence + (1 - options.minNameEvidence) * entry.prior);
  return best;
}

/**
 * Scores every hypothesis; ties go to the earlier one (the recogniser's own order). When none
 * names a place the recogniser's first choice stands: its order ranks by log-probability per
 * token (decode-beam.ts), and the total alone would favour the shortest hypothesis — on noise,
 * whisper-tiny's "Thank you." over its longer first choice.
 */
export function rescoreHypotheses(index: SoundIndex, hypotheses: readonly Hypothesis[], options: Partial<RescoringOptions> = {}): Rescored {
  if (hypotheses.length === 0) throw new RangeError('rescoreHypotheses: no hypotheses');
  const settings = { ...DEFAULT_RESCORING_OPTIONS, ...options };
  const evidence = hypotheses.map((h) => nameEvidence(index, h.text, settings));
  const scores = hypotheses.map((h, i) => h.sumLogprob + settings.nameBonus * evidence[i]!);
  let chosen = 0;
  if (evidence.some((e) => e > 0)) for (let i = 1; i < scores.length; i++) if (scores[i]! > scores[chosen]!) chosen = i;
  return { chosen, evidence, scores };
}
