/**
 * A long recording made of real ones (fixtures/audio, with their reference transcripts) in turn,
 * 2 s apart and repeated to the length asked for: for the long-file tests (e2e/long-file.spec.ts)
 * and `npm run -s bench:long-file`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { decodeWav, encodeWav, toMono16k } from '../src/engine/audio';
import { fixtureRecordings } from '../cli/fixture-manifest';

const AUDIO = new URL('../fixtures/audio/', import.meta.url);
export const LONG_RECORDING_PARTS = ['jfk.wav', 'pocketsphinx/goforward.wav', 'pocketsphinx/librivox-sense-and-sensibility-0880.wav', 'pocketsphinx/cards-005.wav'];
const RATE = 16_000;
const GAP_SECONDS = 2;

export interface LongRecording {
  path: string;
  seconds: number;
  /** What is said in it, in order (only recordings heard whole are counted). */
  reference: string;
}

/** Writes `seconds` of the recordings in turn (1 s of silence first) to `path` as 16-bit WAV. */
export function writeLongRecording(path: string, seconds: number): LongRecording {
  const references = new Map(fixtureRecordings().map((e) => [e.path, e.reference]));
  const parts = LONG_RECORDING_PARTS.map((file) => ({ pcm: toMono16k(decodeWav(readFileSync(new URL(file, AUDIO)))), reference: references.get(file) ?? '' }));
  const pcm = new Float32Array(seconds * RATE);
  const said: string[] = [];
  for (let at = RATE, i = 0; at < pcm.length; i++) {
    const part = parts[i % parts.length]!;
    const kept = part.pcm.subarray(0, pcm.length - at);
    pcm.set(kept, at);
    if (kept.length === part.pcm.length) said.push(part.reference);
    at += kept.length + GAP_SECONDS * RATE;
  }
  writeFileSync(path, encodeWav({ sampleRate: RATE, channels: [pcm] }));
  return { path, seconds, reference: said.join(' ') };
}
