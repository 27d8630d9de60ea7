import { zlibSync } from 'fflate';

/**
 * Whisper's repetitiveness measure: bytes of the text over bytes of its zlib compression
 * (openai/whisper `whisper/utils.py` compression_ratio, `zlib.compress(text_bytes)` at zlib's
 * default level 6). Looping text compresses well, so a ratio over 2.4 means "probably a loop".
 * fflate's zlib stream is the same format as Python's; its deflate choices can differ by a few
 * bytes, which moves the ratio by well under 1% on a transcript.
 */
export function compressionRatio(text: string): number {
  const bytes = new TextEncoder().encode(text);
  if (bytes.length === 0) return 0;
  return bytes.length / zlibSync(bytes, { level: 6 }).length;
}
