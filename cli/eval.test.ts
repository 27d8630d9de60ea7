/** The eval command as a user runs it: a manifest with a good, a missing and a non-WAV entry. */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../', import.meta.url));

function runCli(script: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', join(root, script), ...args], { cwd: root }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe('npm run eval', () => {
  let dir: string;
  let result: { code: number; stdout: string; stderr: string };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'eval-'));
    await writeFile(join(dir, 'not-audio.wav'), 'this is text, not audio');
    const manifest = [
      `${join(root, 'fixtures/audio/jfk.wav')}\tAnd so, my fellow Americans, ask not what your country can do for you, ask what you can do for your country.`,
      `missing.wav\thello world`,
      `not-audio.wav\tgood morning`,
    ].join('\n');
    await writeFile(join(dir, 'manifest.tsv'), manifest);
    result = await runCli('cli/eval.ts', ['--manifest', join(dir, 'manifest.tsv'), '--runtime', 'node', '--out', join(dir, 'out.jsonl')]);
  }, 180_000);

  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('reports each unreadable line, goes on, and exits non-zero', () => {
    expect(result.stderr).toMatch(/manifest\.tsv:2: .*missing\.wav: no such file/);
    expect(result.stderr).toMatch(/manifest\.tsv:3: .*not-audio\.wav: not a WAV file/);
    expect(result.code).toBe(1);
  });

  it('scores failed lines as all words deleted; the last line is exactly WER <number>%', () => {
    const lines = result.stdout.trim().split('\n');
    // jfk: 0 of 22 wrong; the two failed lines: 4 of 4 wrong → 4 / 26.
    expect(lines[lines.length - 1]).toBe('WER 15.38%');
  });

  it('writes one JSON line per utterance', async () => {
    const records = (await readFile(join(dir, 'out.jsonl'), 'utf8')).trim().split('\n').map((l) => JSON.parse(l));
    expect(records).toHaveLength(3);
    expect(records[0].hypothesis).toBe('And so my fellow Americans ask not what your country can do for you, ask what you can do for your country.');
    expect(records[0].audioSeconds).toBe(11);
    expect(records[0].ms).toBeGreaterThan(0);
    expect(records[1].error).toMatch(/no such file/);
  });
});

describe('command-line flags', () => {
  it('rejects an unknown flag with exit code 2 and the usage', async () => {
    const { code, stderr } = await runCli('cli/transcribe.ts', ['fixtures/audio/jfk.wav', '--bogus']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/Unknown option '--bogus'/);
    expect(stderr).toMatch(/usage: npm run -s transcribe/);
  });

  it('prints the live defaults in --help', async () => {
    const { code, stdout } = await runCli('cli/transcribe.ts', ['--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/--model ID .*\(default: whisper-tiny-q8\)/);
  });

  it('names an unknown model and the ones available', async () => {
    const { code, stderr } = await runCli('cli/transcribe.ts', ['fixtures/audio/jfk.wav', '--model', 'whisper-huge']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/unknown model 'whisper-huge'; available: whisper-tiny-q8, whisper-base-q8/);
  });
});
