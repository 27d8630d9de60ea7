/**
 * `npm run -s eval -- --manifest FILE.tsv [--model ID] [--out results.jsonl]`
 *
 * Transcribes every utterance in a manifest (`path<TAB>reference`, paths relative to the manifest)
 * and scores word error rate after normalizeForWer (src/eval/normalize.ts: lower case, punctuation
 * removed, numbers and symbols spelled out). An utterance that cannot be read or recognised is
 * reported on its line and scored as if nothing was heard (all its reference words deleted); the
 * run goes on. The last line printed is exactly `WER <number>%`.
 */
import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, isAbsolute, resolve } from 'node:path';
import { parseEvalManifest } from '../src/eval/eval-manifest';
import { normalizeForWer } from '../src/eval/normalize';
import { corpusWer, wordErrors, type WordErrors } from '../src/eval/wer';
import { readAudioFile } from './audio-file';
import { defineCommand, runCommand } from './command-line';
import { decodeOptionsFromFlags, loadRecognizer, recognizerFlags } from './recognizer-options';
import { median } from '../src/eval/stats';

const spec = defineCommand({
  usage: 'npm run -s eval -- --manifest FILE.tsv [options]',
  description: 'Word error rate and latency of a model over a manifest of recordings (path<TAB>reference per line).',
  flags: {
    manifest: { type: 'string', value: 'FILE.tsv', help: 'utterances to score (required)' },
    ...recognizerFlags,
    out: { type: 'string', value: 'FILE.jsonl', help: 'write one JSON line per utterance' },
  },
  positionals: { min: 0, max: 0, name: '' },
});

await runCommand(spec, async ({ flags }) => {
  if (!flags.manifest) throw new Error('--manifest FILE.tsv is required');
  const manifestPath = resolve(flags.manifest);
  let manifestText: string;
  try {
    manifestText = await readFile(manifestPath, 'utf8');
  } catch {
    throw new Error(`cannot read manifest ${manifestPath}`);
  }
  const { entries, problems } = parseEvalManifest(manifestText);
  for (const p of problems) console.error(`${flags.manifest}: ${p.message}`);

  const { recognizer, runtime, loadMs } = await loadRecognizer(flags);
  console.log(`# model ${recognizer.model.id} on ${runtime.description}; loaded in ${loadMs.toFixed(0)} ms; ${entries.length} utterances`);
  const out = flags.out ? createWriteStream(flags.out) : undefined;
  const scored: WordErrors[] = [];
  const latencies: number[] = [];
  let audioSeconds = 0;
  let failures = problems.length;

  for (const entry of entries) {
    const path = isAbsolute(entry.path) ? entry.path : resolve(dirname(manifestPath), entry.path);
    const reference = normalizeForWer(entry.reference);
    let record: Record<string, unknown>;
    try {
      const audio = await readAudioFile(path);
      const t = await recognizer.transcribe(audio, decodeOptionsFromFlags(flags));
      const errors = wordErrors(reference, normalizeForWer(t.text));
      scored.push(errors);
      latencies.push(t.timings.totalMs);
      audioSeconds += t.audioSeconds;
      const wrong = errors.substitutions + errors.deletions + errors.insertions;
      console.log(`${entry.path}\t${wrong}/${errors.referenceWords} errors\t${t.timings.totalMs.toFixed(0)} ms\t${t.text}`);
      record = { path: entry.path, reference: entry.reference, hypothesis: t.text, audioSeconds: t.audioSeconds, ms: t.timings.totalMs, errors, timings: t.timings, avgLogprob: t.avgLogprob, noSpeechProb: t.noSpeechProb };
    } catch (error) {
      failures++;
      scored.push(wordErrors(reference, ''));
      const message = (error as Error).message;
      console.error(`${flags.manifest}:${entry.line}: ${message}`);
      record = { path: entry.path, reference: entry.reference, error: message };
    }
    out?.write(JSON.stringify(record) + '\n');
  }
  out?.end();
  await recognizer.release();

  const totalMs = latencies.reduce((a, b) => a + b, 0);
  console.log(`# normalisation: lower case, punctuation removed, numbers and symbols spelled out (src/eval/normalize.ts)`);
  console.log(`# ${scored.length} utterances, ${failures} failed; median latency ${median(latencies).toFixed(0)} ms; real-time factor ${(totalMs / 1000 / audioSeconds || 0).toFixed(3)}`);
  console.log(`WER ${(corpusWer(scored) * 100).toFixed(2)}%`);
  return failures > 0 ? 1 : 0;
});
