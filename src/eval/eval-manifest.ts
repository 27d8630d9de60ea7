/**
 * An evaluation manifest: one utterance per line, `path<TAB>reference text`. Paths are relative
 * to the manifest's folder unless absolute. Blank lines and lines starting with `#` are skipped.
 */
export interface ManifestEntry {
  /** 1-based line number, for error messages. */
  line: number;
  path: string;
  reference: string;
}

export interface ManifestProblem {
  line: number;
  message: string;
}

export function parseEvalManifest(text: string): { entries: ManifestEntry[]; problems: ManifestProblem[] } {
  const entries: ManifestEntry[] = [];
  const problems: ManifestProblem[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    if (!raw.trim() || raw.startsWith('#')) return;
    const tab = raw.indexOf('\t');
    if (tab < 0) {
      problems.push({ line, message: `line ${line}: expected 'path<TAB>reference', found no tab` });
      return;
    }
    const path = raw.slice(0, tab).trim();
    const reference = raw.slice(tab + 1).trim();
    if (!path) problems.push({ line, message: `line ${line}: empty path` });
    else entries.push({ line, path, reference });
  });
  return { entries, problems };
}
