import type { StopCheck, StopDecision } from './stop-check';

/**
 * Whisper's best-known failure: instead of ending, greedy decoding repeats the last phrase until
 * the token budget runs out ("10 of clubs. 10 of clubs. 10 of clubs. …", seen here on
 * pocketsphinx cards-001.wav with a cut encoder window, and reported on silence and music in
 * openai/whisper discussions #679 and #1962). The guard watches the tail of the output: when it
 * ends with the same block of text tokens repeated back to back, the loop is cut after the first
 * copy and decoding stops.
 *
 * People do repeat themselves, so a loop needs three copies: the benchmark's 30 s clip says the
 * JFK sentence twice on purpose, and a guard at two copies cut the second (measured with
 * `npm run -s bench:browser`). Short blocks need more copies still, so ordinary speech is left
 * alone: "bye bye" or "no no no" (one token) and "New York, New York" (not back to back) are not
 * loops. Timestamp tokens differ between repeated segments and are ignored. What two copies
 * leave through, the token budget (token-budget.ts) still bounds.
 */
export interface RepetitionGuardOptions {
  /** Copies of a block, back to back, that make a loop. */
  minRepeats: number;
  /** ...and the repeated run (block length × copies) must cover at least this many text tokens. */
  minLoopTokens: number;
  /** Longest block looked for, in text tokens. */
  maxBlockTokens: number;
  /** Tokens at or above this id (Whisper's timestamps) are not text; Infinity when none. */
  firstNonTextToken: number;
}

export const DEFAULT_REPETITION_GUARD: RepetitionGuardOptions = {
  minRepeats: 3,
  minLoopTokens: 6,
  maxBlockTokens: 40,
  firstNonTextToken: Infinity,
};

/**
 * If `tokens` end in a loop, how many of them to keep: everything up to the end of the loop's
 * first copy. Undefined when there is no loop.
 */
export function findRepetitionLoop(tokens: readonly number[], options: Partial<RepetitionGuardOptions> = {}): number | undefined {
  const { minRepeats, minLoopTokens, maxBlockTokens, firstNonTextToken } = { ...DEFAULT_REPETITION_GUARD, ...options };
  // Positions (in `tokens`) of the text tokens, so a loop can be cut at an index of the original.
  const at: number[] = [];
  for (let i = 0; i < tokens.length; i++) if (tokens[i] < firstNonTextToken) at.push(i);
  const n = at.length;
  for (let block = 1; block <= Math.min(maxBlockTokens, Math.floor(n / minRepeats)); block++) {
    const copiesNeeded = Math.max(minRepeats, Math.ceil(minLoopTokens / block));
    if (copiesNeeded * block > n) continue;
    let copies = 1;
    while (copies < copiesNeeded && sameBlock(tokens, at, n - block * (copies + 1), n - block * copies, block)) copies++;
    if (copies >= copiesNeeded) {
      // Keep the first copy of the run: its last text token, and nothing after it.
      const firstCopyEnd = n - block * (copies - 1) - 1;
      return at[firstCopyEnd] + 1;
    }
  }
  return undefined;
}

function sameBlock(tokens: readonly number[], at: readonly number[], a: number, b: number, length: number): boolean {
  if (a < 0) return false;
  for (let k = 0; k < length; k++) if (tokens[at[a + k]] !== tokens[at[b + k]]) return false;
  return true;
}

/** The guard as a stop check for the decoding loop. */
export class RepetitionGuard implements StopCheck {
  private readonly options: Partial<RepetitionGuardOptions>;
  constructor(options: Partial<RepetitionGuardOptions> = {}) {
    this.options = options;
  }

  check(generated: readonly number[]): StopDecision | undefined {
    const keep = findRepetitionLoop(generated, this.options);
    return keep === undefined ? undefined : { keep, reason: 'repetition' };
  }
}

/**
 * The same failure at segment level, for decoding with timestamps over a cut encoder window: the
 * words come out as one segment, then again as a second one ("London London" from the e2e
 * fixture london.wav through the page's microphone path, where the detector leaves ~1 s of
 * silence after the word). A segment whose text equals the segment before it is cut, whatever
 * its length; the first copy is kept with its closing timestamp.
 */
export function findRepeatedSegment(tokens: readonly number[], timestampBegin: number): number | undefined {
  const n = tokens.length;
  // Only judged when a segment has just closed: a timestamp right after text.
  if (n < 2 || tokens[n - 1] < timestampBegin || tokens[n - 2] >= timestampBegin) return undefined;
  const segments: { start: number; end: number }[] = []; // text token ranges [start, end)
  let start = -1;
  for (let i = 0; i < n; i++) {
    const isText = tokens[i] < timestampBegin;
    if (isText && start < 0) start = i;
    if (!isText && start >= 0) {
      segments.push({ start, end: i });
      start = -1;
    }
  }
  if (segments.length < 2) return undefined;
  const last = segments[segments.length - 1];
  const previous = segments[segments.length - 2];
  if (last.end - last.start !== previous.end - previous.start) return undefined;
  for (let k = 0; k < last.end - last.start; k++) if (tokens[last.start + k] !== tokens[previous.start + k]) return undefined;
  return previous.end + 1; // the first copy and its closing timestamp
}

export class RepeatedSegmentGuard implements StopCheck {
  constructor(private readonly timestampBegin: number) {}

  check(generated: readonly number[]): StopDecision | undefined {
    const keep = findRepeatedSegment(generated, this.timestampBegin);
    return keep === undefined ? undefined : { keep, reason: 'repetition' };
  }
}

/**
 * When the token budget ran out, a loop may not have completed its second copy yet: "Breast runs
 * near the eye-filled hour in Paris. Breast runs near the eye-filled hour in" (the committed
 * restaurants-eiffel-tower recording over a cut window). If the tokens end with a run of at least
 * `minRun` text tokens that repeats the tokens one period before, the run is dropped and the
 * number of tokens to keep is returned. Only for output the budget already cut: for speech that
 * ended by itself, a repeated phrase is the speaker's.
 */
export function trimUnfinishedLoop(tokens: readonly number[], minRun = 6, firstNonTextToken = Infinity): number | undefined {
  const at: number[] = [];
  for (let i = 0; i < tokens.length; i++) if (tokens[i] < firstNonTextToken) at.push(i);
  const n = at.length;
  for (let period = 1; period <= n - minRun; period++) {
    let run = 0;
    while (run < n - period && tokens[at[n - 1 - run]] === tokens[at[n - 1 - run - period]]) run++;
    if (run >= minRun) return at[n - run - 1] + 1;
  }
  return undefined;
}
