/** The committed recordings (fixtures/audio/manifest.tsv), read for tests and scripts. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseEvalManifest, type ManifestEntry } from '../src/eval/eval-manifest';

export const FIXTURE_AUDIO_DIR = fileURLToPath(new URL('../fixtures/audio/', import.meta.url));

export function fixtureRecordings(): ManifestEntry[] {
  const { entries, problems } = parseEvalManifest(readFileSync(`${FIXTURE_AUDIO_DIR}manifest.tsv`, 'utf8'));
  if (problems.length) throw new Error(`fixtures/audio/manifest.tsv: ${problems.map((p) => p.message).join('; ')}`);
  return entries;
}
