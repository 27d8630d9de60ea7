import { describe, expect, it } from 'vitest';
import { assetTypeOf, bytesByType, bytesSection } from './bench-bytes-data';

describe('assetTypeOf', () => {
  it.each([
    ['/', 'page (HTML, manifest, icons)'],
    ['/index.html', 'page (HTML, manifest, icons)'],
    ['/manifest.webmanifest', 'page (HTML, manifest, icons)'],
    ['/icons/icon-192.png', 'page (HTML, manifest, icons)'],
    ['/assets/index-C2SABDsd.js', 'scripts and styles'],
    ['/assets/index-CeAGBv_D.css', 'scripts and styles'],
    ['/sw.js', 'service worker'],
    ['/workbox-9c191d2f.js', 'service worker'],
    ['/ort/ort-wasm-simd-threaded.wasm', 'onnxruntime (.wasm, .mjs)'],
    ['/vad/silero_vad_v5.onnx', 'VAD (worklet, Silero model)'],
    ['/catalogue/places.json', 'catalogue'],
    ['/models/moonshine-tiny-q8/encoder_model_quantized.onnx', 'speech model files'],
    ['/favicon.ico', 'other'],
  ])('%s is %s', (pathname, type) => {
    expect(assetTypeOf(pathname)).toBe(type);
  });
});

describe('bytesByType', () => {
  it('sums each type in report order and counts cache answers', () => {
    const rows = bytesByType([
      { pathname: '/catalogue/places.json', wireBytes: 3_000, fileBytes: 8_000, fromCache: false },
      { pathname: '/', wireBytes: 900, fileBytes: 600, fromCache: false },
      { pathname: '/assets/a.js', wireBytes: 0, fileBytes: 100, fromCache: true },
      { pathname: '/assets/b.js', wireBytes: 50, fileBytes: 200, fromCache: false },
    ]);
    expect(rows).toEqual([
      { type: 'page (HTML, manifest, icons)', requests: 1, fromCache: 0, wireBytes: 900, fileBytes: 600 },
      { type: 'scripts and styles', requests: 2, fromCache: 1, wireBytes: 50, fileBytes: 300 },
      { type: 'catalogue', requests: 1, fromCache: 0, wireBytes: 3_000, fileBytes: 8_000 },
    ]);
  });

  it('renders a table per visit with its total', () => {
    const md = bytesSection({
      command: 'npm run -s bench:bytes',
      chromium: '156',
      modelId: 'moonshine-tiny-q8',
      visits: [{ name: 'First visit', rows: bytesByType([{ pathname: '/', wireBytes: 2_000_000, fileBytes: 1_000_000, fromCache: false }]) }],
    }).join('\n');
    expect(md).toContain('| page (HTML, manifest, icons) | 1 | 0 | 2.00 | 1.00 |');
    expect(md).toContain('| **all** | 1 | 0 | **2.00** | 1.00 |');
  });
});
