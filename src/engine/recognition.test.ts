/**
 * The engine end to end on committed recordings (fixtures/audio/), with the real whisper-tiny and
 * whisper-base weights, through both onnxruntime-web (WASM, what browsers run) and
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
 * `exact`: the normalised transcript equals the reference. `maxWer`: the bound for the whole set;
 * tiny is known to miss most synthetic (espeak-ng/flite) voices, base fewer.
 */
const EXPECTATIONS = {
  'whisper-tiny-q8': {
    exact: ['jfk.wav', 'pocketsphinx/cards-001.wav', 'pocketsphinx/cards-005.wav', 'pocketsphinx/goforward.wav'],
    maxWer: 0.45,
  },
  'whisper-base-q8': {
    exact: [
      'jfk.wav',
      'pocketsphinx/librivox-sense-and-sensibility-0880.wav',
      'pocketsphinx/cards-001.wav',
      'pocketsphinx/goforward.wav',
      'tts/restaurants-eiffel-tower_flite-rms.wav',
      'tts/hotels-barcelona_flite-kal16.wav',
    ],
    maxWer: 0.2,
  },
} as const;

const recordings = fixtureRecordings();

describe.each([
  ['whisper-tiny-q8', 'wasm'],
  ['whisper-tiny-q8', 'node'],
  ['whisper-base-q8', 'wasm'],
  ['whisper-base-q8', 'node'],
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
    expect(hypotheses.get('jfk.wav')).toBe(
      'And so my fellow Americans ask not what your country can do for you, ask what you can do for your country.',
    );
  });

  it.each(EXPECTATIONS[model].exact)('transcribes %s exactly (normalised)', (path) => {
    const entry = recordings.find((r) => r.path === path)!;
    expect(normalizeForWer(hypotheses.get(path)!)).toBe(normalizeForWer(entry.reference));
  });

  it(`keeps the set's WER under ${EXPECTATIONS[model].maxWer * 100}%`, () => {
    const errors = recordings.map((r) => wordErrors(normalizeForWer(r.reference), normalizeForWer(hypotheses.get(r.path)!)));
    expect(corpusWer(errors)).toBeLessThan(EXPECTATIONS[model].maxWer);
  });
});
