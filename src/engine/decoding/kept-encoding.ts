import type { Tensor } from 'onnxruntime-common';

/**
 * The encoder output of the last utterance a recogniser transcribed, kept so candidate
 * transcripts of it can be scored (teacher-forced.ts) without running the encoder again. Each
 * transcription gets a fresh id (Transcript.heardId); only the latest one's output is kept, so
 * asking about an earlier utterance is an error that says so, never a score against other audio.
 */
/** Ids count across every recogniser, so one loaded after another never reuses an id. */
let lastId = 0;

export class KeptEncoding<Context = undefined> {
  private current: { id: number; hidden: Tensor; context: Context } | undefined;

  /** Keeps `hidden` and what the family needs to score against it (releasing the one before), and returns its id. */
  keep(hidden: Tensor, context: Context): number {
    this.release();
    this.current = { id: ++lastId, hidden, context };
    return this.current.id;
  }

  /** A transcription whose encoder output is not kept (e.g. long audio, decoded window by window): its id, and nothing to score. */
  skip(): number {
    this.release();
    return ++lastId;
  }

  /** The encoder output of transcription `id`; throws when it is not the latest one kept. */
  get(id: number): { hidden: Tensor; context: Context } {
    if (this.current?.id !== id) {
      throw new Error(`utterance ${id} can no longer be scored: only the last utterance transcribed is kept${this.current ? ` (now ${this.current.id})` : ''}`);
    }
    return this.current;
  }

  release(): void {
    this.current?.hidden.dispose();
    this.current = undefined;
  }
}
