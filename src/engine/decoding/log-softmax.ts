/** Numerically stable log-softmax helpers over a logits row (−∞ entries allowed). */

export function logSumExp(values: Float32Array, start = 0, end = values.length): number {
  let max = -Infinity;
  for (let i = start; i < end; i++) if (values[i] > max) max = values[i];
  if (max === -Infinity) return -Infinity;
  let sum = 0;
  for (let i = start; i < end; i++) sum += Math.exp(values[i] - max);
  return max + Math.log(sum);
}

/** Index of the largest value (the first one on ties, as torch.argmax). */
export function argmax(values: Float32Array): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i] > values[best]) best = i;
  return best;
}

/**
 * logSumExp without the exponentials of values more than `window` below the largest: each adds
 * less than e^−window of the largest's share, so over a 51,865-token vocabulary at window 25 the
 * result moves by under 1e−6. Most of a decoder's logits sit far below its top ones, so most of
 * the row costs a comparison instead of Math.exp (teacher-forced.ts normalises hundreds of rows
 * per utterance).
 */
export function logSumExpNear(values: Float32Array, window = 25): number {
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) if (values[i] > max) max = values[i];
  if (max === -Infinity) return -Infinity;
  const floor = max - window;
  let sum = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v > floor) sum += Math.exp(v - max);
  }
  return max + Math.log(sum);
}
