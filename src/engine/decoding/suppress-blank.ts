import type { DecodingState, LogitsRule } from './logits-rule';

/**
 * At the first generated position only, forbid a blank start: a lone space or end-of-text
 * (generation_config.json `begin_suppress_tokens` = [220, 50257]). Mirrors openai/whisper
 * `whisper/decoding.py` SuppressBlank: without it a transcript can end before it starts.
 */
export class SuppressBlank implements LogitsRule {
  constructor(private readonly ids: readonly number[]) {}

  apply(logits: Float32Array, state: DecodingState): void {
    if (state.generated.length !== 0) return;
    for (const id of this.ids) logits[id] = -Infinity;
  }
}
