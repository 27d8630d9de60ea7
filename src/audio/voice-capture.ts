/**
 * The microphone, cut into utterances by voice activity detection: a thin wrapper over
 * @ricky0123/vad-web's MicVAD with the Silero v5 model. Everything it loads comes from this
 * origin — the audio worklet and model from /vad/, onnxruntime-web's WebAssembly from /ort/
 * (scripts/assets/ stages both into public/).
 *
 * MicVAD ends an utterance after `redemptionMs` of silence; this wrapper also ends one at
 * `maxUtteranceMs`, by pausing and resuming the detector: with `submitUserSpeechOnPause` a pause
 * hands over the speech so far. The microphone stream is kept open across that pause (MicVAD's
 * default pause stops the tracks and asks for the microphone again).
 */
import { withLeadingSilence } from './leading-silence';
import type { DetectedSpeech } from './query-joining';
import { meterLevel, rms } from './level';
import { describeMicrophoneError, type MicrophoneError } from './microphone-errors';
import { voiceCaptureOptions, type VoiceCaptureOptions } from './voice-capture-options';

/** Where vad-web's worklet and Silero model are served. */
const VAD_ASSET_PATH = '/vad/';
/** Where onnxruntime-web's .mjs/.wasm are served (the version vad-web's JavaScript imports). */
const ORT_ASSET_PATH = '/ort/';
/**
 * Raw audio, as Whisper was trained on: noise suppression and automatic gain make artefacts the
 * model never heard, and there is no loudspeaker output to cancel an echo of.
 */
const MICROPHONE_CONSTRAINTS: MediaTrackConstraints = {
  channelCount: 1,
  echoCancellation: false,
  noiseSuppression: false,
  autoGainControl: false,
};
/** vad-web hands over utterances at 16 kHz, the rate Whisper takes. */
const SAMPLE_RATE = 16_000;
/** Silero v5 frames: 512 samples at 16 kHz. */
const FRAME_MS = 32;

/** An utterance: 16 kHz mono PCM behind its lead of silence; `cut` when ended at maxUtteranceMs or by stopping. */
export type Utterance = DetectedSpeech;

export interface VoiceCaptureCallbacks {
  onSpeechStart(): void;
  /** Speech too short to be a query (a click, a cough). */
  onMisfire(): void;
  onUtterance(utterance: Utterance): void;
  /** Input level in [0, 1] (dB scale) of each frame the detector processed, about 31 times a second. */
  onLevel(level: number, frameMs: number): void;
  /** Each 16 kHz frame the detector processed, in order (query-joining.ts keeps the recent ones). */
  onFrame?(frame: Float32Array, speechProbability: number): void;
  /**
   * The microphone went away while listening (unplugged, or its permission revoked: the track's
   * `ended` event). The owner stops the capture, which hands over the speech heard so far.
   */
  onMicrophoneLost?(): void;
}

export class MicrophoneUnavailableError extends Error {
  override name = 'MicrophoneUnavailableError';
  constructor(readonly detail: MicrophoneError) {
    super(detail.message);
  }
}

type MicVAD = import('@ricky0123/vad-web').MicVAD;

export class VoiceCapture {
  private speaking = false;
  private speechFrames = 0;
  private cutting = false;
  private stopping = false;

  private constructor(
    private readonly options: VoiceCaptureOptions,
    private readonly callbacks: VoiceCaptureCallbacks,
    private vad: MicVAD | undefined,
    private stream: MediaStream | undefined,
    private readonly audioContext: AudioContext,
  ) {}

  /**
   * Asks for the microphone and starts listening. Throws MicrophoneUnavailableError (with words
   * for the status line) when there is no microphone or permission is denied. Call it from the
   * click or key press that asks for voice search: the audio context is created before the first
   * await, while the browser still counts the user's gesture, or it would start suspended.
   */
  static async start(callbacks: VoiceCaptureCallbacks, overrides: Partial<VoiceCaptureOptions> = {}): Promise<VoiceCapture> {
    const options = voiceCaptureOptions(overrides);
    if (!navigator.mediaDevices?.getUserMedia) {
      throw new MicrophoneUnavailableError(describeMicrophoneError(new TypeError('getUserMedia is not available')));
    }
    const audioContext = new AudioContext();
    try {
      return await VoiceCapture.open(callbacks, options, audioContext);
    } catch (error) {
      void audioContext.close();
      throw error;
    }
  }

  private static async open(callbacks: VoiceCaptureCallbacks, options: VoiceCaptureOptions, audioContext: AudioContext): Promise<VoiceCapture> {
    const capture = new VoiceCapture(options, callbacks, undefined, undefined, audioContext);
    // The detector (runtime and Silero model) loads before the microphone opens, so no audio is
    // lost while it loads: the first word may come the moment the microphone is on.
    const { MicVAD } = await import('@ricky0123/vad-web');
    const vad = await MicVAD.new({
      model: 'v5',
      audioContext,
      baseAssetPath: VAD_ASSET_PATH,
      onnxWASMBasePath: ORT_ASSET_PATH,
      // Silero is tiny: one thread, and no worker threads competing with the recogniser's.
      ortConfig: (ort) => {
        ort.env.logLevel = 'error';
        ort.env.wasm.numThreads = 1;
      },
      positiveSpeechThreshold: options.positiveSpeechThreshold,
      negativeSpeechThreshold: options.negativeSpeechThreshold,
      preSpeechPadMs: options.preSpeechPadMs,
      redemptionMs: options.redemptionMs,
      minSpeechMs: options.minSpeechMs,
      submitUserSpeechOnPause: true,
      getStream: async () => {
        capture.stream = await navigator.mediaDevices.getUserMedia({ audio: MICROPHONE_CONSTRAINTS });
        // 'ended' fires when the device goes, never for our own stop() (Media Capture and
        // Streams, "track ended by the User Agent").
        for (const track of capture.stream.getAudioTracks()) track.addEventListener('ended', () => capture.microphoneLost(), { once: true });
        return capture.stream;
      },
      // The stream stays open across a pause (a cut at maxUtteranceMs); stop() closes it.
      pauseStream: async () => undefined,
      resumeStream: async (stream) => stream,
      onFrameProcessed: (probabilities, frame) => capture.frame(frame, probabilities.isSpeech),
      onSpeechStart: () => capture.speechStart(),
      onSpeechRealStart: () => undefined,
      onVADMisfire: () => capture.speechOver(() => callbacks.onMisfire()),
      onSpeechEnd: (pcm) => capture.speechOver(() => callbacks.onUtterance(capture.utterance(pcm))),
      startOnLoad: false,
    });
    capture.vad = vad;
    try {
      // MicVAD adds its worklet module after opening the microphone; added here first, the
      // module is cached and the detector hears the microphone from its first moments.
      await audioContext.audioWorklet.addModule(`${VAD_ASSET_PATH}vad.worklet.bundle.min.js`);
      await vad.start();
      // Created in the user's gesture, but a slow start may still leave it suspended.
      if (audioContext.state === 'suspended') await audioContext.resume();
    } catch (error) {
      capture.releaseStream();
      await vad.destroy().catch(() => undefined);
      throw new MicrophoneUnavailableError(describeMicrophoneError(error));
    }
    return capture;
  }

  /** Stops listening; speech in progress is handed over as a last utterance. */
  async stop(): Promise<void> {
    if (this.stopping) return;
    this.stopping = true;
    try {
      await this.vad?.destroy();
    } finally {
      this.releaseStream();
      // MicVAD closes only a context it created itself.
      await this.audioContext.close().catch(() => undefined);
      this.callbacks.onLevel(0, 0);
    }
  }

  private microphoneLost(): void {
    if (!this.stopping) this.callbacks.onMicrophoneLost?.();
  }

  private frame(frame: Float32Array, speechProbability: number): void {
    this.callbacks.onLevel(meterLevel(rms(frame)), FRAME_MS);
    this.callbacks.onFrame?.(frame, speechProbability);
    if (!this.speaking) return;
    this.speechFrames++;
    if (this.speechFrames * FRAME_MS >= this.options.maxUtteranceMs && !this.cutting) void this.cut();
  }

  private speechStart(): void {
    this.speaking = true;
    this.speechFrames = 0;
    this.callbacks.onSpeechStart();
  }

  /** The detector's speech as an utterance, with its lead of silence. */
  private utterance(pcm: Float32Array): Utterance {
    const withLead = withLeadingSilence(pcm, this.options.leadingSilenceMs, SAMPLE_RATE);
    return { pcm: withLead, leadSamples: withLead.length - pcm.length, endedAt: performance.now(), cut: this.cutting || this.stopping };
  }

  private speechOver(report: () => void): void {
    this.speaking = false;
    this.speechFrames = 0;
    report();
  }

  /** Ends the utterance in progress: pause hands it over (submitUserSpeechOnPause), start goes on. */
  private async cut(): Promise<void> {
    const vad = this.vad;
    if (!vad || this.stopping) return;
    this.cutting = true;
    try {
      await vad.pause();
      if (!this.stopping) await vad.start();
    } finally {
      this.cutting = false;
    }
  }

  private releaseStream(): void {
    for (const track of this.stream?.getTracks() ?? []) track.stop();
    this.stream = undefined;
  }
}
