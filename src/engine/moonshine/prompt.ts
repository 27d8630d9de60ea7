/**
 * Moonshine's decoder prompt: the decoder-start token alone (`<s>`, id 1). There is no language,
 * task or timestamp token — the English models only transcribe — and no context prompt. As in
 * usefulsensors/moonshine `moonshine-onnx/src/model.py` (`decoder_start_token_id = 1`) and
 * moonshine-js 0.1.15 `src/model.ts` (`decoderStartTokenID`).
 */
import type { MoonshineArchitecture } from '../model-manifest';

export function moonshinePrompt(arch: MoonshineArchitecture): number[] {
  return [arch.decoderStartTokenId];
}
