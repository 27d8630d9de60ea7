/**
 * Choosing a token at a temperature above 0, for Whisper's temperature fallback: sample from
 * softmax(logits / T), as openai/whisper `whisper/decoding.py` GreedyDecoder.update does
 * (`Categorical(logits=logits / self.temperature).sample()`). Seeded, so a run is reproducible.
 */

/** mulberry32: a tiny, well-known seeded PRNG, uniform in [0, 1), the same on every platform. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** A token drawn from softmax(logits / temperature); −∞ logits are never drawn. */
export function sampleToken(logits: Float32Array, temperature: number, random: () => number): number {
  let max = -Infinity;
  for (let i = 0; i < logits.length; i++) if (logits[i] > max) max = logits[i];
  let total = 0;
  const weights = new Float64Array(logits.length);
  for (let i = 0; i < logits.length; i++) {
    weights[i] = logits[i] === -Infinity ? 0 : Math.exp((logits[i] - max) / temperature);
    total += weights[i];
  }
  let target = random() * total;
  let last = 0;
  for (let i = 0; i < logits.length; i++) {
    if (weights[i] === 0) continue;
    last = i;
    target -= weights[i];
    if (target < 0) return i;
  }
  return last; // rounding left a sliver of mass: the last possible token
}
