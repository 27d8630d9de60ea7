import type { GreedyDecodeOptions, GreedyDecodeResult } from './decode-greedy';
import { applyRules } from './logits-rule';
import { logSumExp } from './log-softmax';
import type { StopCheck, StopReason } from './stop-check';

/**
 * One forward pass of an autoregressive decoder over several hypotheses at once (a batch), keeping
 * its own KV cache. `rows` holds the new input ids of each live hypothesis, all of one length: the
 * whole prompt as a single row on the first call, then one token per row. `parents[r]` is the row
 * of the previous call that row r continues, so the cache can be reordered (empty on the first
 * call). Returns the logits of every new position, [rows × ids per row × vocab] row-major.
 */
export interface BeamDecoderStep {
  (rows: readonly (readonly number[])[], parents: readonly number[]): Promise<Float32Array>;
}

export interface BeamDecodeOptions extends Omit<GreedyDecodeOptions, 'temperature' | 'random'> {
  /** Live hypotheses kept per step, and how many finished sequences end the search (patience 1). */
  beamSize: number;
}

/** One hypothesis the search finished: by end-of-text, a stop check, or the token budget. */
export interface BeamSequence {
  /** Generated ids, end-of-text excluded. */
  tokens: number[];
  /** Sum of its kept tokens' log-probabilities after the rules, end-of-text included when it ended so. */
  sumLogprob: number;
  /** sumLogprob / (tokens + 1), as greedy's (Whisper's avg_logprob). */
  avgLogprob: number;
  stopReason: StopReason;
}

export interface BeamDecodeResult extends GreedyDecodeResult {
  /** The n-best list: every finished sequence (at most beamSize, distinct tokens), best first; [0] is the result. */
  sequences: BeamSequence[];
}

interface Hypothesis {
  tokens: number[];
  logprobs: number[];
  sumLogprob: number;
}

interface Candidate {
  parent: number;
  token: number;
  logprob: number;
  sumLogprob: number;
}

/** A beam size the search can run: a positive integer. */
export function checkBeamSize(beamSize: number): void {
  if (!Number.isInteger(beamSize) || beamSize < 1) throw new RangeError(`beam size must be a positive integer, got ${beamSize}`);
}

/**
 * Beam search as openai/whisper `whisper/decoding.py` BeamSearchDecoder does it (release
 * v20240930), at patience 1 and temperature 0:
 * - each step, every live hypothesis proposes its `beamSize + 1` most likely next tokens (after
 *   the logits rules, applied with that hypothesis's own tokens), scored by cumulative log-prob;
 * - candidates are taken best first: one ending in end-of-text becomes a finished sequence, the
 *   others live on, until `beamSize` live hypotheses are kept (BeamSearchDecoder.update);
 * - the search ends when `beamSize` sequences are finished or the token budget is spent; if
 *   fewer finished, the best live hypotheses make up the number (BeamSearchDecoder.finalize);
 * - finished sequences are ranked by sum log-prob / length, end-of-text not counted
 *   (MaximumLikelihoodRanker with length_penalty None), those that reached end-of-text first
 *   (FinishedSequences.ranked says why).
 * Stop checks run per hypothesis, after its new token: one a check stops is finished there with
 * the prefix the check keeps and the check's reason, and the next candidate takes its place.
 * The first step runs the prompt once, as a single row: every hypothesis shares it (Whisper runs
 * `beamSize` identical copies and merges the duplicate candidates, which comes to the same).
 */
export async function decodeBeam(step: BeamDecoderStep, options: BeamDecodeOptions): Promise<BeamDecodeResult> {
  const { prompt, vocabSize, endOfText, maxNewTokens, rules, probe, shouldStop, stopChecks = [], beamSize } = options;
  checkBeamSize(beamSize);
  const proposals = beamSize + 1;
  let live: Hypothesis[] = [{ tokens: [], logprobs: [], sumLogprob: 0 }];
  const finished = new FinishedSequences(beamSize);
  let rows: number[][] = [[...prompt]];
  let parents: number[] = [];
  let probeProbability = NaN;
  let steps = 0;

  while (live[0].tokens.length < maxNewTokens && !shouldStop?.()) {
    const logitsAll = await step(rows, parents);
    steps++;
    const positions = logitsAll.length / vocabSize / rows.length;
    if (steps === 1 && probe) {
      const row = logitsAll.subarray(probe.atPromptIndex * vocabSize, (probe.atPromptIndex + 1) * vocabSize);
      probeProbability = Math.exp(row[probe.token] - logSumExp(row));
    }

    const candidates: Candidate[] = [];
    live.forEach((hypothesis, parent) => {
      const end = (parent + 1) * positions * vocabSize;
      // Rules edit the row in place: copy it so the caller's buffer (an ORT output) stays intact.
      const logits = logitsAll.slice(end - vocabSize, end);
      applyRules(rules, logits, { generated: hypothesis.tokens });
      const logZ = logSumExp(logits);
      for (const token of topTokens(logits, proposals)) {
        const logprob = logits[token] - logZ;
        candidates.push({ parent, token, logprob, sumLogprob: hypothesis.sumLogprob + logprob });
      }
    });
    // Stable, as Python's sorted: equal scores keep hypothesis order, then token rank.
    candidates.sort((a, b) => b.sumLogprob - a.sumLogprob);

    const next: Hypothesis[] = [];
    const nextParents: number[] = [];
    const newlyFinished: BeamSequence[] = [];
    /** Takes a candidate: finished, or live. */
    const take = (c: Candidate): void => {
      const parent = live[c.parent];
      if (c.token === endOfText) {
        newlyFinished.push(sequence(parent.tokens, c.sumLogprob, 'end-of-text'));
        return;
      }
      const tokens = [...parent.tokens, c.token];
      const logprobs = [...parent.logprobs, c.logprob];
      const decision = firstStop(stopChecks, tokens);
      if (decision) {
        const kept = tokens.slice(0, decision.keep);
        newlyFinished.push(sequence(kept, sumOf(logprobs.slice(0, decision.keep)), decision.reason));
        return;
      }
      next.push({ tokens, logprobs, sumLogprob: c.sumLogprob });
      nextParents.push(c.parent);
    };
    for (const c of candidates) {
      if (next.length >= beamSize) break;
      take(c);
    }
    // Whisper adds the newly finished best first, until the list is full.
    newlyFinished.sort((a, b) => b.sumLogprob - a.sumLogprob);
    for (const s of newlyFinished) finished.add(s);
    live = next;
    if (finished.full || live.length === 0) break;
    rows = live.map((h) => [h.tokens[h.tokens.length - 1]]);
    parents = nextParents;
  }

  // Too few finished (budget spent or stopped early): the most probable live ones make up the number.
  const unfinished = [...live].sort((a, b) => b.sumLogprob - a.sumLogprob);
  for (const h of unfinished) {
    if (finished.full) break;
    finished.add(sequence(h.tokens, sumOf(h.logprobs), 'max-tokens'));
  }
  const sequences = finished.ranked();
  const { tokens, sumLogprob, avgLogprob, stopReason } = sequences[0];
  return { tokens, sumLogprob, avgLogprob, stopReason, probeProbability, steps, sequences };
}

/** Whisper's avg_logprob beside the sum: the +1 is for end-of-text (decode-greedy.ts). */
function sequence(tokens: number[], sumLogprob: number, stopReason: StopReason): BeamSequence {
  return { tokens, sumLogprob, avgLogprob: sumLogprob / (tokens.length + 1), stopReason };
}

/** Summed in token order from 0, exactly as decodeGreedy sums, so beam size 1 gives its very numbers. */
function sumOf(logprobs: readonly number[]): number {
  return logprobs.reduce((sum, lp) => sum + lp, 0);
}

/**
 * Finished sequences, at most `capacity` (Whisper's max_candidates = beam_size × patience), one
 * per token list: a stop check can cut two hypotheses back to the same prefix; the better one is kept.
 */
class FinishedSequences {
  private readonly byTokens = new Map<string, BeamSequence>();

  constructor(private readonly capacity: number) {}

  get full(): boolean {
    return this.byTokens.size >= this.capacity;
  }

  /**
   * Adds a sequence, unless the list is full or holds a better one of the same tokens (a worse one
   * is replaced).
   */
  add(s: BeamSequence): void {
    const key = s.tokens.join(',');
    const held = this.byTokens.get(key);
    if (held) {
      if (rankScore(s) > rankScore(held)) this.byTokens.set(key, s);
      return;
    }
    if (!this.full) this.byTokens.set(key, s);
  }

  /**
   * Best first by sum log-prob / length (MaximumLikelihoodRanker, length_penalty None: the length
   * without end-of-text), except that sequences the model ended (end-of-text) come before those a
   * stop check or the budget cut off. Whisper ranks them all together, but its budget is half its
   * text context; ours is 8 tokens per second of audio (token-budget.ts), and a loop is probable
   * token by token: whisper-tiny on librivox-sense-and-sensibility-0880.wav (onnxruntime-node,
   * beam 5) ranked "He was not an ill-disposed young man, he was not an ill-disposed…", cut by the
   * budget, above the same sentence ended by end-of-text. An empty sequence is scored by its sum
   * alone, where Whisper would divide by zero (its SuppressBlank prevents one; Moonshine has none).
   */
  ranked(): BeamSequence[] {
    const cut = (s: BeamSequence) => (s.stopReason === 'end-of-text' ? 0 : 1);
    return [...this.byTokens.values()].sort((a, b) => cut(a) - cut(b) || rankScore(b) - rankScore(a));
  }
}

/** What finished sequences are ranked by: log-prob per token, as MaximumLikelihoodRanker. */
function rankScore(s: BeamSequence): number {
  return s.sumLogprob / Math.max(1, s.tokens.length);
}

/**
 * The `k` tokens with the largest finite logits, largest first; ties go to the lower id, as
 * argmax (log-softmax.ts) and torch.topk on CPU. Tokens a rule forbade (−∞) are never proposed.
 */
export function topTokens(logits: Float32Array, k: number): number[] {
  const top: number[] = [];
  for (let i = 0; i < logits.length; i++) {
    const value = logits[i];
    if (value === -Infinity) continue;
    if (top.length === k) {
      if (value <= logits[top[k - 1]]) continue;
      top.pop();
    }
    let at = top.length;
    while (at > 0 && logits[top[at - 1]] < value) at--;
    top.splice(at, 0, i);
  }
  return top;
}

function firstStop(checks: readonly StopCheck[], tokens: readonly number[]) {
  for (const check of checks) {
    const decision = check.check(tokens);
    if (decision) return decision;
  }
  return undefined;
}
