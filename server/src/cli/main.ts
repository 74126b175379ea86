// The `mailconf` command line: a thin adapter over the same analyses the language server uses.
import { COMMANDS } from './commands';
import { outputQueued, syncWriter } from './syncOutput';
import { CliIO, EXIT_USAGE, isCliError, usageError } from './usage';

const VERSION = process.env.MAILCONF_VERSION ?? '0.0.0';

function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'Usage: mailconf <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Options:',
    '  -h, --help     show this help, or a command\'s with `mailconf <command> --help`',
    '  -v, --version  print the version',
  ].join('\n');
}

export async function runCli(argv: string[], io: CliIO): Promise<number> {
  try {
    const [first, ...rest] = argv;
    if (first === undefined) {
      io.stderr(mainHelp() + '\n');
      return EXIT_USAGE;
    }
    if (first === '-h' || first === '--help' || first === 'help') {
      io.stdout(mainHelp() + '\n');
      return 0;
    }
    if (first === '-v' || first === '--version') {
      io.stdout(VERSION + '\n');
      return 0;
    }
    const command = COMMANDS.find((c) => c.name === first);
    if (!command) throw usageError(`mailconf: unknown command '${first}'`);
    // postconf has its own -h (values only), like Postfix's postconf.
    if (rest.includes('--help') || (rest.includes('-h') && command.name !== 'postconf')) {
      io.stdout(command.help + '\n');
      return 0;
    }
    return await command.run(rest, io);
  } catch (err) {
    if (isCliError(err)) {
      io.stderr(err.message + '\n');
      return err.exitCode;
    }
    io.stderr(`mailconf: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    return 70;
  }
}

if (require.main === module) {
  const io: CliIO = {
    stdout: syncWriter(1),
    stderr: syncWriter(2),
    env: process.env,
    cwd: process.cwd(),
  };
  void runCli(process.argv.slice(2), io).then((code) => {
    // A command is over when its promise settles. Exiting at once spares Node's tear-down of the
    // heap, some 5 ms of a short run ('exit' handlers, such as the code cache's, still run); only
    // output still queued on a stream (a full non-blocking pipe) is waited for.
    if (outputQueued()) process.exitCode = code;
    else process.exit(code);
  });
}
