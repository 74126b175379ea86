// Remote commands are strings that the server's login shell parses, so user values can never be
// pasted into them. Each value is validated (no NUL, no line breaks, no control characters: no
// legitimate Postfix path has them and they are how injections hide) and then single-quoted, which
// leaves nothing for the shell to interpret.
import { SshError } from './errors';

/** POSIX single quoting: 'it'\''s' — the only character that needs care inside '…' is ' itself. */
export function shellQuote(value: string): string {
  if (/^[A-Za-z0-9_./=:,+@%-]+$/.test(value) && !value.startsWith('-')) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** Joins argv into one command line with every element quoted. */
export function commandLine(argv: string[]): string {
  for (const arg of argv) checkArgument(arg, 'argument');
  return argv.map(shellQuote).join(' ');
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x1f\x7f]/;

function checkArgument(value: string, what: string): void {
  if (CONTROL.test(value)) {
    throw new SshError('invalid', `the ${what} contains a control character (line break, tab or NUL): ${JSON.stringify(value)}`);
  }
}

/** An absolute remote path without control characters, with a trailing slash removed. */
export function validateRemotePath(value: string, what: string): string {
  checkArgument(value, what);
  if (!value.startsWith('/')) throw new SshError('invalid', `the ${what} must be an absolute path: ${JSON.stringify(value)}`);
  return value.length > 1 ? value.replace(/\/+$/, '') : value;
}
