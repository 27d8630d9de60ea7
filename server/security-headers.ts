/**
 * The headers every response of the app carries, in production (static-handler.ts) and from
 * Vite's preview server (vite.config.ts); the dev server sends a looser policy (DEV_HEADERS).
 *
 * - COOP same-origin + COEP require-corp make the page cross-origin isolated, which
 *   onnxruntime-web needs for SharedArrayBuffer and so more than one thread; CORP same-origin
 *   lets the isolated page load its own files.
 * - The Content-Security-Policy allows nothing but this origin: scripts, workers, fetches,
 *   styles, images. `'wasm-unsafe-eval'` lets onnxruntime-web and the VAD compile WebAssembly
 *   (nothing else is evaluated); `blob:` workers are onnxruntime-web's threads; `data:` images
 *   are the browser's own (form controls); `blob:` media are the recordings the person kept for
 *   review, played from the page's own memory (src/ui/monitoring/Recordings.tsx). No inline
 *   script or style runs, no plugin loads, the page cannot be framed, and a stray script could
 *   send nothing anywhere else.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "img-src 'self' data:",
  "media-src 'self' blob:",
  "style-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const CROSS_ORIGIN_ISOLATION: Readonly<Record<string, string>> = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  ...CROSS_ORIGIN_ISOLATION,
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  // The microphone for this page only; no other origin (no frame) may ask for it.
  'Permissions-Policy': 'microphone=(self)',
};

/**
 * `npm run dev`: the same, but the policy lets in what Vite's dev server needs and the build
 * does not: the React refresh preamble is an inline script, hot reloading talks over a
 * WebSocket, and styles are injected as <style> elements.
 */
export const DEV_HEADERS: Readonly<Record<string, string>> = {
  ...SECURITY_HEADERS,
  'Content-Security-Policy': CONTENT_SECURITY_POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
    .replace("connect-src 'self'", "connect-src 'self' ws: wss:")
    .replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"),
};
