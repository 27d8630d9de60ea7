/**
 * The real catalogue for tests, built in memory from the installed packages (so tests never
 * depend on whether staging ran) and passed through JSON text as the browser would receive it.
 */
import { type Catalogue, loadCatalogue } from '../../src/search/catalogue';
import { type CatalogueFile } from '../../src/search/catalogue-format';
import { buildCatalogue, buildCatalogueFiles } from './catalogue-builder';

let cached: { file: CatalogueFile; text: string; catalogue: Catalogue } | undefined;

export function realCatalogue(): { file: CatalogueFile; text: string; catalogue: Catalogue } {
  if (!cached) {
    const file = buildCatalogue();
    const text = JSON.stringify(file);
    cached = { file, text, catalogue: loadCatalogue(JSON.parse(text)) };
  }
  return cached;
}

let cachedFiles: { text: string; nameIndex: Uint8Array } | undefined;

/** The real catalogue as staging writes it: the JSON naming its stored name index, and the index's bytes. */
export function realCatalogueFiles(): { text: string; nameIndex: Uint8Array } {
  if (!cachedFiles) {
    const { file, nameIndex } = buildCatalogueFiles(realCatalogue().file);
    cachedFiles = { text: JSON.stringify(file), nameIndex };
  }
  return cachedFiles;
}
