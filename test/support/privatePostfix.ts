// What every private Postfix of the test oracles shares: main.cf lines that give it its own
// queue, data and log directories under one directory, keep it on the IPv4 loopback, without
// aliases or DNS; and the uid its data directory must belong to.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/** main.cf lines for a Postfix living under `dir` (its data directory may vary, see smtpdOracle). */
export function privateMainCf(dir: string, dataDirectory = `${dir}/data`): string[] {
  return [
    'compatibility_level = 3.6',
    `queue_directory = ${dir}/spool`,
    `data_directory = ${dataDirectory}`,
    `maillog_file_prefixes = ${dir}/log`,
    `maillog_file = ${dir}/log/postfix.log`,
    'inet_interfaces = 127.0.0.1',
    'inet_protocols = ipv4',
    'alias_maps =',
    'alias_database =',
    'smtp_dns_support_level = disabled',
  ];
}

export function uid(name: string): number {
  return Number(execFileSync('id', ['-u', name], { encoding: 'utf8' }).trim());
}

/** The directories of a private Postfix: etc (main.cf, master.cf), tables, and its log file. */
export class PrivatePostfixDirs {
  constructor(readonly dir: string) {}

  get etc(): string {
    return join(this.dir, 'etc');
  }

  get tablesDir(): string {
    return join(this.dir, 'tables');
  }

  protected get log(): string {
    return join(this.dir, 'log', 'postfix.log');
  }
}
