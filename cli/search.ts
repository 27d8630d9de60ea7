/**
 * `npm run -s search -- FILE.wav [FILE.wav ...]` or `--manifest FILE.tsv`: the app's whole
 * spoken-query pipeline in Node — recognition with the app's settings (src/query/pipeline-options.ts),
 * the catalogue steps and the place search (src/query/spoken-query.ts) — printing what was heard,
 * what was searched and the top results with their scores.
 */
import { dirname, resolve } from 'node:path';
import { readFile } from 'node:fs/promises';
import { DEFAULT_PIPELINE_OPTIONS, type SpokenQueryAnswer } from '../src/query';
import { parseEvalManifest } from '../src/eval/eval-manifest';
import { readAudioFile } from './audio-file';
import { defineCommand, runCommand, UsageError } from './command-line';
import { decodeOptionsFromFlags, loadRecognizer, parseOnOff, recognizerFlags } from './recognizer-options';
import { loadSpokenPipeline } from './spoken-pipeline';

const onOff = (value: boolean) => (value ? 'on' : 'off');

const spec = defineCommand({
  usage: 'npm run -s search -- FILE.wav [FILE.wav ...] [options] | --manifest FILE.tsv [options]',
  description: "Runs recordings through the app's spoken-query pipeline: recognition, the catalogue steps, the place search.",
  flags: {
    ...recognizerFlags,
    model: { ...recognizerFlags.model, default: DEFAULT_PIPELINE_OPTIONS.modelId },
    beam: { ...recognizerFlags.beam, default: String(DEFAULT_PIPELINE_OPTIONS.beamSize) },
    rescoring: { type: 'string', default: onOff(DEFAULT_PIPELINE_OPTIONS.rescoring), value: 'on|off', help: 'choose the n-best hypothesis that names a place' },
    correction: { type: 'string', default: onOff(DEFAULT_PIPELINE_OPTIONS.correction), value: 'on|off', help: 'correct place names by sound and spelling' },
    verification: { type: 'string', default: onOff(DEFAULT_PIPELINE_OPTIONS.verification), value: 'on|off', help: 'the recogniser listens again to catalogue names for the place span' },
    manifest: { type: 'string', value: 'FILE.tsv', help: 'path<TAB>reference lines (paths relative to the manifest) instead of files' },
    limit: { type: 'string', default: '3', value: 'N', help: 'results to print per recording' },
    json: { type: 'boolean', help: 'one JSON object per recording' },
  },
  positionals: { min: 0, max: Infinity, name: 'FILE.wav' },
});

function describe(answer: SpokenQueryAnswer): string[] {
  if (!answer.accepted) return [`  nothing heard (${answer.reason})`];
  const lines = [`  heard:    ${answer.heard}${answer.chosen > 0 ? ` (hypothesis ${answer.chosen + 1} of ${answer.alternatives.length})` : ''}`];
  if (answer.query !== answer.heard) lines.push(`  searched: ${answer.query}`);
  if (answer.verification) lines.push(`  verification: ${answer.verification.candidates} candidates, best gains ${answer.verification.gain.toFixed(2)}${answer.verification.replaced ? ` (replaced "${answer.verification.before}")` : ''}`);
  if (answer.correction.suggestion) lines.push(`  did you mean: ${answer.correction.suggestion}`);
  if (answer.hits.length === 0) lines.push('  no results');
  answer.hits.forEach((hit, i) => lines.push(`  ${i + 1}. ${hit.place.name}, ${hit.place.countryName} (${hit.place.id}, score ${hit.score.toFixed(2)})`));
  return lines;
}

await runCommand(spec, async ({ flags, positionals }) => {
  const limit = Number(flags.limit);
  if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`--limit must be a positive integer, got '${flags.limit}'`);
  let files = positionals.map((p) => resolve(p));
  if (flags.manifest) {
    if (files.length > 0) throw new UsageError('give files or --manifest, not both');
    const base = dirname(resolve(flags.manifest));
    files = parseEvalManifest(await readFile(flags.manifest, 'utf8')).entries.map((e) => resolve(base, e.path));
  }
  if (files.length === 0) throw new UsageError('missing FILE.wav (or --manifest FILE.tsv)');
  const steps = { ...DEFAULT_PIPELINE_OPTIONS, rescoring: parseOnOff('rescoring', flags.rescoring), correction: parseOnOff('correction', flags.correction), verification: parseOnOff('verification', flags.verification) };
  const decode = decodeOptionsFromFlags(flags);
  const [pipeline, { recognizer }] = await Promise.all([loadSpokenPipeline(), loadRecognizer(flags)]);
  let failed = 0;
  try {
    for (const file of files) {
      let audio: Float32Array;
      try {
        audio = await readAudioFile(file);
      } catch (error) {
        // A bad file is named on its line; the others still run, and the exit code says so.
        failed++;
        console.log(flags.json ? JSON.stringify({ file, error: (error as Error).message }) : `${file}\n  error: ${(error as Error).message}`);
        continue;
      }
      const t = await recognizer.transcribe(audio, decode);
      const started = performance.now();
      const answer = await pipeline.answerVerified(t, steps, limit, recognizer, t.heardId);
      const catalogueMs = performance.now() - started;
      if (flags.json) {
        const hits = answer.accepted ? answer.hits.map((h) => ({ id: h.place.id, name: h.place.name, country: h.place.countryName, score: h.score })) : [];
        console.log(JSON.stringify({ file, model: recognizer.model.id, transcript: t.text, ...answer, hits, recognitionMs: t.timings.totalMs, catalogueMs }));
      } else {
        console.log([file, ...describe(answer)].join('\n'));
      }
    }
  } finally {
    await recognizer.release();
  }
  return failed > 0 ? 1 : 0;
});
