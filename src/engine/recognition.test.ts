/**
 * The engine end to end on committed recordings (fixtures/audio/), with the real Whisper and
 * Moonshine (tiny and base) weights, through both onnxruntime-web (WASM, what browsers run) and
 * onnxruntime-node. Loading goes through the CLI's loader, which reads the staged, hash-checked
 * files from public/models/.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAudioFile } from '../../cli/audio-file';
import { FIXTURE_AUDIO_DIR, fixtureRecordings } from '../../cli/fixture-manifest';
import { loadRecognizer, type LoadedRecognizer } from '../../cli/recognizer-options';
import { normalizeForWer } from '../eval/normalize';
import { corpusWer, wordErrors } from '../eval/wer';

/**
 * What each model gets right on these recordings, on both runtimes. Measured with
 * `npm run -s eval -- --manifest fixtures/audio/manifest.tsv --model ID --runtime wasm|node`.
 * `jfk`: jfk.wav's transcript character for character, where both runtimes agree on it (every
 * model must get its words right; moonshine-tiny's commas differ between the runtimes' kernels).
 * `exact`: the normalised transcript equals the reference. `maxWer`: the bound for the whole set;
 * the tiny models miss most synthetic (espeak-ng/flite) voices, the base ones fewer. All with the
 * default decode options (the cut encoder window for short audio, safeguards on); parity.test.ts
 * checks the full 30 s window, plain greedy, against transformers.js.
 */
const JFK_WHISPER = 'And so my fellow Americans ask not what your country can do for you, ask what you can do for your country.';
const EXPECTATIONS: Record<string, { jfk?: string; exact: readonly string[]; maxWer: number }> = {
  'whisper-tiny-q8': {
    jfk: JFK_WHISPER,
    exact: ['jfk.wav', 'pocketsphinx/cards-001.wav', 'pocketsphinx/cards-005.wav', 'pocketsphinx/goforward.wav'],
    maxWer: 0.45,
  },
  'whisper-base-q8': {
    jfk: JFK_WHISPER,
    // Exact with the full window but not with the cut one (default), on one runtime or both:
    // librivox ("ill-sposed" at every margin from 0.5 to 10 s), cards-001 ("10 of clothes" on
    // wasm), hotels-barcelona ("hotels and Barcelona" on node).
    exact: ['jfk.wav', 'pocketsphinx/goforward.wav', 'tts/restaurants-eiffel-tower_flite-rms.wav'],
    maxWer: 0.2,
  },
  'moonshine-tiny-q8': {
    exact: ['jfk.wav', 'pocketsphinx/cards-001.wav', 'pocketsphinx/goforward.wav'],
    maxWer: 0.35,
  },
  'moonshine-base-q8': {
    jfk: 'And so my fellow Americans ask not what your country can do for you ask what you can do for your country',
    exact: [
      'jfk.wav',
      'pocketsphinx/librivox-sense-and-sensibility-0880.wav',
      'tts/restaurants-eiffel-tower_flite-rms.wav',
      'tts/hotels-barcelona_flite-kal16.wav',
    ],
    maxWer: 0.25,
  },
};

const recordings = fixtureRecordings();

describe.each([
  ['whisper-tiny-q8', 'wasm'],
  ['whisper-tiny-q8', 'node'],
  ['whisper-base-q8', 'wasm'],
  ['whisper-base-q8', 'node'],
  ['moonshine-tiny-q8', 'wasm'],
  ['moonshine-tiny-q8', 'node'],
  ['moonshine-base-q8', 'wasm'],
  ['moonshine-base-q8', 'node'],
] as const)('%s on %s', (model, runtime) => {
  let loaded: LoadedRecognizer;
  const hypotheses = new Map<string, string>();

  beforeAll(async () => {
    loaded = await loadRecognizer({ model, runtime, threads: '2' });
    for (const { path } of recordings) {
      const audio = await readAudioFile(FIXTURE_AUDIO_DIR + path);
      hypotheses.set(path, (await loaded.recognizer.transcribe(audio)).text);
    }
  }, 600_000);

  afterAll(() => loaded?.recognizer.release());

  it('transcribes jfk.wav word for word', () => {
    const reference = recordings.find((r) => r.path === 'jfk.wav')!.reference;
    expect(normalizeForWer(hypotheses.get('jfk.wav')!)).toBe(normalizeForWer(reference));
  });

  // Only where both runtimes agree on punctuation (moonshine-tiny's commas differ between them).
  const jfkExact = EXPECTATIONS[model].jfk;
  if (jfkExact) {
    it('transcribes jfk.wav character for character', () => {
      expect(hypotheses.get('jfk.wav')).toBe(jfkExact);
    });
  }

  it.each(EXPECTATIONS[model].exact)('transcribes %s exactly (normalised)', (path) => {
    const entry = recordings.find((r) => r.path === path)!;
    expect(normalizeForWer(hypotheses.get(path)!)).toBe(normalizeForWer(entry.reference));
  });

  it(`keeps the set's WER under ${EXPECTATIONS[model].maxWer * 100}%`, () => {
    const errors = recordings.map((r) => wordErrors(normalizeForWer(r.reference), normalizeForWer(hypotheses.get(r.path)!)));
    expect(corpusWer(errors)).toBeLessThan(EXPECTATIONS[model].maxWer);
  });
});
