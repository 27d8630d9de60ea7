/**
 * `npm run -s bench:decoder-step`: the time of one cached decoder step (one token, a short
 * history, a 150-position encoder output — a 3 s query) and of each session's creation, for the
 * exported merged decoder as it is, with its quantized output projection folded to float at
 * creation (src/engine/decoding/merged-decoder.ts, mergedDecoderSessionOptions), and, where staged,
 * the decoder whose projection's weight is stored transposed and dequantized once
 * (models/transposed-projection.ts, what the app loads on CPU providers); alternating, in one process; and the largest logit difference of
 * each against the folded one. Synthetic inputs: the step's cost does not depend on their values.
 */
import { readFile } from 'node:fs/promises';
import { mergedDecoderSessionOptions } from '../src/engine/decoding/merged-decoder';
import type { InferenceSession, Tensor } from 'onnxruntime-common';
import { findModel, modelFile, stagedFileName, type ModelFileRole } from '../src/engine';
import { defineCommand, runCommand } from './command-line';
import { loadRuntime, parseRuntime } from './onnx-runtime';
import { readManifest, recognizerFlags } from './recognizer-options';

const spec = defineCommand({
  usage: 'npm run -s bench:decoder-step -- [options]',
  description: 'One cached decoder step: exported, folded output projection, transposed output projection.',
  flags: {
    model: recognizerFlags.model,
    runtime: recognizerFlags.runtime,
    threads: recognizerFlags.threads,
    reps: { type: 'string', default: '20', value: 'N', help: 'steps per measurement, 3 rounds each' },
  },
  positionals: { min: 0, max: 0, name: '' },
});

await runCommand(spec, async ({ flags }) => {
  const model = findModel(await readManifest(), flags.model);
  const runtime = await loadRuntime(parseRuntime(flags.runtime), Number(flags.threads));
  const read = (role: ModelFileRole) =>
    readFile(new URL(`../public/models/${model.id}/${stagedFileName(modelFile(model, role))}`, import.meta.url)).then((b) => new Uint8Array(b));
  const exported = await read('decoder');
  const variants: [string, Uint8Array, InferenceSession.SessionOptions][] = [
    ['as exported', exported, runtime.sessionOptions],
    ['folded', exported, mergedDecoderSessionOptions(runtime.sessionOptions)],
  ];
  if (model.files.some((f) => f.role === 'decoderTransposedProjection')) {
    variants.push(['transposed', await read('decoderTransposedProjection'), mergedDecoderSessionOptions(runtime.sessionOptions)]);
  }
  const { Tensor, InferenceSession: Session } = runtime.ort;
  const sessions: Record<string, InferenceSession> = {};
  for (const [name, bytes, options] of variants) {
    const started = performance.now();
    sessions[name] = await Session.create(bytes, options);
    console.log(`${name}: session created in ${(performance.now() - started).toFixed(0)} ms`);
  }
  const arch = model.architecture;
  const hiddenSize = arch.dModel;
  const encoderPositions = 150;
  const wave = (n: number, k: number) => Float32Array.from({ length: n }, (_, i) => Math.sin(i * k));
  const feeds: Record<string, Tensor> = {
    input_ids: new Tensor('int64', BigInt64Array.of(1n), [1, 1]),
    encoder_hidden_states: new Tensor('float32', wave(encoderPositions * hiddenSize, 0.3), [1, encoderPositions, hiddenSize]),
    use_cache_branch: new Tensor('bool', Uint8Array.of(1), [1]),
  };
  for (let layer = 0; layer < arch.decoderLayers; layer++) {
    for (const kind of ['key', 'value']) {
      feeds[`past_key_values.${layer}.decoder.${kind}`] = new Tensor('float32', wave(arch.decoderHeads * 5 * arch.headDim, 0.7), [1, arch.decoderHeads, 5, arch.headDim]);
      feeds[`past_key_values.${layer}.encoder.${kind}`] = new Tensor('float32', wave(arch.decoderHeads * encoderPositions * arch.headDim, 0.5), [1, arch.decoderHeads, encoderPositions, arch.headDim]);
    }
  }
  const logits: Record<string, Float32Array> = {};
  for (const [name, session] of Object.entries(sessions)) {
    for (let i = 0; i < 3; i++) logits[name] = (await session.run(feeds, ['logits'])).logits.data as Float32Array;
  }
  for (const name of Object.keys(sessions).filter((n) => n !== 'folded')) {
    let maxDiff = 0;
    for (let i = 0; i < logits.folded.length; i++) maxDiff = Math.max(maxDiff, Math.abs(logits.folded[i] - logits[name][i]));
    console.log(`largest logit difference, ${name} against folded: ${maxDiff.toExponential(2)}`);
  }
  const reps = Number(flags.reps);
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(sessions).map((name) => [name, []]));
  for (let round = 0; round < 3; round++) {
    for (const [name, session] of Object.entries(sessions)) {
      const started = performance.now();
      for (let i = 0; i < reps; i++) await session.run(feeds, ['logits']);
      times[name].push((performance.now() - started) / reps);
    }
  }
  for (const [name, ms] of Object.entries(times)) console.log(`${name}: ${ms.map((m) => m.toFixed(1)).join(' / ')} ms per step (${model.id}, ${runtime.description})`);
});
