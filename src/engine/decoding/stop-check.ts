/**
 * A stop check looks at the tokens generated so far, after each step, and may end decoding early,
 * keeping only a prefix of them. Logits rules (logits-rule.ts) shape the next token; stop checks
 * judge what has been produced: a loop (repetition-guard.ts) is only visible once it has happened.
 */
export type StopReason = 'end-of-text' | 'max-tokens' | 'repetition';

export interface StopDecision {
  /** How many of the generated tokens to keep (the rest are dropped). */
  keep: number;
  reason: Exclude<StopReason, 'end-of-text' | 'max-tokens'>;
}

export interface StopCheck {
  check(generated: readonly number[]): StopDecision | undefined;
}
