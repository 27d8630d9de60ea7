import type { TranscriptAlternative } from '../transcript';

/**
 * A Transcript's n-best list from ranked hypotheses (decode-beam.ts): each with its text, in the
 * given order, keeping the first of any that read the same (hypotheses that differ only in
 * timestamp tokens, or in how the same text is split into tokens, are one alternative to a reader).
 */
export function nBestAlternatives(
  hypotheses: readonly { tokens: number[]; sumLogprob: number; avgLogprob: number }[],
  textOf: (tokens: readonly number[]) => string,
): TranscriptAlternative[] {
  const seen = new Set<string>();
  const alternatives: TranscriptAlternative[] = [];
  for (const { tokens, sumLogprob, avgLogprob } of hypotheses) {
    const text = textOf(tokens).trim();
    if (seen.has(text)) continue;
    seen.add(text);
    alternatives.push({ text, tokens, sumLogprob, avgLogprob });
  }
  return alternatives;
}
