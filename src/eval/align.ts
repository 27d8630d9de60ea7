/**
 * Word alignment with edit operations (the same Levenshtein alignment wer.ts counts, with its
 * path kept), for error analysis: which reference word became which hypothesis word.
 */
export type AlignedWord =
  | { op: 'equal' | 'substitute'; ref: string; hyp: string }
  | { op: 'delete'; ref: string }
  | { op: 'insert'; hyp: string };

export function alignWords(reference: string, hypothesis: string): AlignedWord[] {
  const ref = reference.split(' ').filter(Boolean);
  const hyp = hypothesis.split(' ').filter(Boolean);
  const cols = hyp.length + 1;
  // Score per cell: errors × (cols + ref.length + 1) − matches, so among alignments with the fewest
  // errors the one with the most matching words wins ("weather in paris" / "weather paris today":
  // delete "in", keep "paris", insert "today" — not two substitutions).
  const scale = cols + ref.length + 1;
  const score = new Float64Array((ref.length + 1) * cols);
  for (let j = 0; j <= hyp.length; j++) score[j] = j * scale;
  for (let i = 1; i <= ref.length; i++) {
    score[i * cols] = i * scale;
    for (let j = 1; j <= hyp.length; j++) {
      const diag = score[(i - 1) * cols + j - 1] + (ref[i - 1] === hyp[j - 1] ? -1 : scale);
      score[i * cols + j] = Math.min(diag, score[(i - 1) * cols + j] + scale, score[i * cols + j - 1] + scale);
    }
  }
  const path: AlignedWord[] = [];
  let i = ref.length;
  let j = hyp.length;
  while (i > 0 || j > 0) {
    const here = score[i * cols + j];
    if (i > 0 && j > 0 && here === score[(i - 1) * cols + j - 1] + (ref[i - 1] === hyp[j - 1] ? -1 : scale)) {
      path.push({ op: ref[i - 1] === hyp[j - 1] ? 'equal' : 'substitute', ref: ref[i - 1], hyp: hyp[j - 1] });
      i--;
      j--;
    } else if (i > 0 && here === score[(i - 1) * cols + j] + scale) {
      path.push({ op: 'delete', ref: ref[i - 1] });
      i--;
    } else {
      path.push({ op: 'insert', hyp: hyp[j - 1] });
      j--;
    }
  }
  return path.reverse();
}

/** "ref → hyp" for substitutions, "ref → ∅" for deletions, "∅ → hyp" for insertions, most frequent first. */
export function topConfusions(alignments: readonly AlignedWord[][], limit: number): { confusion: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const alignment of alignments) {
    for (const a of alignment) {
      if (a.op === 'equal') continue;
      const key = a.op === 'substitute' ? `${a.ref} → ${a.hyp}` : a.op === 'delete' ? `${a.ref} → ∅` : `∅ → ${a.hyp}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return [...counts]
    .map(([confusion, count]) => ({ confusion, count }))
    .sort((a, b) => b.count - a.count || a.confusion.localeCompare(b.confusion))
    .slice(0, limit);
}
