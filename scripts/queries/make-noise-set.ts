/**
 * `npm run -s noise-set`: clips with no speech in them, to count made-up queries (issue #5: "false
 * queries on silence/noise clips (at least 50: silence, white and pink noise, hum, clicks,
 * music-like tones)"). A voice search must turn every one of them into no query at all.
 *
 * 60 clips = 6 kinds × 2 lengths (1.5 s, the shortest utterance the detector passes on, and
 * 4 s) × 5 levels or variants. Generated with sox (`-R` makes its noise repeatable, so the set is
 * the same on every run) into .cache/noise-set/v1/ with a manifest (`path<TAB>` and an empty
 * reference: the right transcript is nothing).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineCommand, readCommandLine } from '../../cli/command-line';
import { ensureCommands } from '../apt';

export interface NoiseSetOptions {
  outDir: string;
  /** Clip lengths, in seconds. */
  lengths: readonly number[];
}

export const DEFAULT_NOISE_SET_OPTIONS: NoiseSetOptions = {
  outDir: fileURLToPath(new URL('../../.cache/noise-set/v1/', import.meta.url)),
  lengths: [1.5, 4],
};

/** A kind of non-speech and its five variants, as sox `synth` effects for a clip of `seconds`. */
interface NoiseKind {
  name: string;
  variants: readonly ((seconds: number) => string[])[];
}

const LEVELS = [0.003, 0.01, 0.03, 0.1, 0.3];

const KINDS: readonly NoiseKind[] = [
  // Digital silence, then near-silence: the dither and hiss of a quiet room and a cheap microphone.
  { name: 'silence', variants: [0, 0.0003, 0.001, 0.002, 0.004].map((v) => (s: number) => v === 0 ? ['synth', `${s}`, 'sine', '0', 'vol', '0'] : ['synth', `${s}`, 'whitenoise', 'vol', `${v}`]) },
  { name: 'white', variants: LEVELS.map((v) => (s: number) => ['synth', `${s}`, 'whitenoise', 'vol', `${v}`]) },
  { name: 'pink', variants: LEVELS.map((v) => (s: number) => ['synth', `${s}`, 'pinknoise', 'vol', `${v}`]) },
  // Mains hum with harmonics, at 50 and 60 Hz.
  {
    name: 'hum',
    variants: [
      [50, 0.02], [60, 0.02], [50, 0.1], [60, 0.1], [50, 0.3],
    ].map(([hz, v]) => (s: number) => ['synth', `${s}`, 'sine', `${hz}`, 'sine', `${hz * 3}`, 'vol', `${v}`]),
  },
  // Clicks: 10 ms noise bursts in silence, like a keyboard or a mouse, at 2–8 per second.
  {
    name: 'clicks',
    variants: [
      [0.05, 0.25], [0.1, 0.2], [0.2, 0.5], [0.4, 0.125], [0.8, 0.33],
    ].map(([v, period]) => (s: number) => ['synth', '0.01', 'whitenoise', 'vol', `${v}`, 'pad', '0', `${period - 0.01}`, 'repeat', `${Math.round(s / period) - 1}`, 'trim', '0', `${s}`]),
  },
  // Music-like: steady tones and chords, sweeps.
  {
    name: 'tones',
    variants: [
      (s: number) => ['synth', `${s}`, 'sine', '440', 'vol', '0.2'],
      (s: number) => ['synth', `${s}`, 'sine', '261.6', 'sine', '329.6', 'sine', '392', 'channels', '1', 'vol', '0.2'],
      (s: number) => ['synth', `${s}`, 'sine', '200-2000', 'vol', '0.2'],
      (s: number) => ['synth', `${s}`, 'square', '220', 'vol', '0.05'],
      (s: number) => ['synth', `${s}`, 'triangle', '330', 'tremolo', '4', '80', 'vol', '0.2'],
    ],
  },
];

export function makeNoiseSet(options: Partial<NoiseSetOptions> = {}): string[] {
  const { outDir, lengths } = { ...DEFAULT_NOISE_SET_OPTIONS, ...options };
  ensureCommands([{ command: 'sox', debianPackage: 'sox' }], 'Generating the noise set');
  mkdirSync(join(outDir, 'audio'), { recursive: true });
  const paths: string[] = [];
  for (const kind of KINDS) {
    kind.variants.forEach((variant, v) => {
      for (const seconds of lengths) {
        const path = `audio/${kind.name}-${v + 1}-${seconds}s.wav`;
        const target = join(outDir, path);
        if (!existsSync(target)) {
          execFileSync('sox', ['-R', '-D', '-V1', '-n', '-b', '16', '-e', 'signed-integer', '-c', '1', '-r', '16000', target, ...variant(seconds)]);
        }
        paths.push(path);
      }
    });
  }
  writeFileSync(join(outDir, 'manifest.tsv'), paths.map((p) => `${p}\t`).join('\n') + '\n');
  return paths;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  readCommandLine(
    defineCommand({
      usage: 'npm run -s noise-set',
      description: `Generates the clips without speech (silence, noise, hum, clicks, tones) into ${DEFAULT_NOISE_SET_OPTIONS.outDir}, installing sox with apt-get as root when missing.`,
      flags: {},
      positionals: { min: 0, max: 0, name: '' },
    }),
  );
  const paths = makeNoiseSet();
  console.log(`${paths.length} clips without speech in ${DEFAULT_NOISE_SET_OPTIONS.outDir} (manifest.tsv)`);
}
