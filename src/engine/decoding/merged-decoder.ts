import type { InferenceSession, Tensor } from 'onnxruntime-common';
import type { TensorConstructor } from '../runtime';
import type { DecoderStep } from './decode-greedy';
import { KvCache, type CacheShape } from './kv-cache';

/**
 * One utterance's pass-by-pass driver of a transformers.js-format merged decoder (Whisper and
 * Moonshine exports alike): the first pass feeds the whole prompt with empty past tensors and
 * `use_cache_branch = false`; later passes feed one token and the cache. Only `fetches` are read
 * back (logits and `present.*`, never the attention weights). Call `dispose` when done.
 */
export function mergedDecoderStep(
  decoder: InferenceSession,
  Tensor: TensorConstructor,
  shape: CacheShape,
  encoderHidden: Tensor,
  fetches: string[],
): { step: DecoderStep; dispose(): void } {
  const cache = new KvCache(Tensor, shape);
  cache.reset();
  let firstPass = true;
  const step: DecoderStep = async (ids) => {
    const feeds: Record<string, Tensor> = {
      input_ids: new Tensor('int64', BigInt64Array.from(ids, BigInt), [1, ids.length]),
      encoder_hidden_states: encoderHidden,
      use_cache_branch: new Tensor('bool', Uint8Array.of(firstPass ? 0 : 1), [1]),
    };
    cache.feed(feeds);
    const outputs = await decoder.run(feeds, fetches);
    cache.update(outputs, firstPass);
    firstPass = false;
    return outputs.logits.data as Float32Array;
  };
  return { step, dispose: () => cache.dispose() };
}

/** The outputs of a merged decoder worth fetching: logits and the cache. */
export function decoderFetches(decoder: InferenceSession): string[] {
  return decoder.outputNames.filter((n) => n === 'logits' || n.startsWith('present.'));
}
