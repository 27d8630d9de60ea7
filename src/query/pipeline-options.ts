/**
 * The spoken-query pipeline's policy in one place: how the recogniser decodes a query and which
 * catalogue steps the transcript then goes through. The page's settings map onto it
 * (src/ui/settings/settings.ts), the command line's flags override it (cli/), and the reports
 * measure it (docs/ACCURACY.md, docs/BENCHMARKS.md), so all three run the same pipeline unless
 * told otherwise.
 */
import type { DecodeOptions } from '../engine';
import { DEFAULT_DECODE_OPTIONS } from '../engine';
import { DEFAULT_CORRECTION_OPTIONS, DEFAULT_RESCORING_OPTIONS, type CorrectionOptions, type RescoringOptions } from '../search';
import { DEFAULT_VERIFICATION_OPTIONS, type VerificationOptions } from '../search/verification';

export interface PipelineOptions {
  /** Model id from models/manifest.json that serves queries unless the person picks another. */
  modelId: string;
  /**
   * Hypotheses kept by the recogniser's beam search (DecodeOptions.beamSize); 1 is greedy, with
   * no n-best list for the catalogue to choose from. The width was chosen with
   * scripts/queries/rescoring-sweep.ts (`--beam 3` against `--beam 5`): see docs/ACCURACY.md.
   */
  beamSize: number;
  /** Whisper encodes only the audio plus a margin, not a 30 s window (DecodeOptions.fitContext). */
  fitContext: boolean;
  /** The engine's guards against made-up text (DecodeOptions.safeguards). */
  safeguards: boolean;
  /**
   * Choose, among the n-best, the hypothesis that names a catalogue place
   * (src/search/correction/rescore-hypotheses.ts).
   */
  rescoring: boolean;
  /** Correct misheard place names by sound and spelling (src/search/correction), "Did you mean" gated. */
  correction: boolean;
  /**
   * The recogniser decides between catalogue names by listening again
   * (src/search/verification): candidates scored by teacher forcing on the utterance.
   */
  verification: boolean;
  /** Weights and limits of verification. */
  verify: VerificationOptions;
  /** Thresholds of the rescoring step. */
  rescore: RescoringOptions;
  /** Thresholds of the correction step. */
  correct: CorrectionOptions;
}

export const DEFAULT_PIPELINE_OPTIONS: PipelineOptions = {
  // Chosen from docs/BENCHMARKS.md's "Every model" table by cli/default-model.ts's chooseDefaultModel.
  modelId: 'moonshine-tiny-q8',
  beamSize: 5,
  // The engine's own defaults, so the app and the command line decode alike unless changed here.
  fitContext: DEFAULT_DECODE_OPTIONS.fitContext,
  safeguards: DEFAULT_DECODE_OPTIONS.safeguards,
  rescoring: true,
  correction: true,
  verification: true,
  verify: DEFAULT_VERIFICATION_OPTIONS,
  rescore: DEFAULT_RESCORING_OPTIONS,
  correct: DEFAULT_CORRECTION_OPTIONS,
};

/** The pipeline options with `overrides` spread over the defaults; a beam width below 1 or fractional throws. */
export function pipelineOptions(overrides: Partial<PipelineOptions> = {}): PipelineOptions {
  const options = { ...DEFAULT_PIPELINE_OPTIONS, ...overrides };
  if (!Number.isInteger(options.beamSize) || options.beamSize < 1) throw new RangeError(`beamSize must be a whole number of at least 1, not ${options.beamSize}`);
  return options;
}

/** What the recogniser is asked for. */
export function decodeOptions(options: Pick<PipelineOptions, 'beamSize' | 'fitContext' | 'safeguards'>): Pick<DecodeOptions, 'beamSize' | 'fitContext' | 'safeguards'> {
  return { beamSize: options.beamSize, fitContext: options.fitContext, safeguards: options.safeguards };
}
