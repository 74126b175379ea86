// Set-up failures as a person should read them: what failed, and the command or option that
// fixes it. No stack trace: the people who run `npm start` are configuring a mail server, not
// debugging our scripts.

export class SetupError extends Error {
  /**
   * @param {string} what   one sentence: what failed
   * @param {string} fix    the command or option that fixes it
   * @param {string} [details]  evidence worth reading (the tail of a log), printed after the fix
   */
  constructor(what, fix, details) {
    super(what);
    this.name = 'SetupError';
    this.fix = fix;
    this.details = details;
  }
}

// The system errors a set-up step meets in practice, each with its remedy.
const SYSTEM_ERRORS = {
  ENOSPC: (where) => new SetupError(`The disk is full${where ? ` (writing ${where})` : ''}.`, `Free some space, then run the command again; \`df -h ${where ?? '.'}\` shows how much is left.`),
  EACCES: (where) => new SetupError(`Permission denied${where ? ` on ${where}` : ''}.`, 'Run the command as the user who owns the checkout, or fix the ownership: `chown -R "$USER" .`'),
  EROFS: (where) => new SetupError(`The file system is read-only${where ? ` (${where})` : ''}.`, 'Run the command from a writable checkout.'),
};

/** Turns any error thrown during set-up into a SetupError. */
export function asSetupError(err) {
  if (err instanceof SetupError) return err;
  const known = err && SYSTEM_ERRORS[err.code];
  if (known) return known(err.path);
  return new SetupError(String(err?.message ?? err).split('\n')[0], 'Run the command again; if it fails the same way, report the message above.');
}

/** The text printed for a set-up failure. */
export function formatSetupError(err, program) {
  const e = asSetupError(err);
  const lines = [`${program}: ${e.message}`, `  Fix: ${e.fix}`];
  if (e.details) lines.push('', e.details.trimEnd());
  return lines.join('\n');
}

/**
 * Runs a script's main function; a failure prints its explanation and exits 1. A script that is
 * run by hand (not by npm) still gets the same treatment, because set-up scripts are run both ways.
 */
export async function runSetupMain(program, main) {
  try {
    await main();
  } catch (err) {
    console.error(`\n${formatSetupError(err, program)}`);
    process.exit(1);
  }
}
