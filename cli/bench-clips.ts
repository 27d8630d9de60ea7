/**
 * The benchmark's clips, built from committed recordings so anyone can rebuild them: about 1, 3,
 * 5, 11 and 30 seconds of real speech (16 kHz mono), each with its reference text.
 */
import { readAudioFile } from './audio-file';
import { FIXTURE_AUDIO_DIR } from './fixture-manifest';

export interface BenchClip {
  name: string;
  audio: Float32Array;
  reference: string;
}

const SAMPLE_RATE = 16_000;

const PARTS = {
  cards001: ['pocketsphinx/cards-001.wav', 'ten of clubs'],
  cards005: ['pocketsphinx/cards-005.wav', 'eight of spades four of clubs seven of hearts'],
  librivox: ['pocketsphinx/librivox-sense-and-sensibility-0880.wav', 'he was not an ill disposed young man'],
  jfk: ['jfk.wav', 'and so my fellow americans ask not what your country can do for you ask what you can do for your country'],
} as const;

type Part = keyof typeof PARTS;

/** Concatenates recordings with `gapSeconds` of silence between them. */
async function join(parts: Part[], gapSeconds = 0.4): Promise<{ audio: Float32Array; reference: string }> {
  const audios = await Promise.all(parts.map((p) => readAudioFile(FIXTURE_AUDIO_DIR + PARTS[p][0])));
  const gap = Math.round(gapSeconds * SAMPLE_RATE);
  const out = new Float32Array(audios.reduce((n, a) => n + a.length, 0) + gap * (audios.length - 1));
  let offset = 0;
  for (const a of audios) {
    out.set(a, offset);
    offset += a.length + gap;
  }
  return { audio: out, reference: parts.map((p) => PARTS[p][1]).join(' ') };
}

export async function benchClips(): Promise<BenchClip[]> {
  const specs: Part[][] = [['cards001'], ['librivox'], ['cards005', 'cards001'], ['jfk'], ['jfk', 'jfk', 'cards005', 'librivox']];
  const clips: BenchClip[] = [];
  for (const parts of specs) {
    const { audio, reference } = await join(parts);
    clips.push({ name: `${(audio.length / SAMPLE_RATE).toFixed(1)} s (${parts.join('+')})`, audio, reference });
  }
  return clips;
}

/** The ~3 s clip, the length of a voice query: what `npm run -s bench:models` and `bench:browser-models` time. */
export async function queryClip(): Promise<BenchClip> {
  const clip = (await benchClips()).find((c) => c.audio.length / SAMPLE_RATE > 2.5 && c.audio.length / SAMPLE_RATE < 4);
  if (!clip) throw new Error('no benchmark clip of about 3 s');
  return clip;
}

/**
 * Runs of the ~3 s clip each implementation gets straight after loading, before any clip is
 * measured, in `npm run -s bench` and `bench:browser`: V8 optimises WebAssembly (and JavaScript)
 * function by function while it runs, and a transcription straight after loading is 2–3 times
 * slower than the tenth (src/engine/warm-up.ts has the figures). Both implementations get the
 * same runs, so neither is timed on code the other has had optimised; then each clip gets its own
 * one warm-up run as before.
 */
export const LOAD_WARM_UP_RUNS = 6;
