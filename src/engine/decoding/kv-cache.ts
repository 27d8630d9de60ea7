import type { InferenceSession, Tensor } from 'onnxruntime-common';
import type { TensorConstructor } from '../runtime';

/**
 * The merged decoder's KV cache, by name, for every encoder-decoder family we run (Whisper and
 * Moonshine exports share the layout). transformers.js-format exports take
 * `past_key_values.{layer}.{decoder|encoder}.{key|value}` and return the same tensors as
 * `present.{…}`; this is the one place that maps between the two (transformers.js does the same
 * in `models.js`, getPastKeyValues).
 *
 * Self-attention ("decoder") entries grow by one position per step and are fed back each step.
 * Cross-attention ("encoder") entries depend only on the audio: they are computed on the first
 * pass (use_cache_branch = false) and then reused unchanged. Empty (length-0) tensors stand in for
 * both on the first pass.
 */
export interface CacheShape {
  layers: number;
  heads: number;
  headDim: number;
}

export const PAST_PREFIX = 'past_key_values.';
export const PRESENT_PREFIX = 'present.';

export function pastName(presentName: string): string {
  return PAST_PREFIX + presentName.slice(PRESENT_PREFIX.length);
}

export class KvCache {
  private readonly past = new Map<string, Tensor>();

  constructor(
    private readonly Tensor: TensorConstructor,
    private readonly shape: CacheShape,
  ) {}

  /** Length-0 tensors for every past input: the first pass has no history. */
  reset(): void {
    this.dispose();
    const { layers, heads, headDim } = this.shape;
    for (let layer = 0; layer < layers; layer++) {
      for (const part of ['decoder', 'encoder']) {
        for (const kind of ['key', 'value']) {
          const name = `${PAST_PREFIX}${layer}.${part}.${kind}`;
          this.past.set(name, new this.Tensor('float32', new Float32Array(0), [1, heads, 0, headDim]));
        }
      }
    }
  }

  /** Adds the past tensors to a decoder's feeds. */
  feed(feeds: Record<string, Tensor>): void {
    for (const [name, tensor] of this.past) feeds[name] = tensor;
  }

  /**
   * Takes the `present.*` outputs of a pass. Encoder entries are kept from the first pass only
   * (`firstPass`); later passes' encoder outputs are released unused.
   */
  update(outputs: InferenceSession.OnnxValueMapType, firstPass: boolean): void {
    for (const [name, value] of Object.entries(outputs)) {
      if (!name.startsWith(PRESENT_PREFIX)) continue;
      const isEncoder = name.includes('.encoder.');
      const target = pastName(name);
      if (isEncoder && !firstPass) {
        if (value !== this.past.get(target)) value.dispose();
        continue;
      }
      const previous = this.past.get(target);
      if (previous && previous !== value) previous.dispose();
      this.past.set(target, value);
    }
  }

  dispose(): void {
    for (const tensor of this.past.values()) tensor.dispose();
    this.past.clear();
  }
}
