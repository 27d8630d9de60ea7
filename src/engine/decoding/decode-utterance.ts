import type { InferenceSession, Tensor } from 'onnxruntime-common';
import type { TensorConstructor } from '../runtime';
import { decodeBeam, type BeamSequence } from './decode-beam';
import { decodeGreedy, type GreedyDecodeOptions, type GreedyDecodeResult } from './decode-greedy';
import type { CacheShape } from './kv-cache';
import { mergedDecoderStep } from './merged-decoder';
import { batchedMergedDecoderStep } from './merged-decoder-batch';

/** What both families hand over to decode one utterance's encoder output with their merged decoder. */
export interface MergedDecoder {
  session: InferenceSession;
  Tensor: TensorConstructor;
  cacheShape: CacheShape;
  /** The decoder outputs worth fetching (merged-decoder.ts decoderFetches). */
  fetches: string[];
}

/**
 * One decode of an utterance: beam search when `beamSize` is above 1 and the search is not
 * sampled (beam search runs at temperature 0 only, as openai/whisper's decode_with_fallback),
 * else the greedy (or sampling) loop. The decoder's cache is freed either way.
 */
export async function decodeUtterance(
  decoder: MergedDecoder,
  encoderHidden: Tensor,
  search: GreedyDecodeOptions,
  beamSize: number,
): Promise<GreedyDecodeResult & { sequences?: BeamSequence[] }> {
  const { session, Tensor, cacheShape, fetches } = decoder;
  if (beamSize > 1 && !(search.temperature && search.temperature > 0)) {
    const decoding = batchedMergedDecoderStep(session, Tensor, cacheShape, encoderHidden, fetches);
    try {
      return await decodeBeam(decoding.step, { ...search, beamSize });
    } finally {
      decoding.dispose();
    }
  }
  const decoding = mergedDecoderStep(session, Tensor, cacheShape, encoderHidden, fetches);
  try {
    return await decodeGreedy(decoding.step, search);
  } finally {
    decoding.dispose();
  }
}
