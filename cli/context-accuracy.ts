/**
 * `npm run -s context-accuracy`: what cutting Whisper's 30 s window to the audio costs in
 * accuracy. For each model, transcribes the committed recordings and the generated query set
 * (`npm run -s queries`) once with the full window and once per margin, and reports WER, runs that
 * hit the token budget or had a repetition loop cut (the symptoms of a window that ends too
 * soon), and median latency. Results go to
 * docs/data/context-accuracy.json for docs/BENCHMARKS.md.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseEvalManifest } from '../src/eval/eval-manifest';
import { normalizeForWer } from '../src/eval/normalize';
import { corpusWer, wordErrors, type WordErrors } from '../src/eval/wer';
import { readAudioFile } from './audio-file';
import { defineCommand, runCommand } from './command-line';
import { loadRecognizer } from './recognizer-options';
import { cpuName } from './cpu-name';
import { median } from '../src/eval/stats';

const root = fileURLToPath(new URL('../', import.meta.url));

const spec = defineCommand({
  usage: 'npm run -s context-accuracy -- [options]',
  description: "WER and latency of Whisper with the full 30 s window vs the window cut to the audio plus a margin.",
  flags: {
    models: { type: 'string', default: 'whisper-tiny-q8,whisper-base-q8', value: 'IDS', help: 'comma-separated model ids' },
    runtime: { type: 'string', default: 'node', value: 'wasm|node', help: 'onnxruntime to run on' },
    margins: { type: 'string', default: '100,200,300,500,1000', value: 'FRAMES', help: 'margins to try, in 10 ms mel frames' },
    limit: { type: 'string', default: '240', value: 'N', help: 'use at most N utterances of the query set' },
    threads: { type: 'string', default: String(Math.min(4, cpus().length)), value: 'N', help: 'inference threads' },
    json: { type: 'string', default: 'docs/data/context-accuracy.json', value: 'FILE', help: 'where to write the results' },
  },
  positionals: { min: 0, max: 0, name: '' },
});

interface Utterance {
  path: string;
  reference: string;
}

async function readSet(manifest: string, limit = Infinity): Promise<Utterance[]> {
  const { entries } = parseEvalManifest(await readFile(manifest, 'utf8'));
  return entries.slice(0, limit).map((e) => ({ path: resolve(dirname(manifest), e.path), reference: e.reference }));
}


await runCommand(spec, async ({ flags }) => {
  const querySet = `${root}.cache/query-set/v1/manifest.tsv`;
  if (!existsSync(querySet)) throw new Error('no generated query set: run `npm run -s queries` first');
  const sets: Record<string, Utterance[]> = {
    'committed recordings': await readSet(`${root}fixtures/audio/manifest.tsv`),
    'generated queries': await readSet(querySet, Number(flags.limit)),
  };
  const configs: (number | 'full')[] = ['full', ...flags.margins.split(',').map(Number)];
  const rows: Record<string, unknown>[] = [];
  for (const model of flags.models.split(',')) {
    const { recognizer } = await loadRecognizer({ model, runtime: flags.runtime, threads: flags.threads });
    const audio = new Map<string, Float32Array>();
    for (const set of Object.values(sets)) for (const u of set) audio.set(u.path, await readAudioFile(u.path));
    for (const config of configs) {
      for (const [setName, set] of Object.entries(sets)) {
        const errors: WordErrors[] = [];
        const latencies: number[] = [];
        let budgetHits = 0;
        let loopsCut = 0;
        for (const u of set) {
          // Margins are set through the window options; 'full' pads to 30 s as Whisper does.
          const t = await recognizer.transcribe(audio.get(u.path)!, config === 'full' ? { fitContext: false } : { fitContext: true, contextMarginFrames: config });
          errors.push(wordErrors(normalizeForWer(u.reference), normalizeForWer(t.text)));
          latencies.push(t.timings.totalMs);
          if (t.stopReason === 'max-tokens') budgetHits++;
          if (t.stopReason === 'repetition') loopsCut++;
        }
        const row = { model, runtime: flags.runtime, set: setName, utterances: set.length, window: config === 'full' ? 'full 30 s' : `audio + ${config * 10} ms`, wer: corpusWer(errors), budgetHits, loopsCut, medianMs: median(latencies) };
        rows.push(row);
        console.log(`${model}\t${setName}\t${row.window}\tWER ${(row.wer * 100).toFixed(2)}%\tbudget hits ${budgetHits}\tloops cut ${loopsCut}\tmedian ${row.medianMs.toFixed(0)} ms`);
      }
    }
    await recognizer.release();
  }
  await writeFile(flags.json, JSON.stringify({ command: ['npm run -s context-accuracy', ...(process.argv.length > 2 ? ['--', ...process.argv.slice(2)] : [])].join(' '), cpu: cpuName(), cores: cpus().length, rows }, null, 1) + '\n');
  console.log(`wrote ${flags.json}`);
});
