// What every private Postfix of the test oracles shares: main.cf lines that give it its own
// queue, data and log directories under one directory, keep it on the IPv4 loopback, without
// aliases or DNS; and the uid its data directory must belong to.
import { execFileSync } from 'node:child_process';
import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
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

  /** The log's size in bytes (0 before Postfix first writes it). */
  protected logSize(): number {
    try {
      return statSync(this.log).size;
    } catch {
      return 0;
    }
  }

  /**
   * The log from byte `offset` to its current end, reading only that part: with debug_peer_list
   * a batch logs megabytes, and the oracles look at the log again and again while they wait.
   */
  protected logFrom(offset: number): Buffer {
    let fd: number;
    try {
      fd = openSync(this.log, 'r');
    } catch {
      return Buffer.alloc(0);
    }
    try {
      const tail = Buffer.alloc(Math.max(fstatSync(fd).size - offset, 0));
      return tail.subarray(0, readSync(fd, tail, 0, tail.length, offset));
    } finally {
      closeSync(fd);
    }
  }

  private markers = 0;

  /**
   * Waits until postlogd has written a line of ours, so that it is past its start-up before the
   * daemons log much: until then postlogd logs into its own datagram socket (it reads it only once
   * started), and when the daemons (smtpds verbose under debug_peer_list, warnings about repeated
   * main.cf entries) filled that socket first (10 datagrams on Linux), postlogd's own warnings
   * blocked it for good, and every daemon with it: the smtpd oracle's rare "no greeting".
   */
  protected async postlogdServing(until: number): Promise<void> {
    const from = this.logSize();
    const marker = `mailconf oracle ${process.pid} ready ${++this.markers}`;
    // postlog blocks while the log socket is full and nobody reads it: bounded by the same deadline.
    execFileSync('postlog', ['-c', this.etc, '-t', 'mailconf-oracle', marker], { stdio: 'ignore', timeout: Math.max(1000, until - Date.now()) });
    while (!this.logFrom(from).toString('utf8').includes(marker)) {
      if (Date.now() > until) throw new Error(`postlogd did not start for the oracle; see ${this.log}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}
