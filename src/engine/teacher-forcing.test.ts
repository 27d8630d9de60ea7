/**
 * The recogniser listening again (Recognizer.scoreTranscripts, decoding/teacher-forced.ts), with
 * the real tiny models on onnxruntime-node: the greedy transcript's teacher-forced score is the
 * greedy decode's own sum of token log-probabilities, for both families; the spoken text
 * outscores the same carrier phrase naming another city; an earlier utterance cannot be scored.
 */
import { describe, expect, it } from 'vitest';
import { FIXTURE_AUDIO_DIR } from '../../cli/fixture-manifest';
import { realRecognizer } from '../../cli/real-recognizer';

describe.each(['moonshine-tiny-q8', 'whisper-tiny-q8'])('%s: teacher-forced scores', (model) => {
  const loaded = realRecognizer(model, `${FIXTURE_AUDIO_DIR}/tts/hotels-barcelona_flite-kal16.wav`);

  it('give the greedy transcript the greedy decode\u2019s own log-probability', async () => {
    const { recognizer, audio } = loaded;
    // Plain greedy over the full window: no safeguards, no timestamps (Whisper), the rules the scorer applies too.
    const t = await recognizer.transcribe(audio, { safeguards: false, fitContext: false, beamSize: 1 });
    expect(t.stopReason).toBe('end-of-text');
    const greedySum = t.avgLogprob * (t.tokens.length + 1);
    const [exact] = await recognizer.scoreTranscripts(t.heardId, [t.tokens], { tokenByToken: true });
    expect(exact!.scoredTokens).toBe(t.tokens.length + 1);
    expect(Math.abs(exact!.sumLogprob - greedySum)).toBeLessThan(1e-3);
    // In one pass, within the 8-bit decoders' activation quantization (teacher-forced.ts): a few hundredths per token.
    const [onePass] = await recognizer.scoreTranscripts(t.heardId, [t.tokens]);
    expect(Math.abs(onePass!.sumLogprob - greedySum)).toBeLessThan(0.05 * onePass!.scoredTokens);
  });

  it('score the spoken text above the same phrase naming another city, whatever the order of the others', async () => {
    const { recognizer, audio } = loaded;
    const t = await recognizer.transcribe(audio);
    const texts = ['hotels in Barcelona', 'hotels in Pamplona', 'hotels in Bangalore', 'hotels in Barcelona Spain', 'Barcelona'];
    const scores = await recognizer.scoreTranscripts(t.heardId, texts);
    expect(scores[0]!.sumLogprob).toBeGreaterThan(scores[1]!.sumLogprob);
    expect(scores[0]!.sumLogprob).toBeGreaterThan(scores[2]!.sumLogprob);
    // The first text is the reference whose positions the others reuse (teacher-forced.ts); the
    // others' order changes only how they share passes, within the activation quantization.
    const [, ...others] = texts;
    const reordered = await recognizer.scoreTranscripts(t.heardId, [texts[0]!, ...others.reverse()]);
    const [first, ...rest] = reordered;
    expect(first!.sumLogprob).toBeCloseTo(scores[0]!.sumLogprob, 6);
    rest.reverse().forEach((s, i) => expect(Math.abs(s.sumLogprob - scores[i + 1]!.sumLogprob)).toBeLessThan(0.05 * s.scoredTokens));
  });

  it('refuse an utterance that is no longer the last one transcribed', async () => {
    const { recognizer, audio } = loaded;
    const first = await recognizer.transcribe(audio);
    const second = await recognizer.transcribe(audio);
    await expect(recognizer.scoreTranscripts(first.heardId, ['hotels in Barcelona'])).rejects.toThrow(`utterance ${first.heardId} can no longer be scored`);
    await expect(recognizer.scoreTranscripts(second.heardId, ['hotels in Barcelona'])).resolves.toHaveLength(1);
  });
});
