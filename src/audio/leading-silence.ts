/**
 * Silence put in front of an utterance before it is transcribed (pure; tested in Node).
 * Whisper mishears a word whose first sound is at or near the very first sample: in the e2e
 * fixture "Paris" cut 50 ms before the word, whisper-tiny-q8 wrote "Harris"; the same cut with
 * 0.3 s of digital silence in front gave "Paris". The detector's pre-speech pad usually provides
 * that lead, but not when speech starts the moment the microphone opens, or the pad is noisy.
 */
export function withLeadingSilence(pcm: Float32Array, silenceMs: number, sampleRate: number): Float32Array {
  const samples = Math.round((silenceMs / 1000) * sampleRate);
  if (samples <= 0) return pcm;
  const padded = new Float32Array(samples + pcm.length);
  padded.set(pcm, samples);
  return padded;
}
