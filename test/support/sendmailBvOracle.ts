// A private Postfix (own queue, configuration and log directories, no listening port) that says
// where it would deliver mail: `sendmail -bv` submits the addresses as a verification request,
// cleanup and trivial-rewrite treat them as for real mail, and the delivery agents only report.
// Every transport name a configuration may use is a discard(8) service here, whose report text is
// the next hop it was given and whose log name (syslog_name postfix/via-NAME) is the transport; the
// delivery report, mailed to the sender by the trace service, goes through a cleanup that puts it
// on hold, where postcat reads it. A fresh master per configuration: trivial-rewrite caches its
// answers, and a configuration must never be answered by an earlier one's processes.
import { execFile } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { alive } from './machineLock';
import { PrivatePostfixDirs, privateMainCf, uid } from './privatePostfix';

const run = promisify(execFile);

export const SENDMAIL_BV_PACKAGES = ['postfix'];

/** The transports a generated configuration may name; each is a discard service in the oracle. */
export const ORACLE_TRANSPORTS = ['local', 'virtual', 'smtp', 'relay', 'lmtp', 'error', 'retry', 'tp1', 'tp2', 'slow'];

/**
 * The domain of the envelope senders (probe-N@report.invalid): a configuration's sender tables
 * may key on it, never on the local part, so the simulator can be asked with SIMULATED_SENDER.
 */
export const SENDER_DOMAIN = 'report.invalid';
export const SIMULATED_SENDER = `probe@${SENDER_DOMAIN}`;

/** One delivered address as Postfix reported it. */
export interface ReportedDelivery {
  /** The address given to sendmail -bv. */
  original: string;
  /** The address after cleanup and trivial-rewrite. */
  address: string;
  transport: string;
  nexthop: string;
}

export interface BvAnswer {
  deliveries: ReportedDelivery[];
  /** sendmail or the report failed: what was seen instead. */
  failure?: string;
  /** Addresses cleanup refused to accept (the mail would wait in the client's queue). */
  deferred?: string[];
}

export class SendmailBvOracle extends PrivatePostfixDirs {

  static start(dir = `/tmp/mailconf-sendmail-bv-${process.pid}`): SendmailBvOracle {
    rmSync(dir, { recursive: true, force: true });
    for (const d of ['etc', 'spool', 'data', 'log', 'tables']) mkdirSync(join(dir, d), { recursive: true, mode: 0o755 });
    chownSync(join(dir, 'data'), uid('postfix'), uid('postfix'));
    writeFileSync(join(dir, 'etc', 'hold.regexp'), '/^/ HOLD\n');
    return new SendmailBvOracle(dir);
  }

  /** The main.cf lines every configuration starts with (directories, loopback only, no DNS). */
  baseMainCf(): string {
    const d = this.dir;
    return [...privateMainCf(this.dir), ''].join('\n');
  }

  private masterCf(): string {
    const agents = ORACLE_TRANSPORTS.map((t) => `${t} unix - - n - - discard -o syslog_name=postfix/via-${t}`);
    return [
      'pickup unix n - n 60 1 pickup',
      'cleanup unix n - n - 0 cleanup',
      'qmgr unix n - n 300 1 qmgr',
      'rewrite unix - - n - - trivial-rewrite',
      'bounce unix - - n - 0 bounce',
      'defer unix - - n - 0 bounce',
      // The report is internal mail, which header_checks skip unless the sender says otherwise.
      'trace unix - - n - 0 bounce -o cleanup_service_name=holdcleanup -o internal_mail_filter_classes=bounce',
      `holdcleanup unix n - n - 0 cleanup -o header_checks=regexp:${this.etc}/hold.regexp -o canonical_maps= -o recipient_canonical_maps= -o sender_canonical_maps= -o virtual_alias_maps=`,
      'verify unix - - n - 1 verify',
      'proxymap unix - - n - - proxymap',
      'postlog unix-dgram n - n - 1 postlogd',
      ...agents,
      '',
    ].join('\n');
  }

  /**
   * Loads the configuration (main.cf after baseMainCf(), its table files), asks `sendmail -bv`
   * about the addresses and reads the report, then stops that Postfix. When cleanup refuses the
   * message (an alias loop, a table it cannot read), each address is asked on its own, and those
   * cleanup refuses alone are the deferred ones.
   */
  async ask(mainCf: string, files: Record<string, string>, addresses: string[]): Promise<BvAnswer> {
    writeFileSync(join(this.etc, 'main.cf'), mainCf);
    writeFileSync(join(this.etc, 'master.cf'), this.masterCf());
    for (const [path, text] of Object.entries(files)) writeFileSync(path, text);
    await run('postfix', ['-c', this.etc, 'start']);
    try {
      await this.postlogdServing(Date.now() + 15_000);
      const all = await this.submit(addresses);
      if (all === 'cleanup fails') return { deliveries: [], deferred: addresses };
      if (all !== 'deferred') return all;
      const answer: BvAnswer = { deliveries: [], deferred: [] };
      for (const a of addresses) {
        const one = await this.submit([a]);
        if (one === 'deferred' || one === 'cleanup fails') answer.deferred!.push(a);
        else if (one.failure) return one;
        else answer.deliveries.push(...one.deliveries);
      }
      return answer;
    } finally {
      await this.stopMaster();
    }
  }

  private submissions = 0;

  /**
   * One sendmail -bv and its report, 'deferred' when cleanup does not accept the message, or
   * 'cleanup fails' when cleanup stops at start-up (and master then waits before starting another). Each
   * submission has a sender of its own, which names its queue id in pickup's log line and its
   * report in the hold queue, so a late line or report of an earlier one is never taken for it.
   */
  private async submit(addresses: string[]): Promise<BvAnswer | 'deferred' | 'cleanup fails'> {
    const local = `probe-${++this.submissions}`;
    const sender = `${local}@${SENDER_DOMAIN}`;
    const hold = join(this.dir, 'spool', 'hold');
    const maildrop = join(this.dir, 'spool', 'maildrop');
    const logStart = this.logSize();
    const seen = new Set(existsSync(hold) ? readdirSync(hold) : []);
    try {
      await run('sendmail', ['-C', this.etc, '-bv', '-f', sender, '--', ...addresses], { timeout: 20_000 });
    } catch (err) {
      return { deliveries: [], failure: `sendmail -bv failed: ${(err as Error).message}` };
    }
    // The report in the hold queue, or cleanup's refusal in the log (no event for either: a look every 25 ms).
    const until = Date.now() + 20_000;
    for (;;) {
      for (const f of existsSync(hold) ? readdirSync(hold) : []) {
        if (seen.has(f)) continue;
        seen.add(f);
        const report = (await run('postcat', ['-c', this.etc, '-b', '-q', f])).stdout;
        // By local part: sender_canonical_maps may have rewritten the domain.
        if (!report.includes(`X-Postfix-Sender: rfc822; ${local}@`)) continue;
        const parsed = parseReport(report);
        const transports = await this.transportsOf(parsed.queueId, new Set(parsed.entries.map((e) => e.address)).size, logStart);
        return { deliveries: parsed.entries.map((e) => ({ original: e.original, address: e.address, transport: transports.get(e.address) ?? '?', nexthop: e.nexthop })) };
      }
      const log = this.logSince(logStart);
      // cleanup's "message not accepted" warnings, but for a canonical rewriting loop: that one is
      // only warned about (cleanup_map11.c), and the mail goes on with the tenth rewrite.
      const id = new RegExp(`pickup\\[\\d+\\]: (\\w+): uid=\\d+ from=<${sender}>`).exec(log)?.[1];
      const refused = id !== undefined && new RegExp(`${id}: (?!unreasonable \\w*canonical_maps map nesting).*message not accepted, try again later`).test(log);
      const fatal = /cleanup\[\d+\]: fatal: /.test(log);
      if (refused || fatal) {
        // pickup would offer the refused file again: take it out of the maildrop.
        for (const f of readdirSync(maildrop)) rmSync(join(maildrop, f), { force: true });
        return fatal ? 'cleanup fails' : 'deferred';
      }
      if (Date.now() > until) return { deliveries: [], failure: `no report within 20 s; see ${this.log}` };
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  private logSince(offset: number): string {
    return this.logFrom(offset).toString('utf8');
  }

  /** The transport of each delivery, from the discard service's log name, once all are logged. */
  private async transportsOf(queueId: string, count: number, from: number): Promise<Map<string, string>> {
    const until = Date.now() + 10_000;
    for (;;) {
      const text = this.logSince(from);
      const out = new Map<string, string>();
      // By delivered address alone: its transport comes from resolving it, whatever it was expanded from.
      const re = new RegExp(`postfix/via-([\\w-]+)/discard\\[\\d+\\]: ${queueId}: to=<([^>]*)>`, 'g');
      for (const m of text.matchAll(re)) out.set(m[2], m[1]);
      if (out.size >= count || Date.now() > until) return out;
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  /** SIGTERM to the master, which ends its children and exits; SIGKILL to its group after 10 s. */
  private async stopMaster(): Promise<void> {
    const pidFile = join(this.dir, 'spool', 'pid', 'master.pid');
    const pid = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8').trim()) : 0;
    if (!pid || !alive(pid)) return;
    process.kill(pid, 'SIGTERM');
    const until = Date.now() + 10_000;
    while (alive(pid) && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    if (alive(pid)) process.kill(-pid, 'SIGKILL');
  }

  async stop(): Promise<void> {
    await this.stopMaster();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/**
 * The delivery report: its human-readable part has one entry per delivered address, "<final>
 * (expanded from <original>): text", wrapped onto indented lines when long; the machine-readable
 * part has the same entries in the same order, each with its Status and Diagnostic-Code (also
 * folded when long). discard(8) reports its next hop as the diagnostic, without a leading D.S.N.
 * (dsn_split()).
 */
export function parseReport(body: string): { queueId: string; entries: (Omit<ReportedDelivery, 'transport'> & { status: string })[] } {
  const parts = body.replace(/\r/g, '').split(/^--.*$/m);
  const unfold = (text: string) => text.replace(/\n[ \t]+/g, ' ');
  const notification = unfold(parts[1] ?? '');
  const status = unfold(parts[2] ?? '');
  const queueId = /^X-Postfix-Queue-ID: (\S+)/m.exec(status)?.[1] ?? '';
  const named = [...notification.matchAll(/^<(.*?)>(?: \(expanded from <(.*?)>\))?: /gm)].map((m) => ({ address: m[1], original: m[2] ?? m[1] }));
  const blocks = status.split(/\n\n+/).filter((b) => /^Final-Recipient:/m.test(b));
  const entries = named.map((n, i) => {
    const b = blocks[i] ?? '';
    const dsn = /^Status: (\S+)/m.exec(b)?.[1] ?? '?';
    const text = /^Diagnostic-Code: X-Postfix; (.*)$/m.exec(b)?.[1] ?? '?';
    return { ...n, nexthop: text, status: dsn };
  });
  return { queueId, entries };
}

/** A next hop as discard reports it: the text after a leading D.S.N. (its status is reported as 2.0.0, a success). */
export function reportedNexthop(nexthop: string): string {
  return nexthop.replace(/^[245]\.\d{1,3}\.\d{1,3}\s+/, '');
}
