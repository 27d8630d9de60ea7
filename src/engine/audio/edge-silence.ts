/**
 * Where the sound in a clip starts and ends: long silence at either edge is cut down to a short
 * margin. The microphone path never has it (the voice activity detector hands over the speech
 * and a few hundred milliseconds around it), but a dropped file or a CLI recording may: the e2e
 * fixtures have 1 s of silence before a single word and 3 s after. Moonshine, trained on tight
 * segments, then ends the transcript before the word: moonshine-tiny-q8 heard nothing in the
 * berlin, madrid and mexico-city fixture files, and each word exactly once cut to the sound plus
 * 0.3 s (session 3 measurement). Whisper pads to its window anyway and is not given this.
 *
 * Energy, not a voice detector: the cut is relative to the clip's loudest 10 ms, so steady noise
 * or hum is never cut (it is as loud everywhere) and the recogniser, with its no-speech rule,
 * still decides whether anything was said.
 */
export interface EdgeSilenceOptions {
  /** Samples per energy frame: 160 = 10 ms at 16 kHz. */
  frameSamples: number;
  /** A frame is silent when its RMS is at least this many dB below the loudest frame's. */
  silentBelowDb: number;
  /** Silence kept before the first and after the last sounding frame: 4,800 = 0.3 s at 16 kHz. */
  marginSamples: number;
  /**
   * Only an edge with more silence than this is cut: 12,000 = 0.75 s at 16 kHz. Shorter edges
   * are left alone, because Moonshine's output shifts with any change: with the 0.07 s before
   * the word cut, moonshine-base-q8 heard "Hotels in Barcelona" as "Who tells in Barcelona,", and
   * cutting every edge over 0.5 s to 0.3 s changed 22 of the 240 generated queries (their edges
   * are 0.3–0.56 s) and moved moonshine-tiny's WER from 52.8% to 53.3%, no better. Over 0.75 s
   * none of them is touched; the e2e fixture files (1 s before, 3 s after) and the microphone's
   * utterances (0.78 s before, 0.8 s after: leading silence, pre-speech pad, redemption) are.
   */
  cutEdgesLongerThan: number;
}

export const DEFAULT_EDGE_SILENCE: EdgeSilenceOptions = {
  frameSamples: 160,
  silentBelowDb: 40,
  marginSamples: 4_800,
  cutEdgesLongerThan: 12_000,
};

/** [start, end) of the clip with its edge silence cut to the margin; the whole clip when it is all one level. */
export function soundSpan(audio: Float32Array, options: EdgeSilenceOptions = DEFAULT_EDGE_SILENCE): [number, number] {
  const { frameSamples, silentBelowDb, marginSamples, cutEdgesLongerThan } = options;
  const frames = Math.ceil(audio.length / frameSamples);
  const energy = new Float64Array(frames);
  let loudest = 0;
  for (let f = 0; f < frames; f++) {
    let sum = 0;
    const end = Math.min(audio.length, (f + 1) * frameSamples);
    for (let i = f * frameSamples; i < end; i++) sum += audio[i] * audio[i];
    energy[f] = sum / (end - f * frameSamples);
    if (energy[f] > loudest) loudest = energy[f];
  }
  if (loudest === 0) return [0, audio.length];
  // Compare mean squares: silentBelowDb on RMS is twice as many "power" tenths.
  const floor = loudest * 10 ** (-silentBelowDb / 10);
  let first = 0;
  while (energy[first] < floor) first++;
  let last = frames - 1;
  while (energy[last] < floor) last--;
  const lead = first * frameSamples;
  const tail = audio.length - (last + 1) * frameSamples;
  return [lead > cutEdgesLongerThan ? lead - marginSamples : 0, tail > cutEdgesLongerThan ? audio.length - tail + marginSamples : audio.length];
}

/** The clip without its long edge silence: a view, not a copy, and the clip itself when nothing is cut. */
export function trimEdgeSilence(audio: Float32Array, options: EdgeSilenceOptions = DEFAULT_EDGE_SILENCE): Float32Array {
  const [start, end] = soundSpan(audio, options);
  return start === 0 && end === audio.length ? audio : audio.subarray(start, end);
}
