// postconf on the server: `postconf [-n|-x|-M…] -c DIR`, run by absolute path and with every value
// quoted, printing exactly what the server prints.
import type { Client } from 'ssh2';
import { SshError } from './errors';
import { execArgv, type ExecOptions, type ExecResult } from './exec';
import { validateRemotePath } from './shellQuote';

/** The postconf flags we pass through; anything else is refused rather than forwarded. */
export const POSTCONF_FLAGS = ['-n', '-x', '-M', '-nx', '-Mx', '-d', '-h', '-f', '-F', '-P'] as const;
export type PostconfFlag = (typeof POSTCONF_FLAGS)[number];

export function postconfArgv(postconfPath: string, configDir: string, flags: string[]): string[] {
  for (const f of flags) {
    if (!(POSTCONF_FLAGS as readonly string[]).includes(f)) throw new SshError('invalid', `postconf flag not supported here: ${JSON.stringify(f)}`);
  }
  return [validateRemotePath(postconfPath, 'postconf path'), ...flags, '-c', validateRemotePath(configDir, 'config directory')];
}

export function runRemotePostconf(
  client: Client,
  postconfPath: string,
  configDir: string,
  flags: string[],
  opts: ExecOptions = {},
): Promise<ExecResult> {
  return execArgv(client, postconfArgv(postconfPath, configDir, flags), opts);
}
