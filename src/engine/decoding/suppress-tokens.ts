import type { LogitsRule } from './logits-rule';

/**
 * Never emit these tokens (Whisper's `suppress_tokens`: symbols and speaker-tag fragments listed in
 * generation_config.json, plus the task and start tokens). Mirrors openai/whisper
 * `whisper/decoding.py` SuppressTokens and `DecodingTask._get_suppress_tokens`.
 */
export class SuppressTokens implements LogitsRule {
  private readonly ids: Int32Array;

  constructor(ids: Iterable<number>) {
    this.ids = Int32Array.from(new Set(ids));
  }

  apply(logits: Float32Array): void {
    for (const id of this.ids) logits[id] = -Infinity;
  }
}
