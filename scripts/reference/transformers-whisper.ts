/**
 * The reference recogniser for parity checks: transformers.js (@huggingface/transformers, a dev
 * dependency) loading the very same npm-shipped model files, offline, greedy, English, no
 * timestamps. Runs on onnxruntime-node, so compare it with our engine on `--runtime node`.
 */
import { fileURLToPath } from 'node:url';
import type { ModelEntry } from '../../src/engine';

type Asr = (audio: Float32Array, options: Record<string, unknown>) => Promise<{ text: string }>;

export interface ReferenceRecognizer {
  transcribe(audio: Float32Array): Promise<string>;
  release(): Promise<void>;
}

export interface ReferenceOptions {
  /** onnxruntime-node intra-op threads; default: onnxruntime's own choice. */
  threads?: number;
}

export async function loadTransformersWhisper(model: ModelEntry, options: ReferenceOptions = {}): Promise<ReferenceRecognizer> {
  const { env, pipeline } = await import('@huggingface/transformers');
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  // The package's model dir is `<package>/<dir>` = `<package>/models/Xenova/whisper-tiny`:
  // transformers.js resolves `Xenova/whisper-tiny` under localModelPath `<package>/models/`.
  const dirParts = model.source.dir.split('/');
  const repoId = dirParts.slice(-2).join('/');
  const base = dirParts.slice(0, -2).join('/');
  env.localModelPath = fileURLToPath(new URL(`../../node_modules/${model.source.package}/${base}/`, import.meta.url));
  const session_options = options.threads ? { intraOpNumThreads: options.threads, interOpNumThreads: 1 } : undefined;
  const asr = (await pipeline('automatic-speech-recognition', repoId, { dtype: 'q8', device: 'cpu', session_options })) as unknown as Asr & {
    dispose(): Promise<void>;
  };
  return {
    async transcribe(audio) {
      const out = await asr(audio, { language: 'en', task: 'transcribe', return_timestamps: false, do_sample: false, num_beams: 1 });
      return out.text.trim();
    },
    release: () => asr.dispose(),
  };
}
