import { describe, expect, it } from 'vitest';
import type { LoadResult } from '../../worker/engine-api';
import { describeBackend, describeStatus, progressText, type StatusInputs } from './status';

const result: LoadResult = { modelId: 'whisper-tiny-q8', backend: 'wasm', threads: 2, fromCache: false, loadMs: 2345, stages: [] };
const ready: StatusInputs = {
  model: { phase: 'ready', modelName: 'Whisper tiny (8-bit)', result },
  capture: { phase: 'off' },
  transcription: { busy: false, pending: 0 },
  file: { decoding: false },
};

describe('describeStatus', () => {
  it('says ready when nothing is going on', () => {
    expect(describeStatus(ready)).toEqual({ text: 'Ready. Type a place, or use voice search.', tone: 'info' });
  });

  it('says the speech model stopped and is loading again, why, and that typing works', () => {
    const model = { phase: 'loading' as const, modelName: 'Moonshine tiny (8-bit)', loadedBytes: 5_000_000, totalBytes: 33_500_000, restartReason: 'it stopped answering for 30 s' };
    expect(describeStatus({ ...ready, model })).toEqual({
      text: 'The speech model stopped (it stopped answering for 30 s); loading it again: 5.0 of 33.5 MB. Typing still works.',
      tone: 'warning',
    });
    // An utterance waiting for it is said to wait.
    expect(describeStatus({ ...ready, model, transcription: { busy: true, pending: 0 } }).text).toBe(
      'The speech model stopped (it stopped answering for 30 s); loading it again, then transcribing… Typing still works.',
    );
  });

  it('shows model loading progress in bytes', () => {
    const status = describeStatus({ ...ready, model: { phase: 'loading', modelName: 'Whisper tiny (8-bit)', loadedBytes: 12_300_000, totalBytes: 40_900_000 } });
    expect(status.text).toBe('Loading the speech model, Whisper tiny (8-bit): 12.3 of 40.9 MB');
  });

  it('says a stand-in answers while a big model loads, and does not make utterances wait for the load', () => {
    const model = { phase: 'loading' as const, modelName: 'Whisper base (8-bit)', loadedBytes: 20_000_000, totalBytes: 181_200_000, standIn: 'Moonshine tiny (8-bit)' };
    expect(describeStatus({ ...ready, model }).text).toBe(
      'Loading the speech model, Whisper base (8-bit): 20.0 of 181.2 MB. Moonshine tiny (8-bit) answers meanwhile: voice search works now.',
    );
    expect(describeStatus({ ...ready, model, capture: { phase: 'listening' } }).text).toBe(
      'Listening… say a place. (Moonshine tiny (8-bit) answers while Whisper base (8-bit) loads.)',
    );
    expect(describeStatus({ ...ready, model, transcription: { busy: true, pending: 0 } }).text).toBe('Transcribing…');
    const alone = { ...model, standIn: undefined };
    expect(describeStatus({ ...ready, model: alone, transcription: { busy: true, pending: 0 } }).text).toBe('Transcribing, once the model has loaded…');
  });

  it('goes listening → speech detected → transcribing', () => {
    expect(describeStatus({ ...ready, capture: { phase: 'listening' } }).text).toMatch(/^Listening/);
    expect(describeStatus({ ...ready, capture: { phase: 'speech' } }).text).toBe('Speech detected…');
    expect(describeStatus({ ...ready, capture: { phase: 'listening' }, transcription: { busy: true, pending: 1 } }).text).toBe(
      'Transcribing… (1 more waiting)',
    );
  });

  it("says Didn't catch that when the guard rejected a transcript", () => {
    expect(describeStatus({ ...ready, outcome: { kind: 'nothing-heard' } }).text).toBe("Didn't catch that. Try again.");
    expect(describeStatus({ ...ready, capture: { phase: 'listening' }, outcome: { kind: 'nothing-heard' } }).tone).toBe('warning');
  });

  it('puts a microphone error first, and keeps typing working', () => {
    const status = describeStatus({ ...ready, capture: { phase: 'off', error: 'Microphone access was denied — typing still works.' } });
    expect(status).toEqual({ text: 'Microphone access was denied — typing still works.', tone: 'error' });
  });

  it('names a model that failed to load', () => {
    const status = describeStatus({ ...ready, model: { phase: 'error', modelName: 'Whisper tiny (8-bit)', message: 'could not load model file /models/x.onnx: HTTP 404' } });
    expect(status.tone).toBe('error');
    expect(status.text).toContain('/models/x.onnx');
  });

  it('reports the last query with its recognition time', () => {
    expect(describeStatus({ ...ready, outcome: { kind: 'query', text: 'Paris', recognitionMs: 412.4, skipped: 2 } })).toEqual({
      text: 'Heard “Paris” — recognised in 412 ms. Recognition fell behind: 2 earlier utterances were skipped to answer the newest.',
      tone: 'warning',
    });
    expect(describeStatus({ ...ready, outcome: { kind: 'query', text: 'Paris', recognitionMs: 412.4 } }).text).toBe(
      'Heard “Paris” — recognised in 412 ms.',
    );
  });
});

describe('progressText and describeBackend', () => {
  it('formats bytes as megabytes', () => {
    expect(progressText(0, 0)).toBe('starting…');
    expect(progressText(1_000_000, 40_852_675)).toBe('1.0 of 40.9 MB');
  });

  it('says which backend and how many threads', () => {
    expect(describeBackend(result)).toBe('WebAssembly (WASM), 2 threads; model downloaded and ready in 2.3 s');
    expect(describeBackend({ ...result, backend: 'webgpu', fromCache: true })).toMatch(/^WebGPU; model from the browser cache/);
    expect(describeBackend({ ...result, fallbackReason: 'no adapter' })).toMatch(/WebGPU not used: no adapter$/);
  });

  it('says when a downloaded model could not be kept, and that it still runs', () => {
    expect(describeBackend({ ...result, notStored: 'storage is full' })).toBe(
      'WebAssembly (WASM), 2 threads; model downloaded and ready in 2.3 s — not kept for the next visit (storage is full): it runs from memory now and downloads again next time',
    );
  });
});
