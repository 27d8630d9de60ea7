/**
 * `npm run -s pauses`: how the page's voice activity detector cuts recorded sentences, and the
 * pauses between the pieces — what QueryJoiningOptions.joinPauseMs (src/audio/query-joining.ts)
 * must span so that one spoken sentence stays one query.
 *
 * The detector is the page's own (cli/speech-spans.ts). A pause is measured as the page measures
 * it: from the voice stopping (an utterance's end less the redemption) to the next utterance's start.
 */
import { join } from 'node:path';
import { DEFAULT_QUERY_JOINING_OPTIONS } from '../src/audio/query-joining';
import { DEFAULT_VOICE_CAPTURE_OPTIONS } from '../src/audio/voice-capture-options';
import { readAudioFile } from './audio-file';
import { defineCommand, runCommand } from './command-line';
import { FIXTURE_AUDIO_DIR, fixtureRecordings } from './fixture-manifest';
import { pausesBetween, speechDetector } from './speech-spans';

const spec = defineCommand({
  usage: 'npm run -s pauses -- [FILE.wav ...]',
  description: "The detector's utterances in each recording and the pauses between them (default: every committed recording).",
  flags: { json: { type: 'boolean', help: 'one JSON object per file' } },
  positionals: { min: 0, max: Infinity, name: 'FILE.wav' },
});

await runCommand(spec, async ({ flags, positionals }) => {
  const files = positionals.length > 0 ? positionals : fixtureRecordings().map((r) => join(FIXTURE_AUDIO_DIR, r.path));
  const detect = await speechDetector();
  const redemption = DEFAULT_VOICE_CAPTURE_OPTIONS.redemptionMs;
  let longest = 0;
  for (const file of files) {
    const spans = await detect(await readAudioFile(file));
    const pauses = pausesBetween(spans, redemption);
    longest = Math.max(longest, ...pauses);
    if (flags.json) console.log(JSON.stringify({ file, spans, pauses }));
    else console.log(`${file}: ${spans.length} utterance${spans.length === 1 ? '' : 's'}${pauses.length ? `, pauses ${pauses.map((p) => `${p} ms`).join(', ')}` : ''}`);
  }
  if (!flags.json) {
    console.log(`longest pause inside one recording: ${longest} ms; joinPauseMs is ${DEFAULT_QUERY_JOINING_OPTIONS.joinPauseMs} ms (redemption ${redemption} ms)`);
  }
});
