/**
 * The engine's decode options for one transcription request from the page: only what the page
 * set is passed on, so everything it left out keeps the engine's default (DEFAULT_DECODE_OPTIONS).
 */
import type { DecodeOptions } from '../engine';
import type { TranscribeOptions } from './engine-api';

export function decodeOptionsFor(request: TranscribeOptions): Partial<DecodeOptions> {
  const decode: Partial<DecodeOptions> = {};
  if (request.language !== undefined) decode.language = request.language;
  if (request.fitContext !== undefined) decode.fitContext = request.fitContext;
  if (request.safeguards !== undefined) decode.safeguards = request.safeguards;
  return decode;
}
