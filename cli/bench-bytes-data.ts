/**
 * What `npm run -s bench:bytes` measures, apart from the browser: each response sorted into an
 * asset type by its path, and the bytes on the wire summed per type and visit (pure; tested).
 */

/** Asset types in the order the report lists them. */
export const ASSET_TYPES = [
  'page (HTML, manifest, icons)',
  'scripts and styles',
  'service worker',
  'onnxruntime (.wasm, .mjs)',
  'VAD (worklet, Silero model)',
  'catalogue',
  'speech model files',
  'other',
] as const;

export type AssetType = (typeof ASSET_TYPES)[number];

export function assetTypeOf(pathname: string): AssetType {
  if (pathname.startsWith('/models/')) return 'speech model files';
  if (pathname.startsWith('/ort/')) return 'onnxruntime (.wasm, .mjs)';
  if (pathname.startsWith('/vad/')) return 'VAD (worklet, Silero model)';
  if (pathname.startsWith('/catalogue/')) return 'catalogue';
  if (pathname === '/sw.js' || /^\/workbox-[\w-]+\.js$/.test(pathname)) return 'service worker';
  if (pathname.startsWith('/assets/')) return 'scripts and styles';
  if (pathname === '/' || pathname.endsWith('.html') || pathname === '/manifest.webmanifest' || pathname.startsWith('/icons/')) {
    return 'page (HTML, manifest, icons)';
  }
  return 'other';
}

/** One response as the browser saw it. */
export interface ResponseRecord {
  pathname: string;
  /** Bytes that crossed the network: headers and (encoded) body; 0 when a cache answered. */
  wireBytes: number;
  /** The file's size as served uncompressed (from dist/), when it is a file. */
  fileBytes: number;
  /** Answered by the service worker or another cache, without the network. */
  fromCache: boolean;
}

export interface TypeBytes {
  type: AssetType;
  requests: number;
  /** Of those, answered with no network. */
  fromCache: number;
  wireBytes: number;
  fileBytes: number;
}

/** Per asset type, in ASSET_TYPES order, types with no request left out. */
export function bytesByType(records: readonly ResponseRecord[]): TypeBytes[] {
  const rows = new Map<AssetType, TypeBytes>();
  for (const r of records) {
    const type = assetTypeOf(r.pathname);
    const row = rows.get(type) ?? { type, requests: 0, fromCache: 0, wireBytes: 0, fileBytes: 0 };
    row.requests++;
    if (r.fromCache) row.fromCache++;
    row.wireBytes += r.wireBytes;
    row.fileBytes += r.fileBytes;
    rows.set(type, row);
  }
  return ASSET_TYPES.flatMap((type) => rows.get(type) ?? []);
}

export interface BytesResult {
  command: string;
  chromium: string;
  modelId: string;
  visits: { name: string; rows: TypeBytes[] }[];
}

/** The report's section (cli/bench-report.ts). */
export function bytesSection(result: BytesResult): string[] {
  const mb = (n: number) => (n / 1e6).toFixed(2);
  const lines = [
    '## Bytes on the wire: first and repeat visit',
    '',
    `From \`${result.command}\`, headless Chromium ${result.chromium}, model ${result.modelId}: each visit opens the page, transcribes a recording and shows its results; the first visit also waits until the service worker has stored the app. "On the wire" counts response headers and bodies as sent (brotli where the server has a precompressed copy); "as files" is the same responses' files uncompressed. Requests answered by the service worker or Cache Storage send nothing. On a first visit the catalogue and onnxruntime's files cross twice: once for the page, which does not wait, and once for the service worker's precache (Workbox fetches with a revision parameter, which the HTTP cache does not share).`,
    '',
  ];
  for (const visit of result.visits) {
    lines.push(`### ${visit.name}`, '', '| asset type | requests | answered without the network | on the wire, MB | as files, MB |', '| --- | --- | --- | --- | --- |');
    for (const r of visit.rows) lines.push(`| ${r.type} | ${r.requests} | ${r.fromCache} | ${mb(r.wireBytes)} | ${mb(r.fileBytes)} |`);
    const wire = visit.rows.reduce((s, r) => s + r.wireBytes, 0);
    const files = visit.rows.reduce((s, r) => s + r.fileBytes, 0);
    lines.push(`| **all** | ${visit.rows.reduce((s, r) => s + r.requests, 0)} | ${visit.rows.reduce((s, r) => s + r.fromCache, 0)} | **${mb(wire)}** | ${mb(files)} |`, '');
  }
  return lines;
}
