/**
 * `tsx scripts/assets/stage-assets.ts`: copy onnxruntime-web's and vad-web's runtime files into
 * public/ort/ and public/vad/ (git-ignored) so the app serves them from its own origin.
 * Idempotent: a target with the same bytes is left alone. Exits non-zero naming any missing file.
 */
import { copyFile, mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineCommand, readCommandLine } from '../../cli/command-line';
import { planCopies, RUNTIME_ASSETS } from './runtime-assets';

readCommandLine(
  defineCommand({
    usage: 'tsx scripts/assets/stage-assets.ts',
    description: "Copies onnxruntime-web's and vad-web's runtime files into public/ort/ and public/vad/.",
    flags: {},
    positionals: { min: 0, max: 0, name: '' },
  }),
);

const root = fileURLToPath(new URL('../../', import.meta.url));

async function readOrUndefined(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch {
    return undefined;
  }
}

const copies = planCopies(RUNTIME_ASSETS, `${root}node_modules`, `${root}public`);
let copied = 0;
for (const { source, target, servedAs } of copies) {
  const bytes = await readOrUndefined(source);
  if (!bytes) {
    console.error(`asset staging failed: missing runtime file ${source} (for /${servedAs}); run npm install`);
    process.exit(1);
  }
  const existing = await readOrUndefined(target);
  if (existing?.equals(bytes)) continue;
  await mkdir(dirname(target), { recursive: true });
  await copyFile(source, target);
  copied++;
  console.log(`staged /${servedAs}`);
}
console.log(copied ? `runtime assets staged: ${copied} file(s)` : 'runtime assets up to date');
