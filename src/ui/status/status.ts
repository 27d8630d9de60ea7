/**
 * What the status line says (pure; tested in Node). Several things can be under way at once —
 * the model loading while the microphone listens, a transcription while the next utterance
 * starts — so the most pressing one is shown, in this order: an error that stops voice search,
 * work in progress the user is waiting for, the outcome of their last attempt, then the model.
 */
import type { LoadResult } from '../../worker/engine-api';

export type ModelState =
  | {
      phase: 'loading';
      modelName: string;
      loadedBytes: number;
      totalBytes: number;
      /** Loading again because the recognition worker failed (supervised-engine.ts): what happened. */
      restartReason?: string;
      /** The model answering meanwhile (src/worker/stand-in.ts), by name, once it is ready. */
      standIn?: string;
    }
  | { phase: 'ready'; modelName: string; result: LoadResult }
  | { phase: 'error'; modelName: string; message: string };

export type CapturePhase = 'off' | 'starting' | 'listening' | 'speech';

/** The outcome of the latest utterance or file, until the next one. */
export type Outcome =
  | {
      kind: 'query';
      text: string;
      recognitionMs: number;
      /** Utterances given up before this one because recognition fell behind (UtteranceQueue's bound: the newest wins). */
      skipped?: number;
    }
  | { kind: 'nothing-heard' }
  | { kind: 'error'; message: string };

export interface StatusInputs {
  model: ModelState;
  capture: { phase: CapturePhase; error?: string };
  transcription: { busy: boolean; pending: number };
  file: { decoding: boolean; error?: string };
  outcome?: Outcome;
}

export type StatusTone = 'info' | 'busy' | 'warning' | 'error';

export interface Status {
  text: string;
  tone: StatusTone;
}

export function describeStatus({ model, capture, transcription, file, outcome }: StatusInputs): Status {
  if (capture.error) return { text: capture.error, tone: 'error' };
  if (file.error) return { text: file.error, tone: 'error' };
  if (transcription.busy && model.phase === 'loading' && model.restartReason) {
    return { text: `The speech model stopped (${model.restartReason}); loading it again, then transcribing… Typing still works.`, tone: 'warning' };
  }
  if (transcription.busy) {
    const more = transcription.pending > 0 ? ` (${transcription.pending} more waiting)` : '';
    const loading = model.phase === 'loading' && !model.standIn ? ', once the model has loaded' : '';
    return { text: `Transcribing${loading}…${more}`, tone: 'busy' };
  }
  if (file.decoding) return { text: 'Reading the audio file…', tone: 'busy' };
  if (capture.phase === 'speech') return { text: 'Speech detected…', tone: 'busy' };
  if (capture.phase === 'starting') return { text: 'Starting the microphone…', tone: 'busy' };
  if (outcome?.kind === 'nothing-heard') {
    const next = capture.phase === 'listening' ? ' Still listening.' : ' Try again.';
    return { text: `Didn't catch that.${next}`, tone: 'warning' };
  }
  if (outcome?.kind === 'error') return { text: outcome.message, tone: 'error' };
  if (outcome?.kind === 'query') {
    const next = capture.phase === 'listening' ? ' Still listening.' : '';
    const skipped = outcome.skipped
      ? ` Recognition fell behind: ${outcome.skipped === 1 ? 'an earlier utterance was' : `${outcome.skipped} earlier utterances were`} skipped to answer the newest.`
      : '';
    return { text: `Heard “${outcome.text}” — recognised in ${Math.round(outcome.recognitionMs)} ms.${skipped}${next}`, tone: skipped ? 'warning' : 'info' };
  }
  if (capture.phase === 'listening') {
    if (model.phase === 'loading' && model.standIn) return { text: `Listening… say a place. (${model.standIn} answers while ${model.modelName} loads.)`, tone: 'busy' };
    return { text: model.phase === 'loading' ? 'Listening… (the model is still loading)' : 'Listening… say a place.', tone: 'busy' };
  }
  if (model.phase === 'loading' && model.restartReason) {
    return { text: `The speech model stopped (${model.restartReason}); loading it again: ${progressText(model.loadedBytes, model.totalBytes)}. Typing still works.`, tone: 'warning' };
  }
  if (model.phase === 'loading') {
    const meanwhile = model.standIn ? `. ${model.standIn} answers meanwhile: voice search works now.` : '';
    return { text: `Loading the speech model, ${model.modelName}: ${progressText(model.loadedBytes, model.totalBytes)}${meanwhile}`, tone: 'busy' };
  }
  if (model.phase === 'error') return { text: `Voice search is unavailable: ${model.message}. Typing still works.`, tone: 'error' };
  return { text: 'Ready. Type a place, or use voice search.', tone: 'info' };
}

/** "12.3 of 40.9 MB" (decimal megabytes, as file sizes are shown by browsers). */
export function progressText(loadedBytes: number, totalBytes: number): string {
  if (totalBytes <= 0) return 'starting…';
  const mb = (bytes: number) => (bytes / 1e6).toFixed(1);
  return `${mb(loadedBytes)} of ${mb(totalBytes)} MB`;
}

/** "WebAssembly, 2 threads" / "WebGPU" — plus why WebGPU was not used, when it was wanted. */
export function describeBackend(result: LoadResult): string {
  const backend =
    result.backend === 'webgpu' ? 'WebGPU' : `WebAssembly (WASM), ${result.threads} ${result.threads === 1 ? 'thread' : 'threads'}`;
  const source = result.fromCache ? 'from the browser cache' : 'downloaded';
  const fallback = result.fallbackReason ? ` — WebGPU not used: ${result.fallbackReason}` : '';
  const notStored = result.notStored
    ? ` — not kept for the next visit (${result.notStored}): it runs from memory now and downloads again next time`
    : '';
  return `${backend}; model ${source} and ready in ${(result.loadMs / 1000).toFixed(1)} s${fallback}${notStored}`;
}
