/**
 * A decoding rule edits one step's logits before a token is chosen, e.g. by setting the logits
 * of forbidden tokens to −∞. Each rule is one small class with one method, chained in order,
 * as in openai/whisper `whisper/decoding.py` (LogitFilter) and transformers.js
 * `generation/logits_process.js`.
 */
export interface DecodingState {
  /** Tokens generated so far in this transcript (not the prompt). */
  readonly generated: readonly number[];
}

export interface LogitsRule {
  apply(logits: Float32Array, state: DecodingState): void;
}

export function applyRules(rules: readonly LogitsRule[], logits: Float32Array, state: DecodingState): void {
  for (const rule of rules) rule.apply(logits, state);
}
