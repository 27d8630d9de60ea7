/**
 * One small argument layer for every CLI command, on node:util parseArgs: each command declares
 * its flags once (type, default, help), and gets `--help` that prints the live defaults, strict
 * rejection of unknown flags (exit 2, as whisper.cpp's examples should have done), and typed values.
 */
import { parseArgs } from 'node:util';

export interface FlagSpec {
  type: 'string' | 'boolean';
  /** Shown in --help; also the value when the flag is absent. */
  default?: string | boolean;
  help: string;
  /** Placeholder in --help, e.g. ID. */
  value?: string;
}

export interface CommandSpec<F extends Record<string, FlagSpec>> {
  usage: string;
  description: string;
  flags: F;
  /** How many positional arguments are required / allowed. */
  positionals: { min: number; max: number; name: string };
}

type FlagValues<F extends Record<string, FlagSpec>> = {
  [K in keyof F]: F[K]['type'] extends 'boolean' ? boolean : F[K]['default'] extends string ? string : string | undefined;
};

/** Declares a command; the `const` type parameter keeps each flag's literal type and default. */
export function defineCommand<const F extends Record<string, FlagSpec>>(spec: CommandSpec<F>): CommandSpec<F> {
  return spec;
}

export class UsageError extends Error {
  override name = 'UsageError';
}

export function helpText<F extends Record<string, FlagSpec>>(spec: CommandSpec<F>): string {
  const lines = [`usage: ${spec.usage}`, '', spec.description, '', 'options:'];
  const entries = Object.entries(spec.flags).concat([['help', { type: 'boolean', help: 'print this help' }]]);
  const labels = entries.map(([name, f]) => `  --${name}${f.type === 'string' ? ` ${f.value ?? 'VALUE'}` : ''}`);
  const width = Math.max(...labels.map((l) => l.length)) + 2;
  entries.forEach(([, f], i) => {
    const def = f.default !== undefined && f.default !== false ? ` (default: ${f.default})` : '';
    lines.push(labels[i].padEnd(width) + f.help + def);
  });
  return lines.join('\n');
}

/** Parses argv; throws UsageError on unknown flags or a wrong number of positionals; null for --help. */
export function parseCommandLine<F extends Record<string, FlagSpec>>(
  spec: CommandSpec<F>,
  argv: string[],
): { flags: FlagValues<F>; positionals: string[] } | null {
  const options: Record<string, { type: 'string' | 'boolean'; default?: string | boolean }> = { help: { type: 'boolean' } };
  for (const [name, f] of Object.entries(spec.flags)) options[name] = { type: f.type, ...(f.default !== undefined && { default: f.default }) };
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (parsed.values.help) return null;
  const { min, max, name } = spec.positionals;
  if (parsed.positionals.length < min) throw new UsageError(`missing ${name}`);
  if (parsed.positionals.length > max) throw new UsageError(`unexpected argument '${parsed.positionals[max]}'`);
  return { flags: parsed.values as FlagValues<F>, positionals: parsed.positionals };
}

/** Runs a command's main, mapping usage errors to exit 2 and other failures to exit 1. */
export async function runCommand<F extends Record<string, FlagSpec>>(
  spec: CommandSpec<F>,
  main: (args: { flags: FlagValues<F>; positionals: string[] }) => Promise<number | void>,
): Promise<void> {
  try {
    const args = parseCommandLine(spec, process.argv.slice(2));
    if (!args) {
      console.log(helpText(spec));
      return;
    }
    process.exitCode = (await main(args)) ?? 0;
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${error.message}\n\n${helpText(spec)}`);
      process.exitCode = 2;
    } else {
      console.error(`error: ${(error as Error).message}`);
      process.exitCode = 1;
    }
  }
}

/**
 * For a script whose work is its top level: the parsed arguments, or — after printing the help
 * (--help, exit 0) or the usage error and the help (exit 2) — the process ends here.
 */
export function readCommandLine<F extends Record<string, FlagSpec>>(spec: CommandSpec<F>): { flags: FlagValues<F>; positionals: string[] } {
  try {
    const args = parseCommandLine(spec, process.argv.slice(2));
    if (args) return args;
    console.log(helpText(spec));
    process.exit(0);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n\n${helpText(spec)}`);
    process.exit(2);
  }
}

/** A flag's value as a positive integer, or a UsageError naming the flag. */
export function positiveInteger(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--${flag} must be a positive integer, got '${value}'`);
  return n;
}

/** positiveInteger for a script's top level: a bad value is the usage error it names, exit 2. */
export function positiveIntegerOrExit(value: string, flag: string): number {
  try {
    return positiveInteger(value, flag);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(2);
  }
}
