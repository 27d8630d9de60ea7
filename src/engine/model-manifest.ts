/**
 * The shape of models/manifest.json: which model files the product uses, where they come from
 * (an npm package, never a hub), and what every file must hash to. The staging step
 * (models/stage.ts) checks these hashes; the worker and the CLI read staged files by `role`.
 */

/** What a model file is for. The engine asks for files by role, never by path. */
export type ModelFileRole =
  | 'encoder'
  | 'decoder'
  | 'vocab'
  | 'merges'
  | 'addedTokens'
  | 'tokenizer'
  | 'tokenizerConfig'
  | 'config'
  | 'generationConfig'
  | 'preprocessorConfig';

export interface ModelFile {
  role: ModelFileRole;
  /** Path inside the source package's model folder, e.g. `onnx/encoder_model_quantized.onnx`. */
  path: string;
  bytes: number;
  sha256: string;
}

/** Numbers the decoding loop needs before it has run the model once (empty KV-cache shapes). */
export interface WhisperArchitecture {
  dModel: number;
  encoderLayers: number;
  decoderLayers: number;
  decoderHeads: number;
  headDim: number;
  vocabSize: number;
  melBins: number;
  /** Encoder positions for 30 s of audio (1500); the mel input is twice that in frames. */
  maxSourcePositions: number;
  /** Decoder positions: prompt plus generated tokens can never exceed this (448). */
  maxTargetPositions: number;
}

export interface ModelEntry {
  /** Stable id used in URLs, settings and the CLI, e.g. `whisper-tiny-q8`. */
  id: string;
  family: 'whisper';
  /** Human-readable name for the settings menu. */
  name: string;
  source: { package: string; version: string; dir: string };
  license: Record<string, string>;
  architecture: WhisperArchitecture;
  files: ModelFile[];
}

export interface ModelManifest {
  models: ModelEntry[];
}

/** The name a file has once staged into `public/models/<id>/`: its base name. */
export function stagedFileName(file: ModelFile): string {
  return file.path.slice(file.path.lastIndexOf('/') + 1);
}

export function findModel(manifest: ModelManifest, id: string): ModelEntry {
  const model = manifest.models.find((m) => m.id === id);
  if (!model) {
    const known = manifest.models.map((m) => m.id).join(', ');
    throw new Error(`unknown model '${id}'; available: ${known}`);
  }
  return model;
}

export function modelFile(model: ModelEntry, role: ModelFileRole): ModelFile {
  const file = model.files.find((f) => f.role === role);
  if (!file) throw new Error(`model '${model.id}' has no '${role}' file in the manifest`);
  return file;
}
