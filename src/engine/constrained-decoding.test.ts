/**
 * The recogniser naming the place itself (Recognizer.useNames / completeNames,
 * decoding/constrained-names.ts) with the real tiny models on onnxruntime-node: after the words
 * heard before the place, only names from the list come out, the spoken one first; without a
 * list, or for an earlier utterance, it refuses by name.
 */
import { describe, expect, it } from 'vitest';
import { FIXTURE_AUDIO_DIR } from '../../cli/fixture-manifest';
import { realRecognizer } from '../../cli/real-recognizer';

const NAMES = ['Barcelona', 'Bangalore', 'Pamplona', 'Baltimore', 'Barnaul', 'Bari', 'Berlin', 'Bordeaux', 'Brasília', 'São Paulo', 'Lisbon', 'Valencia', 'Marseille'];

describe.each(['moonshine-tiny-q8', 'whisper-tiny-q8'])('%s: constrained decoding of the place', (model) => {
  const loaded = realRecognizer(model, `${FIXTURE_AUDIO_DIR}/tts/hotels-barcelona_flite-kal16.wav`);

  it('refuses to run before it is given the names', async () => {
    const { recognizer, audio } = loaded;
    const t = await recognizer.transcribe(audio);
    await expect(recognizer.completeNames(t.heardId, ['hotels in'])).rejects.toThrow('call useNames first');
  });

  it('emits only listed names, the spoken one first after the carrier phrase', async () => {
    const { recognizer, audio } = loaded;
    recognizer.useNames(NAMES);
    const t = await recognizer.transcribe(audio);
    const [afterCarrier, atStart] = await recognizer.completeNames(t.heardId, ['hotels in', '']);
    expect(afterCarrier!.length).toBeGreaterThan(1);
    for (const slot of [...afterCarrier!, ...atStart!]) expect(NAMES).toContain(slot.name);
    expect(afterCarrier![0]!.name).toBe('Barcelona');
    // Nothing more was said after the name: at most punctuation follows it.
    expect(afterCarrier![0]!.continuation).toMatch(/^[.,!?]?$/);
    // Likelier where the name was said than where "hotels" was.
    expect(afterCarrier![0]!.sumLogprob).toBeGreaterThan(atStart![0]!.sumLogprob);
  });

  it('refuses an utterance that is no longer the last one transcribed', async () => {
    const { recognizer, audio } = loaded;
    recognizer.useNames(NAMES);
    const first = await recognizer.transcribe(audio);
    await recognizer.transcribe(audio);
    await expect(recognizer.completeNames(first.heardId, ['hotels in'])).rejects.toThrow(`utterance ${first.heardId} can no longer be scored`);
  });
});
