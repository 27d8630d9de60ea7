import type { InferenceSession, Tensor } from 'onnxruntime-common';
import type { TensorConstructor } from '../runtime';
import type { DecoderStep } from './decode-greedy';
import { KvCache, type CacheShape } from './kv-cache';

/**
 * One utterance's pass-by-pass driver of a transformers.js-format merged decoder (Whisper and
 * Moonshine exports alike): the first pass feeds the whole prompt with empty past tensors and
 * `use_cache_branch = false`; later passes feed one token and the cache. Only `fetches` are read
 * back (logits and `present.*`, never the attention weights), and after the first pass not the
 * cross-attention presents either: they only echo the cache back, and on onnxruntime-web every
 * fetched output is copied out of the WASM heap — for whisper-tiny over a 30 s window that is
 * 4 layers × key and value × 1,500 × 384 floats = 18 MB per token for nothing.
 * Call `dispose` when done.
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
  const laterFetches = fetches.filter((name) => !isCrossAttentionPresent(name));
  let firstPass = true;
  const step: DecoderStep = async (ids) => {
    const feeds: Record<string, Tensor> = {
      input_ids: new Tensor('int64', BigInt64Array.from(ids, BigInt), [1, ids.length]),
      encoder_hidden_states: encoderHidden,
      use_cache_branch: new Tensor('bool', Uint8Array.of(firstPass ? 0 : 1), [1]),
    };
    cache.feed(feeds);
    const outputs = await decoder.run(feeds, firstPass ? fetches : laterFetches);
    cache.update(outputs, firstPass);
    firstPass = false;
    return outputs.logits.data as Float32Array;
  };
  return { step, dispose: () => cache.dispose() };
}

/** A cross-attention present: it only echoes the audio's cache back after the first pass. */
export function isCrossAttentionPresent(name: string): boolean {
  return name.startsWith('present.') && name.includes('.encoder.');
}

/** The outputs of a merged decoder worth fetching: logits and the cache. */
export function decoderFetches(decoder: InferenceSession): string[] {
  return decoder.outputNames.filter((n) => n === 'logits' || n.startsWith('present.'));
}

/**
 * Session options for a merged decoder. The 8-bit exports we run (Whisper from Xenova/optimum,
 * Moonshine from Useful Sensors) keep the output projection's weight — the token embedding,
 * [d_model × vocab], 20 M values for whisper-tiny — quantized behind a DequantizeLinear in each
 * branch of the decoder's If node. onnxruntime leaves DequantizeLinear out of constant folding by
 * default (to keep QDQ groups for execution providers that fuse them), so that weight was
 * dequantized again on every decoding step: 80 MB written per token. With
 * `session.disable_quant_qdq` it is folded once when the session is created (more memory, no
 * larger download); the logits stay the same to 1e-5. `npm run -s bench:decoder-step` measures
 * it: on whisper-tiny-q8, one cached step, 2 threads, about half the time (41 → 21 ms on
 * onnxruntime-node, one run on a busy 2-core machine); the end-to-end effect is in
 * docs/BENCHMARKS.md (decoder tokens/s).
 */
export function mergedDecoderSessionOptions(options: InferenceSession.SessionOptions = {}): InferenceSession.SessionOptions {
  const extra = (options.extra ?? {}) as Record<string, Record<string, unknown> | undefined>;
  return { ...options, extra: { ...extra, session: { ...extra.session, disable_quant_qdq: '1' } } };
}
