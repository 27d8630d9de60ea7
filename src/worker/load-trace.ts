/**
 * Where a model load's time goes (pure; tested in Node): named spans relative to the load's
 * start — onnxruntime's import, each file's read (from Cache Storage or the network) and hash,
 * each session's creation. LoadResult.stages carries them to the page, which marks them on its
 * timeline (src/ui/timeline.ts) for `npm run -s bench:load` and the browser's performance panel.
 * Spans may overlap: files are read in parallel.
 */
import type { Clock } from '../engine';

/** One span of a load, in milliseconds from the load's start. */
export interface LoadStage {
  /** e.g. `onnxruntime`, `read encoder`, `sha256 decoder`, `session encoder`. */
  name: string;
  startMs: number;
  ms: number;
}

export class LoadTrace {
  private readonly spans: LoadStage[] = [];
  private readonly origin: number;

  constructor(private readonly clock: Clock = () => performance.now()) {
    this.origin = clock();
  }

  /** Runs `task`, recording its span under `name` whether it resolves or rejects. */
  async time<T>(name: string, task: () => Promise<T>): Promise<T> {
    const start = this.clock();
    try {
      return await task();
    } finally {
      this.spans.push({ name, startMs: start - this.origin, ms: this.clock() - start });
    }
  }

  /** The spans so far, in order of their start. */
  stages(): LoadStage[] {
    return [...this.spans].sort((a, b) => a.startMs - b.startMs);
  }
}

/** Milliseconds of every stage whose name starts with `prefix` (e.g. all `session ` spans), summed. */
export function stageTotal(stages: readonly LoadStage[], prefix: string): number {
  return stages.filter((s) => s.name.startsWith(prefix)).reduce((sum, s) => sum + s.ms, 0);
}
