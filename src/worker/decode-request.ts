/**
 * The engine's decode options for one transcription request from the page: only what the page
 * set is passed on, so everything it left out keeps the engine's default (DEFAULT_DECODE_OPTIONS).
 */
import type { DecodeOptions } from '../engine';
import type { TranscribeOptions } from './engine-api';

/**
 * The widest beam the page may ask for. Each hypothesis is one more row in every decoder pass and
 * one more copy of the cross-attention cache in the worker's memory (decoding/merged-decoder-batch.ts);
 * openai/whisper's CLI uses 5, and a search box gains nothing from dozens of near-identical hypotheses.
 */
export const MAX_BEAM_SIZE = 8;

export function decodeOptionsFor(request: TranscribeOptions): Partial<DecodeOptions> {
  const decode: Partial<DecodeOptions> = {};
  if (request.language !== undefined) decode.language = request.language;
  if (request.fitContext !== undefined) decode.fitContext = request.fitContext;
  if (request.safeguards !== undefined) decode.safeguards = request.safeguards;
  if (request.beamSize !== undefined) {
    const { beamSize } = request;
    if (!Number.isInteger(beamSize) || beamSize < 1 || beamSize > MAX_BEAM_SIZE) {
      throw new RangeError(`beamSize must be an integer from 1 to ${MAX_BEAM_SIZE}, got ${beamSize}`);
    }
    decode.beamSize = beamSize;
  }
  return decode;
}
