// Errors that end the CLI with a message and a chosen exit code, instead of a stack trace.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Locale } from '../l10n';

export class CliError extends Error {
  override readonly name = 'CliError';
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
}

/** By name rather than instanceof: each subcommand is bundled apart, with its own copy of the class. */
export function isCliError(err: unknown): err is CliError {
  return err instanceof Error && err.name === 'CliError' && typeof (err as CliError).exitCode === 'number';
}

export const EXIT_USAGE = 2;

export function usageError(message: string): CliError {
  return new CliError(`${message}\nRun 'mailconf --help' for usage.`, EXIT_USAGE);
}

/** node:util's parseArgs (with positionals) for a subcommand, its complaints as that command's usage errors. */
export function parseCommandArgs<const T extends NonNullable<ParseArgsConfig['options']>>(command: string, args: string[], options: T) {
  try {
    return parseArgs<{ args: string[]; allowPositionals: true; options: T }>({ args, allowPositionals: true, options });
  } catch (err) {
    throw usageError(`mailconf ${command}: ${(err as Error).message}`);
  }
}

/** The language of messages, from the locale variables as gettext reads them (es for Spanish, else English). */
export function localeOf(env: NodeJS.ProcessEnv): Locale {
  const lang = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return lang.toLowerCase().startsWith('es') ? 'es' : 'en';
}

export interface CliIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export interface Command {
  name: string;
  summary: string;
  help: string;
  /** Resolves to the exit code. */
  run(args: string[], io: CliIO): Promise<number>;
}
