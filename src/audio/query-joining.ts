/**
 * One query, however it is said (issue #20): a person who pauses mid-sentence for longer than the
 * detector's redemption (800 ms) gets the sentence cut into several utterances. Speech that
 * resumes within `joinPauseMs` of the voice stopping continues the same query: the query's audio
 * is everything heard from its first utterance to the end of this one — pauses, and speech the
 * detector let go as too short ("ask not" in jfk.wav, in Chromium), included — and it is
 * recognised again as one utterance, so the model hears the whole context and the search box ends
 * with the whole sentence. A longer pause starts a new query. Pure (tested in Node):
 * `useVoiceCapture` feeds it every frame the detector processed and the detector's events.
 *
 * Time is counted in samples heard, not wall time, so a busy page that processes audio late does
 * not stretch a pause. Memory: at most `maxQueryMs` of recent audio is kept.
 */

export interface QueryJoiningOptions {
  /**
   * Longest pause, from the voice stopping to speech starting again, that continues the same
   * query. Default 1,500 ms: longer than the pauses inside the committed read sentences
   * (`npm run -s pauses`: at most 1,184 ms), shorter than the wait of a person who has finished
   * and looks at the results.
   */
  joinPauseMs: number;
  /**
   * Longest joined query; speech that would make it longer starts a new one. Default 15 s, the
   * detector's longest utterance (VoiceCaptureOptions.maxUtteranceMs).
   */
  maxQueryMs: number;
  /** The detector's redemption: an utterance ended by silence ends this long after the voice stopped. */
  redemptionMs: number;
  /**
   * A frame whose speech probability is at least this counts as speech in QueryAudio.speechShare.
   * Default 0.5, the detector's positiveSpeechThreshold (voice-capture-options.ts).
   */
  speechThreshold: number;
}

export const DEFAULT_QUERY_JOINING_OPTIONS: QueryJoiningOptions = { joinPauseMs: 1500, maxQueryMs: 15_000, redemptionMs: 800, speechThreshold: 0.5 };

/** An utterance as the detector hands it over. */
export interface DetectedSpeech {
  /** Mono PCM, `leadSamples` of digital silence first (leading-silence.ts), then the detector's audio up to the frame heard last. */
  pcm: Float32Array;
  leadSamples: number;
  /** performance.now() when the detector ended it (for recognition latency). */
  endedAt: number;
  /** Cut at the longest utterance (or by stopping) while speech went on, rather than ended by silence. */
  cut: boolean;
}

/** What is recognised: one utterance, or a query's audio from its first utterance to its latest. */
export interface QueryAudio {
  pcm: Float32Array;
  endedAt: number;
  /** Which query this is; a continuation has the id of the query it continues. */
  queryId: number;
  /** Utterances in it (1: the query's first). */
  parts: number;
  /**
   * Share of the detector's frames in the audio scored as speech (the query log's "VAD speech
   * share": low when a query is mostly pauses or the detector barely heard a voice). Absent when
   * the frames came without probabilities.
   */
  speechShare?: number;
}

interface OpenQuery {
  id: number;
  parts: number;
  /** Sample (of everything heard) where the query's audio starts, and where its voice last stopped. */
  audioStart: number;
  voiceEnd: number;
}

export class QueryJoiner {
  private readonly options: QueryJoiningOptions;
  /** Recent frames; `kept[0]` starts at sample `keptStart` of everything heard. */
  private kept: Float32Array[] = [];
  /** The detector's speech probability of each kept frame (NaN: not given). */
  private keptProbabilities: number[] = [];
  private keptStart = 0;
  private heardSamples = 0;
  private speechStart = 0;
  private query: OpenQuery | undefined;
  private nextId = 1;

  constructor(
    private readonly sampleRate: number,
    options: Partial<QueryJoiningOptions> = {},
  ) {
    this.options = { ...DEFAULT_QUERY_JOINING_OPTIONS, ...options };
    const { joinPauseMs, maxQueryMs, redemptionMs } = this.options;
    if (!(joinPauseMs >= 0)) throw new RangeError(`joinPauseMs must be ≥ 0, got ${joinPauseMs}`);
    if (!(maxQueryMs > 0)) throw new RangeError(`maxQueryMs must be > 0, got ${maxQueryMs}`);
    if (!(redemptionMs >= 0)) throw new RangeError(`redemptionMs must be ≥ 0, got ${redemptionMs}`);
  }

  private samples(ms: number): number {
    return Math.round((ms / 1000) * this.sampleRate);
  }

  /** A frame the detector processed, in order, with its speech probability when known. */
  heard(frame: Float32Array, speechProbability = NaN): void {
    this.kept.push(frame.slice());
    this.keptProbabilities.push(speechProbability);
    this.heardSamples += frame.length;
    // Keep what a continuation could still need: the open query's audio, at most maxQueryMs.
    const from = Math.max(this.query?.audioStart ?? 0, this.heardSamples - this.samples(this.options.maxQueryMs));
    while (this.kept.length > 1 && this.keptStart + this.kept[0]!.length <= from) {
      this.keptStart += this.kept.shift()!.length;
      this.keptProbabilities.shift();
    }
  }

  /** Share of the kept frames from sample `from` on that the detector scored as speech; none when no frame came with a probability. */
  private speechShareFrom(from: number): Pick<QueryAudio, 'speechShare'> {
    let frames = 0;
    let speech = 0;
    let at = this.keptStart;
    this.kept.forEach((frame, i) => {
      const probability = this.keptProbabilities[i]!;
      if (at + frame.length > from && !Number.isNaN(probability)) {
        frames++;
        if (probability >= this.options.speechThreshold) speech++;
      }
      at += frame.length;
    });
    return frames > 0 ? { speechShare: speech / frames } : {};
  }

  /** The detector heard speech start (at the frame heard last). */
  speechStarted(): void {
    this.speechStart = this.heardSamples;
  }

  /** Whether speech that started at the last speechStarted() continues the open query. */
  continues(): boolean {
    const query = this.query;
    if (!query) return false;
    return this.speechStart - query.voiceEnd <= this.samples(this.options.joinPauseMs) && this.heardSamples - query.audioStart <= this.samples(this.options.maxQueryMs);
  }

  /** Speech the detector found too short to hand over: still the voice of the query it continues. */
  misfired(): void {
    if (this.query && this.continues()) this.query.voiceEnd = Math.max(this.speechStart, this.heardSamples - this.samples(this.options.redemptionMs));
  }

  /** The query this utterance belongs to: itself, or the open query's audio up to its end. */
  add(speech: DetectedSpeech): QueryAudio {
    const voiceEnd = speech.cut ? this.heardSamples : Math.max(this.speechStart, this.heardSamples - this.samples(this.options.redemptionMs));
    const query = this.query;
    if (query && this.continues() && query.audioStart >= this.keptStart) {
      query.parts++;
      query.voiceEnd = voiceEnd;
      return { pcm: this.recording(query.audioStart, speech.leadSamples), endedAt: speech.endedAt, queryId: query.id, parts: query.parts, ...this.speechShareFrom(query.audioStart) };
    }
    const spoken = speech.pcm.length - speech.leadSamples;
    this.query = { id: this.nextId++, parts: 1, audioStart: Math.max(0, this.heardSamples - spoken), voiceEnd };
    return { pcm: speech.pcm, endedAt: speech.endedAt, queryId: this.query.id, parts: 1, ...this.speechShareFrom(this.query.audioStart) };
  }

  /** Listening stopped: the next utterance starts a new query. */
  reset(): void {
    this.query = undefined;
    this.kept = [];
    this.keptProbabilities = [];
    this.keptStart = this.heardSamples;
  }

  /** `leadSamples` of silence, then everything heard from sample `from` on. */
  private recording(from: number, leadSamples: number): Float32Array {
    const pcm = new Float32Array(leadSamples + this.heardSamples - from);
    let at = this.keptStart;
    let offset = leadSamples;
    for (const frame of this.kept) {
      const skip = Math.max(0, from - at);
      if (skip < frame.length) {
        pcm.set(frame.subarray(skip), offset);
        offset += frame.length - skip;
      }
      at += frame.length;
    }
    return pcm;
  }
}
