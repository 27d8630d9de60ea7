/**
 * Warming a recogniser up once after its sessions are created, so that the first real query is
 * as fast as the tenth.
 *
 * Why it is needed: V8 (Chromium's and Node's) compiles onnxruntime-web's WebAssembly with its
 * baseline compiler (Liftoff) first and re-compiles each function with its optimising compiler
 * (TurboFan) only once that function has run for a while ("dynamic tiering"). The kernels a
 * transcription runs are optimised one by one over several transcriptions. Measured in headless
 * Chromium 156 on this project's 2-core machine, whisper-tiny-q8 on the ~3 s benchmark clip, 12
 * runs straight after loading: 734 502 352 378 412 664 217 228 196 213 268 188 ms; in Node with
 * `node --no-liftoff` (everything optimised up front) the second run is already at the steady
 * 160–180 ms. Sessions' first runs also size onnxruntime's memory arena.
 *
 * A round here is the hot path of one query: the front end and the encoder over synthetic audio
 * of a query's length, then the decoder's prompt pass and `decoderSteps` cached steps, greedy and,
 * when the app decodes with beam search, batched at its width. End-of-text is suppressed so every
 * round runs its full number of steps; the output is thrown away. Between decoder steps
 * `shouldStop` is asked, so a real request never waits for more than one step.
 */
import { decodeUtterance, type MergedDecoder } from './decoding/decode-utterance';
import { SuppressTokens } from './decoding/suppress-tokens';
import type { Clock, InferenceSession, Tensor } from './runtime';

export interface WarmUpOptions {
  /** Rounds to run; each is about one query. 6 reached the steady latency in the measurement above. */
  rounds: number;
  /** Seconds of synthetic audio per round: a typical voice query, so the encoder runs a query's shape. */
  audioSeconds: number;
  /** Decoder steps after the prompt pass, per decode: about a query's tokens. */
  decoderSteps: number;
  /** Also run the batched decoder at this beam width (the app decodes with 5); 1: greedy only. */
  beamSize: number;
  /** Asked between steps: true ends the warm-up early (a real request is waiting). */
  shouldStop?: () => boolean;
  /**
   * Awaited before every encoder and decoder run, so the host's event loop can deliver a request
   * meanwhile: onnxruntime-web computes inside `run` on the calling thread and resolves it as a
   * microtask, so without this a worker would not even see a message until the warm-up ended.
   * A worker passes a macrotask (a MessageChannel round trip); absent, nothing is awaited.
   */
  yieldToHost?: () => Promise<void>;
}

export const DEFAULT_WARM_UP_OPTIONS: WarmUpOptions = {
  rounds: 6,
  audioSeconds: 3,
  decoderSteps: 16,
  beamSize: 1,
};

export interface WarmUpReport {
  /** Rounds run to the end. */
  rounds: number;
  /** False when `shouldStop` ended it early. */
  completed: boolean;
  ms: number;
}

/** What one family supplies to warm up: its encoder's output for the audio, and its decoder. */
export interface WarmUpTarget {
  /** Front end and encoder over `audio`; the caller disposes the tensor. Awaits `yieldToHost` first. */
  encode(audio: Float32Array): Promise<Tensor>;
  decoder: MergedDecoder;
  prompt: readonly number[];
  vocabSize: number;
  endOfText: number;
}

/**
 * Quiet, deterministic, broadband audio: a low tone with a little noise (an LCG, so every run is
 * the same). Its content does not matter, only its length.
 */
export function warmUpAudio(seconds: number, sampleRate = 16_000): Float32Array {
  const audio = new Float32Array(Math.round(seconds * sampleRate));
  let seed = 12345;
  for (let i = 0; i < audio.length; i++) {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    audio[i] = 0.05 * Math.sin((2 * Math.PI * 220 * i) / sampleRate) + 0.01 * (seed / 2 ** 32 - 0.5);
  }
  return audio;
}

/** `session` with every run preceded by `pause`; everything else is the session's own. */
function pausingSession(session: InferenceSession, pause: () => Promise<void>): InferenceSession {
  const wrapped = Object.create(session) as InferenceSession;
  wrapped.run = (async (...args: Parameters<InferenceSession['run']>) => {
    await pause();
    return session.run(...args);
  }) as InferenceSession['run'];
  return wrapped;
}

export async function warmUp(target: WarmUpTarget, options: Partial<WarmUpOptions>, clock: Clock): Promise<WarmUpReport> {
  const { rounds, audioSeconds, decoderSteps, beamSize, shouldStop = () => false, yieldToHost } = { ...DEFAULT_WARM_UP_OPTIONS, ...options };
  const started = clock();
  const decoder = yieldToHost ? { ...target.decoder, session: pausingSession(target.decoder.session, yieldToHost) } : target.decoder;
  const audio = warmUpAudio(audioSeconds);
  const search = {
    prompt: target.prompt,
    vocabSize: target.vocabSize,
    endOfText: target.endOfText,
    maxNewTokens: decoderSteps,
    rules: [new SuppressTokens([target.endOfText])],
    shouldStop,
  };
  const widths = beamSize > 1 ? [1, beamSize] : [1];
  let done = 0;
  while (done < rounds && !shouldStop()) {
    await yieldToHost?.();
    if (shouldStop()) break;
    const hidden = await target.encode(audio);
    try {
      for (const width of widths) {
        if (shouldStop()) break;
        await decodeUtterance(decoder, hidden, search, width);
      }
    } finally {
      hidden.dispose();
    }
    if (!shouldStop()) done++;
  }
  return { rounds: done, completed: done === rounds, ms: clock() - started };
}
