// Rebuilding the aliases database on a server after an aliases file was saved there over SSH.
// Postfix reads the compiled table (aliases.db), never the text, so an edit changes nothing until
// it is rebuilt. /etc/aliases is rebuilt with newaliases, i.e. Postfix's `sendmail -bi`, which
// compiles every alias_database of the configuration; any other aliases file with `postalias`,
// which compiles exactly that file. Both are run by absolute path next to the configured postconf
// (a non-root PATH often lacks /usr/sbin), with the configuration directory passed explicitly, and
// every value goes through commandLine()'s quoting.
import { posix } from 'node:path';
import type { Client } from 'ssh2';
import { execArgv, type ExecOptions, type ExecResult } from './exec';
import { validateRemotePath } from './shellQuote';
import type { SshTarget } from './target';

export interface AliasRebuild {
  /** What the user is told runs: "newaliases" or "postalias /path". */
  label: string;
  argv: string[];
}

export const SYSTEM_ALIASES = '/etc/aliases';

/** Whether a saved server file is an aliases source that needs rebuilding. */
export function isAliasesFile(path: string): boolean {
  return path === SYSTEM_ALIASES || /(^|\/)aliases$/.test(path);
}

export function aliasRebuildCommand(target: Pick<SshTarget, 'postconfPath' | 'configDir'>, aliasesPath: string): AliasRebuild {
  const bin = posix.dirname(validateRemotePath(target.postconfPath, 'postconf path'));
  const configDir = validateRemotePath(target.configDir, 'config directory');
  const file = validateRemotePath(aliasesPath, 'aliases file');
  if (file === SYSTEM_ALIASES) return { label: 'newaliases', argv: [posix.join(bin, 'sendmail'), '-C', configDir, '-bi'] };
  return { label: `postalias ${file}`, argv: [posix.join(bin, 'postalias'), '-c', configDir, file] };
}

export async function runAliasRebuild(
  client: Client,
  target: Pick<SshTarget, 'postconfPath' | 'configDir'>,
  aliasesPath: string,
  opts: ExecOptions = {},
): Promise<ExecResult & { label: string }> {
  const { label, argv } = aliasRebuildCommand(target, aliasesPath);
  return { label, ...(await execArgv(client, argv, { timeoutMs: 60_000, ...opts })) };
}
