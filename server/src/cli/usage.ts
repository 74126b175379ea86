// Errors that end the CLI with a message and a chosen exit code, instead of a stack trace.
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
