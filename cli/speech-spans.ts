/**
 * The page's voice activity detector, run in Node over a recording: vad-web's FrameProcessor and
 * the Silero v5 model the page serves from /vad/, with DEFAULT_VOICE_CAPTURE_OPTIONS, on
 * onnxruntime-node over 512-sample frames. Used by `npm run -s pauses`.
 */
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import { DEFAULT_VOICE_CAPTURE_OPTIONS } from '../src/audio/voice-capture-options';

const FRAME_SAMPLES = 512;
const FRAME_MS = 32;

/** An utterance: where the detector heard speech start and where it ended it (ms of audio). */
export interface Span {
  startMs: number;
  endMs: number;
}

const require = createRequire(import.meta.url);

/** A function from 16 kHz PCM to the utterances the page's detector cuts from it. */
export async function speechDetector(): Promise<(pcm: Float32Array) => Promise<Span[]>> {
  const { FrameProcessor } = require('@ricky0123/vad-web/dist/frame-processor.js');
  const { Silero } = require('@ricky0123/vad-web/dist/models/silero.js');
  const ort = await import('onnxruntime-node');
  // vad-web logs each model load at debug level.
  const { log } = require('@ricky0123/vad-web/dist/logging.js');
  log.debug = () => undefined;
  const modelBytes = await readFile(new URL('../public/vad/silero_vad_v5.onnx', import.meta.url));
  return async (pcm: Float32Array): Promise<Span[]> => {
    const model = await Silero.new(ort, async () => modelBytes);
    const o = DEFAULT_VOICE_CAPTURE_OPTIONS;
    const processor = new FrameProcessor(model.process, model.reset_state, {
      positiveSpeechThreshold: o.positiveSpeechThreshold,
      negativeSpeechThreshold: o.negativeSpeechThreshold,
      redemptionMs: o.redemptionMs,
      preSpeechPadMs: o.preSpeechPadMs,
      minSpeechMs: o.minSpeechMs,
      submitUserSpeechOnPause: true,
    }, FRAME_MS);
    processor.resume();
    const spans: Span[] = [];
    let startMs = 0;
    let atMs = 0;
    const handle = (event: { msg: string }) => {
      if (event.msg === 'SPEECH_START') startMs = atMs;
      if (event.msg === 'SPEECH_END') spans.push({ startMs, endMs: atMs });
    };
    for (let i = 0; i + FRAME_SAMPLES <= pcm.length; i += FRAME_SAMPLES) {
      atMs += FRAME_MS;
      await processor.process(pcm.subarray(i, i + FRAME_SAMPLES), handle);
    }
    // The recording ends: speech still open ends with it (as stopping the microphone does).
    processor.endSegment(handle);
    await model.release();
    return spans;
  };
}

/** Pauses between consecutive utterances, from the voice stopping (end less the redemption) to the next start. */
export function pausesBetween(spans: readonly Span[], redemptionMs = DEFAULT_VOICE_CAPTURE_OPTIONS.redemptionMs): number[] {
  return spans.slice(1).map((span, i) => Math.max(0, span.startMs - (spans[i]!.endMs - redemptionMs)));
}
