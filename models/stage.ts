/**
 * `npm run stage`: verify and copy every model in models/manifest.json into public/models/.
 * Runs after `npm install` and before dev, build and test. Exits non-zero, naming the file,
 * when a file is missing or its hash is wrong.
 */
import { readFile } from 'node:fs/promises';
import type { ModelManifest } from '../src/engine/model-manifest';
import { defineCommand, readCommandLine } from '../cli/command-line';
import { stageModels, StagingError } from './staging';

readCommandLine(
  defineCommand({
    usage: 'npm run stage',
    description: 'Verifies every model of models/manifest.json by sha256 and copies it into public/models/.',
    flags: {},
    positionals: { min: 0, max: 0, name: '' },
  }),
);

const manifestUrl = new URL('./manifest.json', import.meta.url);

try {
  const manifest = JSON.parse(await readFile(manifestUrl, 'utf8')) as ModelManifest;
  let copied = 0;
  await stageModels(manifest, {
    onFile: ({ file, action }) => {
      if (action !== 'unchanged') {
        copied++;
        console.log(`staged ${file}`);
      }
    },
  });
  const ids = manifest.models.map((m) => m.id).join(', ');
  console.log(copied ? `models staged: ${ids}` : `models up to date: ${ids}`);
} catch (error) {
  if (!(error instanceof StagingError)) throw error;
  console.error(`model staging failed: ${error.message}`);
  process.exit(1);
}
