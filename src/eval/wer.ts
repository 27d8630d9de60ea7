/**
 * Word error rate by Levenshtein alignment over words: (substitutions + deletions + insertions)
 * divided by the number of reference words. Inputs are expected normalised (see normalize.ts).
 */
export interface WordErrors {
  substitutions: number;
  deletions: number;
  insertions: number;
  referenceWords: number;
}

export function wordErrors(reference: string, hypothesis: string): WordErrors {
  const ref = reference.split(' ').filter(Boolean);
  const hyp = hypothesis.split(' ').filter(Boolean);
  // cost[j] holds the best (total, s, d, i) aligning ref[0..i) with hyp[0..j); one row at a time.
  type Cell = [total: number, s: number, d: number, i: number];
  let prev: Cell[] = Array.from({ length: hyp.length + 1 }, (_, j) => [j, 0, 0, j]);
  for (let i = 1; i <= ref.length; i++) {
    const row: Cell[] = [[i, 0, i, 0]];
    for (let j = 1; j <= hyp.length; j++) {
      const diag = prev[j - 1];
      const same = ref[i - 1] === hyp[j - 1];
      const candidates: Cell[] = [
        same ? diag : [diag[0] + 1, diag[1] + 1, diag[2], diag[3]],
        [prev[j][0] + 1, prev[j][1], prev[j][2] + 1, prev[j][3]],
        [row[j - 1][0] + 1, row[j - 1][1], row[j - 1][2], row[j - 1][3] + 1],
      ];
      row.push(candidates.reduce((best, c) => (c[0] < best[0] ? c : best)));
    }
    prev = row;
  }
  const [, substitutions, deletions, insertions] = prev[hyp.length];
  return { substitutions, deletions, insertions, referenceWords: ref.length };
}

/** Corpus WER: total errors over total reference words (not the mean of per-utterance rates). */
export function corpusWer(errors: readonly WordErrors[]): number {
  let wrong = 0;
  let words = 0;
  for (const e of errors) {
    wrong += e.substitutions + e.deletions + e.insertions;
    words += e.referenceWords;
  }
  return words === 0 ? 0 : wrong / words;
}
