/** Reads a WAV file from disk as 16 kHz mono, with errors that name the file and the problem. */
import { readFile } from 'node:fs/promises';
import { decodeWav, toMono16k } from '../src/engine';

export async function readAudioFile(path: string): Promise<Float32Array> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(path));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(code === 'ENOENT' ? `${path}: no such file` : `${path}: cannot read (${code ?? (error as Error).message})`);
  }
  try {
    return toMono16k(decodeWav(bytes));
  } catch (error) {
    throw new Error(`${path}: ${(error as Error).message}`);
  }
}
