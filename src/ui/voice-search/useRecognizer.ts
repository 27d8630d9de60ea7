/**
 * Owns the recognition worker and the model's loading state. The worker is started once per page;
 * a change of model or backend loads the new one in that same worker (no reload), and retry()
 * tries a failed load again. A worker that fails is replaced under supervision
 * (src/worker/supervised-engine.ts) and the status says so while the model loads again. While a
 * big model (a base one) downloads, moonshine-tiny answers from a worker of its own
 * (src/worker/stand-in.ts) and the status says so.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import manifestJson from '../../../models/manifest.json';
import { createEngineClient, startEngineWorker } from '../../worker/engine-client';
import { standInEngine, type RoutedTranscript, type StandInEngine, type StandInEvents } from '../../worker/stand-in';
import { isModelStored } from '../../worker/stored-model';
import type { SupervisionEvents } from '../../worker/supervised-engine';
import type { Backend, TranscribeOptions, TranscriptScore } from '../../worker/engine-api';
import { findModel, type ModelManifest, type NameCompletionOptions, type SlotName } from '../../engine';
import type { ModelState } from '../status/status';
import { modelName as modelDisplayName } from '../settings/models';
import { markTimeline } from '../timeline';

export interface Recognizer {
  model: ModelState;
  /**
   * Transcribes 16 kHz mono PCM (its buffer is handed to the worker); waits for a pending load,
   * unless a stand-in answers meanwhile (the transcript's `standIn` then names it).
   */
  transcribe(pcm: Float32Array): Promise<RoutedTranscript>;
  /** The recogniser listening again to candidate transcripts of utterance `heardId` (EngineApi.scoreTranscripts). */
  scoreTranscripts(heardId: number, texts: readonly string[]): Promise<TranscriptScore[]>;
  retry(): void;
}

let client: StandInEngine | undefined;
const manifest = manifestJson as ModelManifest;

/** Who hears the supervisor's restarts and the stand-in's comings and goings (the mounted useRecognizer). */
const supervision: SupervisionEvents = {};
const standIns: StandInEvents = {};

/** EngineApi.scoreTranscripts on the page's one recognition worker. */
export function scoreTranscripts(heardId: number, texts: readonly string[]): Promise<TranscriptScore[]> {
  return engine().scoreTranscripts(heardId, texts);
}

/** EngineApi.completeNames on the page's one recognition worker. */
export function completeNames(heardId: number, prefixes: readonly string[], options: Partial<NameCompletionOptions>): Promise<SlotName[][]> {
  return engine().completeNames(heardId, prefixes, options);
}

/** What the recognition worker needs from the catalogue (the search worker has it). */
export interface CatalogueForEngine {
  /** The names the recogniser may write into a place slot (EngineApi.useNames). */
  slotNames(): Promise<string[]>;
}

function engine(): StandInEngine {
  client ??= standInEngine(
    createEngineClient({
      onRestart: (reason) => supervision.onRestart?.(reason),
      onRecoveryProgress: (progress) => supervision.onRecoveryProgress?.(progress),
      onRecovered: (result) => supervision.onRecovered?.(result),
    }),
    startEngineWorker,
    manifest,
    (modelId) => isModelStored(findModel(manifest, modelId)),
    { onStandInReady: (result) => standIns.onStandInReady?.(result), onStandInGone: () => standIns.onStandInGone?.() },
  );
  return client;
}

/** The first line of what was thrown: the worker's errors name the file or stage that failed. */
export function errorText(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]!.replace(/\.$/, '');
}

/** How each utterance is decoded: the settings' switches (TranscribeOptions documents them). */
export type Decoding = Required<Pick<TranscribeOptions, 'fitContext' | 'safeguards' | 'beamSize'>>;

/**
 * `catalogue`: where the catalogue's names come from (the search worker); asked once, and handed
 * to the recognition worker for verification's constrained pass. Until they arrive, or if the
 * catalogue fails to load (the search shows that error), verification tries sound-alikes only.
 */
export function useRecognizer(
  modelId: string,
  modelName: string,
  backend: Backend,
  language: string,
  decoding: Decoding,
  catalogue?: CatalogueForEngine,
): Recognizer {
  const [loadState, setModel] = useState<ModelState>({ phase: 'loading', modelName, loadedBytes: 0, totalBytes: 0 });
  const [attempt, setAttempt] = useState(0);
  /** The stand-in's name while it answers for a model still loading. */
  const [standIn, setStandIn] = useState<string>();
  const model: ModelState = loadState.phase === 'loading' && standIn ? { ...loadState, standIn } : loadState;

  useEffect(() => {
    standIns.onStandInReady = (result) => {
      setStandIn(modelDisplayName(result.modelId));
      markTimeline('stand-in-ready', result);
    };
    standIns.onStandInGone = () => setStandIn(undefined);
    return () => {
      standIns.onStandInReady = standIns.onStandInGone = undefined;
    };
  }, []);

  // The beam width to warm up with is read when a load finishes, not a reason to load again.
  const beamSizeRef = useRef(decoding.beamSize);
  beamSizeRef.current = decoding.beamSize;

  useEffect(() => {
    // `live` until this load settles or is superseded: the worker may still report progress for
    // files in flight after the load has failed, and that must not turn the error back into loading.
    let live = true;
    setModel({ phase: 'loading', modelName, loadedBytes: 0, totalBytes: 0 });
    engine()
      .load(
        { modelId, backend },
        (progress) => {
          if (live) setModel({ phase: 'loading', modelName, loadedBytes: progress.loadedBytes, totalBytes: progress.totalBytes });
        },
        true,
      )
      .then(
        (result) => {
          if (!live) return;
          setModel({ phase: 'ready', modelName, result });
          markTimeline('model-ready', result);
          // Ready for queries now; the warm-up runs until the first one arrives (EngineApi.warmUp)
          // and only makes the first queries faster, so its failure is not the user's concern: a
          // model that cannot run fails the query itself, with its message.
          engine()
            .warmUp({ beamSize: beamSizeRef.current })
            .then((report) => report && markTimeline('warm-up', report))
            .catch(() => undefined);
        },
        (error: unknown) => live && setModel({ phase: 'error', modelName, message: errorText(error) }),
      )
      .finally(() => {
        live = false;
      });
    return () => {
      live = false;
    };
  }, [modelId, modelName, backend, attempt]);

  // A worker that failed is replaced and the model loaded again (supervised-engine.ts); the
  // status says so until it is back.
  useEffect(() => {
    let reason = '';
    supervision.onRestart = (why) => {
      reason = why;
      markTimeline('worker-restart', { reason: why });
      setModel({ phase: 'loading', modelName, loadedBytes: 0, totalBytes: 0, restartReason: why });
    };
    supervision.onRecoveryProgress = (p) => setModel({ phase: 'loading', modelName, loadedBytes: p.loadedBytes, totalBytes: p.totalBytes, restartReason: reason });
    supervision.onRecovered = (result) => {
      markTimeline('model-recovered', result);
      setModel({ phase: 'ready', modelName, result });
    };
    return () => {
      supervision.onRestart = supervision.onRecoveryProgress = supervision.onRecovered = undefined;
    };
  }, [modelName]);

  useEffect(() => {
    catalogue
      ?.slotNames()
      .then((names) => engine().useNames(names))
      .catch(() => undefined);
  }, [catalogue]);

  const { fitContext, safeguards, beamSize } = decoding;
  const transcribe = useCallback(
    (pcm: Float32Array) => engine().transcribe(pcm, { language, fitContext, safeguards, beamSize }),
    [language, fitContext, safeguards, beamSize],
  );
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { model, transcribe, scoreTranscripts, retry };
}
