import type { WhisperTokenizer } from './tokenizer';

export interface PromptOptions {
  /** Language code (`en`), or undefined for an English-only model. */
  language: string | undefined;
  task: 'transcribe' | 'translate';
  timestamps: boolean;
  /** Earlier text to condition on (e.g. a domain hint); empty for none. */
  previousText: string;
}

export interface WhisperPrompt {
  ids: number[];
  /** Index of <|startoftranscript|> in `ids`: where the no-speech probability is read. */
  startOfTranscriptIndex: number;
}

/**
 * Whisper's decoder prompt (openai/whisper `whisper/decoding.py` DecodingTask._get_initial_tokens,
 * `whisper/tokenizer.py` sot_sequence):
 *
 *   [<|startofprev|> previous-text-tokens…]   optional context, at most half the text context
 *   <|startoftranscript|>                      50258
 *   <|en|>                                     language (multilingual models only)
 *   <|transcribe|> | <|translate|>             task
 *   <|notimestamps|>                           unless decoding with timestamps
 */
export function buildPrompt(tokenizer: WhisperTokenizer, options: PromptOptions, maxContext = 448): WhisperPrompt {
  const { special } = tokenizer;
  const ids: number[] = [];
  const previous = options.previousText.trim();
  if (previous) {
    // Whisper keeps the last n_text_ctx/2 − 1 tokens of the context, with a leading space.
    const context = tokenizer.encode(' ' + previous).slice(-(Math.floor(maxContext / 2) - 1));
    ids.push(special.startOfPrev, ...context);
  }
  const startOfTranscriptIndex = ids.length;
  ids.push(special.startOfTranscript);
  if (options.language !== undefined) ids.push(tokenizer.languageId(options.language));
  ids.push(options.task === 'translate' ? special.translate : special.transcribe);
  if (!options.timestamps) ids.push(special.noTimestamps);
  return { ids, startOfTranscriptIndex };
}
