/** `npm run -s transcribe -- FILE.wav [--model ID] [--json]`: print what a recording says. */
import { readAudioFile } from './audio-file';
import { defineCommand, runCommand } from './command-line';
import { decodeOptionsFromFlags, loadRecognizer, recognizerFlags } from './recognizer-options';

const spec = defineCommand({
  usage: 'npm run -s transcribe -- FILE.wav [options]',
  description: 'Transcribes a WAV file (any PCM/float encoding, rate and channel count) with the engine the browser runs.',
  flags: {
    ...recognizerFlags,
    timestamps: { type: 'boolean', help: "decode with Whisper's timestamp tokens" },
    json: { type: 'boolean', help: 'print one JSON object: text, timings, avgLogprob, noSpeechProb' },
  },
  positionals: { min: 1, max: 1, name: 'FILE.wav' },
});

await runCommand(spec, async ({ flags, positionals: [file] }) => {
  const audio = await readAudioFile(file);
  const { recognizer, runtime, loadMs } = await loadRecognizer(flags);
  try {
    const t = await recognizer.transcribe(audio, { ...decodeOptionsFromFlags(flags), timestamps: flags.timestamps });
    if (flags.json) {
      console.log(
        JSON.stringify({
          file,
          model: recognizer.model.id,
          runtime: runtime.description,
          text: t.text,
          tokens: t.tokens,
          avgLogprob: t.avgLogprob,
          noSpeechProb: t.noSpeechProb,
          stopReason: t.stopReason,
          audioSeconds: t.audioSeconds,
          loadMs,
          timings: t.timings,
        }),
      );
    } else {
      console.log(t.text);
    }
  } finally {
    await recognizer.release();
  }
});
