import type { InferenceSession, Tensor } from 'onnxruntime-common';
import type { TensorConstructor } from '../runtime';
import type { BeamDecoderStep } from './decode-beam';
import { KvCache, pastName, PRESENT_PREFIX, type CacheShape } from './kv-cache';
import { isCrossAttentionPresent } from './merged-decoder';

/**
 * The merged decoder (merged-decoder.ts) run over a batch of hypotheses for beam search
 * (decode-beam.ts). The exports take a dynamic `batch_size` on every input (checked on
 * whisper-tiny-q8 and moonshine-tiny-q8: input_ids, encoder_hidden_states and every
 * past_key_values.* are [batch_size, …]), so:
 * - the first pass runs the prompt at batch 1, exactly as the greedy step does;
 * - each later pass feeds one token per live hypothesis, [B, 1]; the self-attention past is
 *   gathered by the hypotheses' parent rows first (openai/whisper `whisper/decoding.py`
 *   PyTorchInference.rearrange_kv_cache), and skipped when every row continues itself;
 * - the cross-attention past and encoder_hidden_states depend only on the audio: the batch-1
 *   tensors of the first pass are tiled to B rows once, and again only if B changes.
 * As in the greedy step, later passes fetch only the logits and the self-attention presents.
 * The tiles cost B − 1 extra copies of the cross-attention cache (whisper-tiny over a 30 s window:
 * 4 layers × key and value × 1,500 × 384 floats = 18 MB a copy; a cut window is a fraction).
 * Call `dispose` when done.
 */
export function batchedMergedDecoderStep(
  decoder: InferenceSession,
  Tensor: TensorConstructor,
  shape: CacheShape,
  encoderHidden: Tensor,
  fetches: string[],
): { step: BeamDecoderStep; dispose(): void } {
  const laterFetches = fetches.filter((name) => !isCrossAttentionPresent(name));
  // Self-attention past, one row per row of the last pass; empty at batch 1 before the first.
  const selfPast = new Map<string, Tensor>();
  // Cross-attention past at batch 1, from the first pass.
  const crossPast = new Map<string, Tensor>();
  let tiles: { batch: number; past: Map<string, Tensor>; hidden: Tensor } | undefined;
  let firstPass = true;

  const emptyCache = new KvCache(Tensor, shape);
  emptyCache.reset();

  const tiled = (batch: number) => {
    if (tiles?.batch === batch) return tiles;
    disposeTiles();
    const rows = new Array<number>(batch).fill(0);
    const past = new Map<string, Tensor>();
    for (const [name, tensor] of crossPast) past.set(name, gatherBatch(Tensor, tensor, rows));
    tiles = { batch, past, hidden: gatherBatch(Tensor, encoderHidden, rows) };
    return tiles;
  };
  const disposeTiles = () => {
    if (!tiles) return;
    for (const tensor of tiles.past.values()) tensor.dispose();
    tiles.hidden.dispose();
    tiles = undefined;
  };

  const step: BeamDecoderStep = async (rows, parents) => {
    const batch = rows.length;
    const length = rows[0]?.length ?? 0;
    if (batch === 0 || rows.some((r) => r.length !== length)) throw new Error('batched decoder: rows must be non-empty and of one length');
    if (firstPass && batch !== 1) throw new Error('batched decoder: the first pass runs the prompt as a single row');
    const ids = new BigInt64Array(batch * length);
    rows.forEach((row, r) => row.forEach((id, i) => (ids[r * length + i] = BigInt(id))));
    const feeds: Record<string, Tensor> = {
      input_ids: new Tensor('int64', ids, [batch, length]),
      use_cache_branch: new Tensor('bool', Uint8Array.of(firstPass ? 0 : 1), [1]),
    };
    if (firstPass) {
      emptyCache.feed(feeds);
      feeds.encoder_hidden_states = encoderHidden;
    } else {
      reorder(parents);
      for (const [name, tensor] of selfPast) feeds[name] = tensor;
      if (batch === 1) {
        for (const [name, tensor] of crossPast) feeds[name] = tensor;
        feeds.encoder_hidden_states = encoderHidden;
      } else {
        const t = tiled(batch);
        for (const [name, tensor] of t.past) feeds[name] = tensor;
        feeds.encoder_hidden_states = t.hidden;
      }
    }
    const outputs = await decoder.run(feeds, firstPass ? fetches : laterFetches);
    for (const [name, value] of Object.entries(outputs)) {
      if (!name.startsWith(PRESENT_PREFIX)) continue;
      const target = isCrossAttentionPresent(name) ? crossPast : selfPast;
      const previous = target.get(pastName(name));
      if (previous && previous !== value) previous.dispose();
      target.set(pastName(name), value);
    }
    if (firstPass) emptyCache.dispose();
    firstPass = false;
    return outputs.logits.data as Float32Array;
  };

  /** Each row's self-attention past becomes its parent's; nothing to do when every row continues itself. */
  const reorder = (parents: readonly number[]) => {
    const batch = selfPast.values().next().value?.dims[0];
    if (parents.length === batch && parents.every((p, r) => p === r)) return;
    for (const [name, tensor] of selfPast) {
      selfPast.set(name, gatherBatch(Tensor, tensor, parents));
      tensor.dispose();
    }
  };

  const dispose = () => {
    emptyCache.dispose();
    disposeTiles();
    for (const tensor of [...selfPast.values(), ...crossPast.values()]) tensor.dispose();
    selfPast.clear();
    crossPast.clear();
  };
  return { step, dispose };
}

/** A float32 tensor's rows (first dimension) picked by index, repeats allowed: [rows.length, …rest]. */
export function gatherBatch(Tensor: TensorConstructor, tensor: Tensor, rows: readonly number[]): Tensor {
  const data = tensor.data as Float32Array;
  const [batch, ...rest] = tensor.dims;
  const size = batch === 0 ? 0 : data.length / batch;
  const out = new Float32Array(rows.length * size);
  rows.forEach((row, r) => {
    if (row < 0 || row >= batch) throw new RangeError(`gatherBatch: row ${row} of a batch of ${batch}`);
    out.set(data.subarray(row * size, (row + 1) * size), r * size);
  });
  return new Tensor('float32', out, [rows.length, ...rest]);
}
