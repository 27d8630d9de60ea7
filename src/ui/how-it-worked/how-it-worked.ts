/**
 * What the "How it worked" panel shows about the last spoken query, computed apart from the page
 * so it is tested in Node: the utterance's envelope (drawn as its waveform), where its time went,
 * and which step of the pipeline changed what was heard into what was searched.
 */
import type { StageTimings } from '../../engine/transcript';
import type { SpokenQueryAnswer } from '../../query';
import type { Envelope } from '../../monitoring/heard-input';

export type { Envelope };

export interface Stage {
  label: string;
  ms: number;
}

/**
 * End of speech → results, stage by stage: the recogniser's own stages, what came before them
 * (waiting in the queue, handing the audio to the worker), and the search worker's pipeline
 * (rescoring, correction, verification, the search) until the results were on screen.
 */
export function stagesOf(timings: StageTimings, recognitionMs: number, resultsMs: number | undefined): Stage[] {
  const stages: Stage[] = [
    { label: 'queue and hand-over', ms: Math.max(0, recognitionMs - timings.totalMs) },
    { label: 'features', ms: timings.featuresMs },
    { label: 'encoder', ms: timings.encoderMs },
    { label: 'decoder', ms: timings.decoderMs },
  ];
  if (resultsMs !== undefined) stages.push({ label: 'catalogue and search', ms: Math.max(0, resultsMs - recognitionMs) });
  return stages;
}

/** Which steps made what was searched differ from the recogniser's first hypothesis, in words. */
export function changesOf(answer: SpokenQueryAnswer): string[] {
  if (!answer.accepted) return [];
  const changes: string[] = [];
  if (answer.chosen > 0) {
    changes.push(`n-best rescoring chose hypothesis ${answer.chosen + 1} of ${answer.alternatives.length}, “${answer.heard}”, for naming a place`);
  }
  for (const r of answer.correction.replacements.filter((r) => r.applied)) {
    changes.push(`correction put “${r.name}” for “${r.original.join(' ')}” (score ${r.score.toFixed(2)})`);
  }
  if (answer.verification?.replaced) {
    changes.push(`verification heard “${answer.query}” rather than “${answer.verification.before}” (gain ${answer.verification.gain.toFixed(2)} nats)`);
  }
  return changes.length ? changes : ['nothing: what was heard was searched'];
}
