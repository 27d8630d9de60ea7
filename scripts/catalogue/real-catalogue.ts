/**
 * The real catalogue for tests, built in memory from the installed packages (so tests never
 * depend on whether staging ran) and passed through JSON text as the browser would receive it.
 */
import { type Catalogue, loadCatalogue } from '../../src/search/catalogue';
import { type CatalogueFile } from '../../src/search/catalogue-format';
import { buildCatalogue } from './catalogue-builder';

let cached: { file: CatalogueFile; text: string; catalogue: Catalogue } | undefined;

export function realCatalogue(): { file: CatalogueFile; text: string; catalogue: Catalogue } {
  if (!cached) {
    const file = buildCatalogue();
    const text = JSON.stringify(file);
    cached = { file, text, catalogue: loadCatalogue(JSON.parse(text)) };
  }
  return cached;
}
