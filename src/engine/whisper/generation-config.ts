/** The fields of a Whisper export's generation_config.json that decoding uses. */
export interface WhisperGenerationConfig {
  /** Tokens never to emit (punctuation-like symbols and speaker-tag fragments). */
  suppressTokens: number[];
  /** Tokens forbidden at the first generated position: [220 " ", 50257 end-of-text]. */
  beginSuppressTokens: number[];
  isMultilingual: boolean;
  /** Language code → token id, e.g. `en` → 50259 (keys are stored as `<|en|>`). */
  languages: Map<string, number>;
}

export function parseGenerationConfig(json: string): WhisperGenerationConfig {
  const raw = JSON.parse(json) as Record<string, unknown>;
  const ids = (key: string): number[] => {
    const value = raw[key];
    if (!Array.isArray(value) || !value.every((v) => Number.isInteger(v))) {
      throw new Error(`generation_config.json: '${key}' must be a list of token ids`);
    }
    return value as number[];
  };
  const languages = new Map<string, number>();
  for (const [token, id] of Object.entries((raw.lang_to_id ?? {}) as Record<string, number>)) {
    languages.set(token.replace(/^<\|/, '').replace(/\|>$/, ''), id);
  }
  return {
    suppressTokens: ids('suppress_tokens'),
    beginSuppressTokens: ids('begin_suppress_tokens'),
    isMultilingual: raw.is_multilingual === true,
    languages,
  };
}
