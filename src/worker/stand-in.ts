/**
 * A quicker model standing in while the chosen one downloads (issue #21): a person who chose a
 * base model should not wait for its 136–181 MB to arrive before the first query is answered.
 * Only for a download: a base model already stored loads faster alone (stored-model.ts). A second
 * worker loads the stand-in (moonshine-tiny, 62 MB) first, and the chosen model starts loading in
 * the recognition worker once the stand-in answers: loaded side by side on two cores, each took
 * longer and the stand-in was ready too late to answer a query spoken at once (`npm run -s
 * bench:load -- --rounds 2 --model whisper-base-q8`: stand-in ready 8.5 s, base 10.4 s, first
 * transcript 12.1 s from the base model). Utterances heard before either is ready wait for the
 * stand-in, and the chosen model's load waits until it has answered them. Once the chosen model is ready it answers, and the stand-in's worker is ended, which
 * frees its memory whole (a WebAssembly heap never shrinks, so the two models are kept in
 * separate workers rather than one).
 *
 * Utterance ids (Transcript.heardId) are the page's own here: each worker numbers its utterances,
 * so the ids are mapped to the worker that heard them, and scoreTranscripts and completeNames
 * (verification listening again) go to that worker. A stand-in that fails or is ended leaves those
 * calls to reject, and the spoken-query pipeline answers without listening again
 * (supervised-engine.ts says the same of a worker that died).
 */
import type { ModelManifest } from '../engine';
import type { EngineClient } from './engine-client';
import type { EngineWorker } from './supervised-engine';
import type { HeardTranscript, LoadProgress, LoadRequest, LoadResult, TranscribeOptions, Transcript } from './engine-api';

export interface StandInOptions {
  /** The model that stands in. moonshine-tiny-q8: the quickest to load and to answer. */
  modelId: string;
  /**
   * A chosen model gets a stand-in only if its files are at least this many times the stand-in's.
   * 2: the base models (136 and 181 MB) do, whisper-tiny (96 MB, loaded about as fast) does not.
   */
  minSizeRatio: number;
  /** Milliseconds the stand-in is kept once the chosen model is ready, so listening again to an utterance it heard can finish. */
  graceMs: number;
}

export const DEFAULT_STAND_IN_OPTIONS: StandInOptions = { modelId: 'moonshine-tiny-q8', minSizeRatio: 2, graceMs: 10_000 };

/** Utterance ids remembered (page id → worker and its id); verification only asks about the latest. */
const HEARD_KEPT = 32;

/** Whether model `chosenId` is big enough to be worth a stand-in (see StandInOptions.minSizeRatio). */
export function needsStandIn(manifest: ModelManifest, chosenId: string, options: StandInOptions = DEFAULT_STAND_IN_OPTIONS): boolean {
  const bytes = (id: string) => manifest.models.find((m) => m.id === id)?.files.reduce((sum, f) => sum + f.bytes, 0);
  const chosen = bytes(chosenId);
  const standIn = bytes(options.modelId);
  return chosenId !== options.modelId && chosen !== undefined && standIn !== undefined && chosen >= options.minSizeRatio * standIn;
}

export interface StandInEvents {
  /** The stand-in is ready and answers until the chosen model is. */
  onStandInReady?(result: LoadResult): void;
  /** The stand-in no longer answers: the chosen model is ready, failed, or the stand-in itself failed. */
  onStandInGone?(): void;
}

export interface StandInTimer {
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** A transcript, and which model heard it when it was the stand-in. */
export type RoutedTranscript = HeardTranscript & { standIn?: string };

export interface StandInEngine extends Omit<EngineClient, 'transcribe' | 'load'> {
  /** EngineApi.load; `withStandIn` true: a stand-in answers meanwhile if the model is big enough (needsStandIn). */
  load(request: LoadRequest, onProgress?: (progress: LoadProgress) => void, withStandIn?: boolean): Promise<LoadResult>;
  transcribe(pcm: Float32Array, options?: TranscribeOptions): Promise<RoutedTranscript>;
}

interface StandIn {
  client: EngineClient;
  /** Loaded, and answering until the chosen model is ready. */
  ready: boolean;
  /** Settles when its load does, either way. */
  settled: Promise<void>;
  /** The timer that ends it once the chosen model is ready. */
  ending?: unknown;
  /** Its load's result, once loaded. */
  loadedResult?: LoadResult;
}

interface Heard {
  engine: EngineClient;
  heardId: number;
}

/**
 * The page's recognition engine: `main` (the supervised worker) for the chosen model, and a
 * stand-in worker from `spawn` while a big chosen model loads.
 */
export function standInEngine(
  main: EngineClient,
  spawn: () => EngineWorker,
  manifest: ModelManifest,
  /** Whether a model's weights are stored already (stored-model.ts): a stored model loads faster alone. */
  isStored: (modelId: string) => Promise<boolean>,
  events: StandInEvents = {},
  options: Partial<StandInOptions> = {},
  timer: StandInTimer = globalThis,
): StandInEngine {
  const opts: StandInOptions = { ...DEFAULT_STAND_IN_OPTIONS, ...options };
  let mainReady = false;
  let loads = 0;
  let standIn: StandIn | undefined;
  let names: readonly string[] | undefined;
  const heard = new Map<number, Heard>();
  /** Settles once the latest load has decided whether a stand-in answers meanwhile (and started it). */
  let deciding: Promise<void> = Promise.resolve();
  /** Transcriptions the stand-in is working on. */
  const standInWork = new Set<Promise<Transcript>>();
  let nextHeardId = 1;

  function endStandIn(): void {
    const ending = standIn;
    if (!ending) return;
    standIn = undefined;
    if (ending.ending !== undefined) timer.clearTimeout(ending.ending);
    ending.client.terminate();
    for (const [id, h] of heard) if (h.engine === ending.client) heard.delete(id);
    if (ending.ready) events.onStandInGone?.();
  }

  /** Starts the stand-in, or keeps the one there; settles once it is ready or has failed. */
  function startStandIn(backend: LoadRequest['backend']): Promise<void> {
    if (standIn) {
      // Already there (a second change of model while the first still loads): keep it.
      if (standIn.ending !== undefined) timer.clearTimeout(standIn.ending);
      standIn.ending = undefined;
      if (standIn.loadedResult && !standIn.ready) {
        standIn.ready = true;
        events.onStandInReady?.(standIn.loadedResult);
      }
      return standIn.settled;
    }
    const worker = spawn();
    const client = worker.api;
    const started: StandIn = { client, ready: false, settled: Promise.resolve() };
    standIn = started;
    // Unsupervised: a stand-in that fails is only ended; the chosen model answers once loaded.
    worker.onFailure(() => standIn === started && endStandIn());
    if (names) void client.useNames(names).catch(() => undefined);
    started.settled = client.load({ modelId: opts.modelId, backend }).then(
      (result) => {
        if (standIn !== started) return;
        started.loadedResult = result;
        started.ready = true;
        events.onStandInReady?.(result);
      },
      () => {
        if (standIn === started) endStandIn();
      },
    );
    return started.settled;
  }

  function remember(engine: EngineClient, transcript: Transcript): number {
    const id = nextHeardId++;
    heard.set(id, { engine, heardId: transcript.heardId });
    if (heard.size > HEARD_KEPT) heard.delete(heard.keys().next().value!);
    return id;
  }

  function heardBy(id: number): Heard {
    const h = heard.get(id);
    if (!h) throw new Error(`utterance ${id} is no longer kept by the recogniser`);
    return h;
  }

  return {
    async load(request, onProgress, withStandIn = false) {
      const load = ++loads;
      // Only for a download: a stored base model loaded alone is ready sooner than behind a
      // stand-in, and answers the first query no later (stored-model.ts has the figures).
      // Utterances heard while this is being found out wait for the answer (`deciding`).
      const wanted = withStandIn && needsStandIn(manifest, request.modelId, opts);
      const decision = wanted ? isStored(request.modelId).then((stored) => !stored, () => true) : Promise.resolve(false);
      deciding = decision.then((use) => {
        if (use && load === loads) void startStandIn(request.backend);
      });
      await deciding;
      if (load !== loads) throw new Error(`the load of ${request.modelId} was superseded by a later one`);
      if (await decision) {
        // The stand-in first, alone on the cores; a model the main worker still has answers meanwhile.
        await startStandIn(request.backend);
        // And the utterances that waited for it are answered before the big load takes the cores.
        await new Promise<void>((resolve) => timer.setTimeout(() => resolve(), 0));
        while (standInWork.size > 0) await Promise.allSettled([...standInWork]);
        if (load !== loads) throw new Error(`the load of ${request.modelId} was superseded by a later one`);
      } else endStandIn();
      mainReady = false;
      try {
        const result = await main.load(request, onProgress);
        if (load === loads) {
          mainReady = true;
          const current = standIn;
          if (current) current.ending = timer.setTimeout(() => standIn === current && endStandIn(), opts.graceMs);
          if (current?.ready) {
            // It no longer answers, whether or not its worker is still finishing a call.
            current.ready = false;
            events.onStandInGone?.();
          }
        }
        return result;
      } catch (error) {
        if (load === loads) endStandIn();
        throw error;
      }
    },
    async transcribe(pcm, options) {
      await deciding;
      // Nothing ready yet: the stand-in will be first.
      if (!mainReady && standIn && !standIn.ready) await standIn.settled;
      if (mainReady || !standIn?.ready) {
        const transcript = await main.transcribe(pcm, options);
        return { ...transcript, heardId: remember(main, transcript) };
      }
      const answering = standIn.client;
      // The worker takes the samples' buffer; a copy stays here in case the chosen model must answer instead.
      const kept = pcm.slice();
      const work = answering.transcribe(pcm, options);
      standInWork.add(work);
      void work.finally(() => standInWork.delete(work)).catch(() => undefined);
      try {
        const transcript = await work;
        return { ...transcript, heardId: remember(answering, transcript), standIn: opts.modelId };
      } catch {
        // The stand-in failed on it: end it, and the chosen model answers once it has loaded.
        if (standIn?.client === answering) endStandIn();
        const transcript = await main.transcribe(kept, options);
        return { ...transcript, heardId: remember(main, transcript) };
      }
    },
    async scoreTranscripts(id, texts) {
      const { engine, heardId } = heardBy(id);
      return engine.scoreTranscripts(heardId, texts);
    },
    async completeNames(id, prefixes, options) {
      const { engine, heardId } = heardBy(id);
      return engine.completeNames(heardId, prefixes, options);
    },
    useNames(list) {
      names = [...list];
      if (standIn) void standIn.client.useNames(names).catch(() => undefined);
      return main.useNames(names);
    },
    warmUp: (request) => main.warmUp(request),
    status: () => main.status(),
    ping: () => main.ping(),
    unload: () => {
      endStandIn();
      return main.unload();
    },
    terminate: () => {
      endStandIn();
      main.terminate();
    },
  };
}
