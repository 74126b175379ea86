// Errors that end the CLI with a message and a chosen exit code, instead of a stack trace.
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
  }
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
