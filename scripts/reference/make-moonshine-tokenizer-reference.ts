/**
 * Writes fixtures/reference/llama-tokenizer.json: token ids that llama-tokenizer-js 1.2.2 (the
 * tokenizer moonshine-js decodes with; an implementation independent of ours) gives for a few
 * strings, so src/engine/moonshine/tokenizer.test.ts checks our SentencePiece decoder against it
 * without network or the package. Reads the package from the tarball staging caches
 * (node_modules/.cache/model-packages/, made by `npm run stage`).
 * Run: npx tsx scripts/reference/make-moonshine-tokenizer-reference.ts
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const tarball = 'node_modules/.cache/model-packages/llama-tokenizer-js-1.2.2.tgz';
const texts = [
  'ask what you can do for your country',
  'Flights to Tokyo, 25% off!',
  'Café crème à Genève — naïve façade',
  'Ünïcödé: 東京 の 天気, 서울, emoji 🚀🎉',
  '  two leading spaces and a tab\there',
  'line one\nline two',
  'Reykjavík, Kraków, São Paulo',
];

const dir = mkdtempSync(join(tmpdir(), 'llama-tokenizer-'));
try {
  execFileSync('tar', ['-xzf', tarball, '-C', dir, 'package/llama-tokenizer.js']);
  const { default: llama } = (await import(pathToFileURL(join(dir, 'package/llama-tokenizer.js')).href)) as {
    default: { encode(text: string, addBos?: boolean, addPrecedingSpace?: boolean): number[] };
  };
  const cases = texts.map((text) => ({ text, ids: llama.encode(text) }));
  writeFileSync(
    'fixtures/reference/llama-tokenizer.json',
    JSON.stringify({ source: 'llama-tokenizer-js 1.2.2 encode(text) (default: adds <s> and a leading space)', cases }, null, 1) + '\n',
  );
  console.log(`wrote fixtures/reference/llama-tokenizer.json (${cases.length} cases)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
