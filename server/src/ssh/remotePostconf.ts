// postconf on the server: `postconf [-n|-x|-M…] [-c DIR]`, run by absolute path and with every value
// quoted, printing exactly what the server prints.
import type { Client } from 'ssh2';
import { SshError } from './errors';
import { execArgv, type ExecOptions, type ExecResult } from './exec';
import { validateRemotePath } from './shellQuote';

/** The read-only postconf flags we pass through (-e, -X, -# would edit); anything else is refused. */
export const POSTCONF_FLAGS = 'nxMdhfFPH';

/** Parameter names, or service patterns such as smtp/inet for -M. */
const NAME = /^[A-Za-z0-9_][A-Za-z0-9_./-]*$/;

/** Without a configDir no -c is passed: postconf then reads its own default, and -n prints no config_directory line. */
export function postconfArgv(postconfPath: string, configDir: string | undefined, flags: string[], names: string[] = []): string[] {
  for (const f of flags) {
    if (!/^-[A-Za-z]+$/.test(f) || [...f.slice(1)].some((c) => !POSTCONF_FLAGS.includes(c))) {
      throw new SshError('invalid', `postconf flag not supported here: ${JSON.stringify(f)}`);
    }
  }
  for (const n of names) if (!NAME.test(n)) throw new SshError('invalid', `not a parameter name or service: ${JSON.stringify(n)}`);
  const dir = configDir === undefined ? [] : ['-c', validateRemotePath(configDir, 'config directory')];
  return [validateRemotePath(postconfPath, 'postconf path'), ...flags, ...dir, ...names];
}

export function runRemotePostconf(
  client: Client,
  postconfPath: string,
  configDir: string | undefined,
  flags: string[],
  opts: ExecOptions & { names?: string[] } = {},
): Promise<ExecResult> {
  return execArgv(client, postconfArgv(postconfPath, configDir, flags, opts.names), opts);
}
