// A private Postfix on loopback that answers the simulator's questions for real: each batch of
// generated configurations becomes a main.cf and a master.cf with one smtpd service per
// configuration, on ports no earlier batch used. The sessions go
// through XCLIENT (client address, name and SASL login), then EHLO, MAIL, RCPT and DATA, and
// every reply line is kept. Each batch gets a fresh master, and its own trivial-rewrite and
// cleanup service names, so no process of an earlier batch answers for a later one. SASL is served by a stand-in
// for Dovecot's auth socket that offers PLAIN: XCLIENT LOGIN needs no password, but smtpd refuses
// to start with SASL enabled and no mechanism.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer, Server, Socket } from 'node:net';
import { join } from 'node:path';
import { connect as tlsConnect, TLSSocket } from 'node:tls';
import { makeCertificates } from './lab/certificates';
import { alive, releaseMachineLock, takeMachineLock } from './machineLock';
import { portOpen } from './lab/smtpLab';
import { PrivatePostfixDirs, privateMainCf, uid } from './privatePostfix';

export const ORACLE_PACKAGES = ['postfix'];

export interface OracleSession {
  address: string;
  /** undefined: the client has no verified name. */
  hostname?: string;
  helo?: string;
  /** Sent as XCLIENT LOGIN. */
  login?: string;
  /** STARTTLS before XCLIENT. */
  tls?: boolean;
  sender: string;
  recipients: string[];
}

/** The reply lines (first line of multi-line replies), in order: connect, EHLO, MAIL, RCPT..., DATA. */
export interface OracleTranscript {
  replies: { command: string; line: string }[];
  /** smtpd exited at start with this fatal error instead of answering. */
  fatal?: string;
  /** The session could not be set up through XCLIENT (why). */
  notReproduced?: string;
}

export interface OracleBatch {
  /** Lines the generator's main.cf is appended to (directories, loopback, XCLIENT). */
  mainCf: string;
  masterCf: string;
  /** Files the configuration names (lookup tables), written before the reload. */
  files: Record<string, string>;
}

/** xtext (RFC 3461) as XCLIENT wants its values. */
function xtext(s: string): string {
  return [...Buffer.from(s, 'utf8')].map((b) => (b < 33 || b > 126 || b === 43 || b === 61 ? `+${b.toString(16).toUpperCase().padStart(2, '0')}` : String.fromCharCode(b))).join('');
}

export class SmtpdOracle extends PrivatePostfixDirs {
  private batch = 0;
  private auth?: Server;
  private logOffset = 0;
  /** How far fatalSince() has read the log, the unfinished line it stopped in, and what it found. */
  private scan = { offset: 0, partial: Buffer.alloc(0), fatals: new Map<number, string>() };

  private constructor(
    dir: string,
    readonly portBase: number,
    /** The name server Postfix asks (see startMaster()), when a test serves DNS answers. */
    private readonly nameserver?: string,
  ) {
    super(dir);
  }

  static async start(dir = `/tmp/mailconf-smtpd-oracle-${process.pid}`, portBase = Number(process.env.MAILCONF_ORACLE_PORT_BASE ?? 14100), options: { nameserver?: string } = {}): Promise<SmtpdOracle> {
    await takeLock();
    const o = new SmtpdOracle(dir, portBase, options.nameserver);
    rmSync(dir, { recursive: true, force: true });
    for (const d of ['etc', 'spool', 'data0', 'log', 'tables', 'tls']) mkdirSync(join(dir, d), { recursive: true, mode: 0o755 });
    makeCertificates(join(dir, 'tls'));
    chownSync(join(dir, 'data0'), uid('postfix'), uid('postfix'));
    o.writeConfig({ mainCf: '', masterCf: '', files: {} }, 0);
    o.startMaster();
    mkdirSync(join(dir, 'spool', 'private'), { recursive: true });
    await o.startAuth();
    return o;
  }

  private skipped = 0;

  /**
   * The ports of the next batch's services: base + 20 * block + i, in the first block from the
   * next batch on where nothing listens yet (another suite's server, or an smtpd left over by a
   * killed run, would answer in smtpd's place).
   */
  nextPorts(count: number): number[] {
    const busy = listeningPorts();
    for (;;) {
      const first = this.portBase + 20 * (this.batch + 1 + this.skipped);
      const ports = Array.from({ length: count }, (_, i) => first + i);
      if (!ports.some((p) => busy.has(p))) return ports;
      this.skipped++;
    }
  }

  /** The main.cf lines every configuration carries, before its own. */
  baseMainCf(batch = this.batch + 1): string {
    const d = this.dir;
    return [
      // A data directory per batch: tlsmgr's PRNG exchange file, locked by the last master's
      // tlsmgr while it shuts down, would hold up the new one (and smtpd's first greeting).
      ...privateMainCf(d, `${d}/data${batch}`),
      'relayhost = [127.0.0.1]:9',
      'smtpd_authorized_xclient_hosts = 127.0.0.0/8',
      `smtpd_tls_chain_files = ${d}/tls/good.key, ${d}/tls/good.pem`,
      'smtpd_tls_security_level = may',
      'smtpd_sasl_type = dovecot',
      'smtpd_sasl_path = private/auth-sim',
      'smtpd_client_connection_rate_limit = 0',
      'smtpd_error_sleep_time = 0',
      'smtpd_soft_error_limit = 1000',
      'smtpd_hard_error_limit = 1000',
      `rewrite_service_name = rewrite${batch}`,
      `cleanup_service_name = cleanup${batch}`,
      '',
    ].join('\n');
  }

  private baseMasterCf(batch: number): string {
    return [
      `cleanup${batch} unix n - n - 0 cleanup`,
      `rewrite${batch} unix - - n - - trivial-rewrite`,
      'bounce unix - - n - 0 bounce',
      'defer unix - - n - 0 bounce',
      'trace unix - - n - 0 bounce',
      'proxymap unix - - n - - proxymap',
      'anvil unix - - n - 1 anvil',
      // smtpd takes the entropy for TLS from tlsmgr; without it STARTTLS is refused.
      'tlsmgr unix - - n 1000? 1 tlsmgr',
      // postlogd lives as long as the master: one that exits on its own leaves the log socket
      // to fill up with nobody to start a new one but a master blocked writing to it.
      'postlog unix-dgram n - n - 1 postlogd -o max_idle=3600 -o max_use=100000000',
      '',
    ].join('\n');
  }

  private writeConfig(b: OracleBatch, batch: number): void {
    for (const [path, text] of Object.entries(b.files)) writeFileSync(path, text);
    writeFileSync(join(this.etc, 'main.cf'), b.mainCf || this.baseMainCf(batch));
    writeFileSync(join(this.etc, 'master.cf'), b.masterCf + this.baseMasterCf(batch));
  }

  /** Loads a batch (whose main.cf starts with baseMainCf() and whose services use nextPorts()). */
  async load(b: OracleBatch, ports: number[]): Promise<void> {
    this.batch++;
    const data = join(this.dir, `data${this.batch}`);
    mkdirSync(data, { recursive: true });
    chownSync(data, uid('postfix'), uid('postfix'));
    this.writeConfig(b, this.batch);
    this.logOffset = this.logSize();
    this.scan = { offset: this.logOffset, partial: Buffer.alloc(0), fatals: new Map() };
    // A fresh master per batch rather than `postfix reload`: at a reload postlogd restarts, and
    // a master that logs while the log socket is full waits for postlogd, which only it can start.
    this.stopMaster();
    this.startMaster();
    const until = Date.now() + 15_000;
    await this.postlogdServing(until);
    for (const port of ports) {
      while (!(await portOpen(port))) {
        if (Date.now() > until) throw new Error(`the oracle's port ${port} did not open; see ${this.log}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    }
  }

  /** What Postfix logged since the batch was loaded. */
  logSinceLoad(): string {
    return this.logFrom(this.logOffset).toString('utf8');
  }

  /**
   * Starts the master. With a name server, in a mount namespace of its own where /etc/resolv.conf
   * names only that server, so smtpd's DNS lookups reach the test's answers and nothing else,
   * while the machine's resolver stays as it is.
   */
  private startMaster(): void {
    if (!this.nameserver) {
      execFileSync('postfix', ['-c', this.etc, 'start'], { stdio: 'ignore' });
      return;
    }
    const resolvConf = join(this.dir, 'resolv.conf');
    writeFileSync(resolvConf, `nameserver ${this.nameserver}\noptions timeout:2 attempts:1\n`);
    execFileSync('unshare', ['--mount', '--propagation', 'private', 'sh', '-c', 'mount --bind "$1" /etc/resolv.conf && exec postfix -c "$2" start', 'sh', resolvConf, this.etc], { stdio: 'ignore' });
  }

  /** Stops the master and waits until it is gone (killing it after 15 s). */
  private stopMaster(): void {
    const pidFile = join(this.dir, 'spool', 'pid', 'master.pid');
    const pid = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8').trim()) : 0;
    if (!pid || !alive(pid)) return;
    spawnSync('postfix', ['-c', this.etc, 'stop'], { stdio: 'ignore', timeout: 15_000 });
    const until = Date.now() + 15_000;
    while (alive(pid) && Date.now() < until) spawnSync('sleep', ['0.05']);
    // The whole process group: smtpd children left behind would keep the ports.
    if (alive(pid)) process.kill(-pid, 'SIGKILL');
  }

  /**
   * The fatal error the service's smtpd logged since the batch was loaded, if any. Services are
   * told apart by their syslog_name, postfix/p<port> (see serviceLines()).
   *
   * Every client waiting for a reply asks every 50 ms, so only what the log gained since the last
   * call is read: reading it all each time kept the test's one thread busy for longer than a
   * reply's deadline on a slow machine.
   */
  private fatalSince(port: number): string | undefined {
    const added = this.logFrom(this.scan.offset);
    this.scan.offset += added.length;
    const text = Buffer.concat([this.scan.partial, added]);
    const end = text.lastIndexOf(0x0a) + 1;
    this.scan.partial = text.subarray(end);
    for (const m of text.subarray(0, end).toString('utf8').matchAll(/postfix\/p(\d+)\/smtpd\[\d+\]: fatal: (.*)/g)) {
      if (!this.scan.fatals.has(Number(m[1]))) this.scan.fatals.set(Number(m[1]), m[2]);
    }
    return this.scan.fatals.get(port);
  }

  async session(port: number, s: OracleSession): Promise<OracleTranscript> {
    let c = await SmtpLineClient.open(port, () => this.fatalSince(port));
    try {
      const out: OracleTranscript = { replies: [] };
      const banner = await c.reply();
      if (banner.fatal) return { replies: [], fatal: banner.fatal };
      if (!banner.line.startsWith('220')) throw new Error(`the oracle's own connection was refused: ${banner.line}`);
      if (s.tls) {
        // STARTTLS first, as the oracle's own client: XCLIENT then keeps the encryption.
        const ehlo = await c.command('EHLO tls.oracle.invalid');
        const go = ehlo.line.startsWith('250') ? await c.command('STARTTLS') : ehlo;
        if (!go.line.startsWith('220')) return { replies: [], notReproduced: `STARTTLS before XCLIENT: ${go.line}` };
        c = await c.startTls();
      }
      const name = s.hostname === undefined ? '[UNAVAILABLE]' : xtext(s.hostname);
      const attrs = [`ADDR=${xtext(s.address)}`, `NAME=${name}`, `REVERSE_NAME=${name}`, ...(s.login ? [`LOGIN=${xtext(s.login)}`] : [])];
      const step = async (command: string, shown = command) => {
        const r = await c.command(command);
        out.replies.push({ command: shown, line: r.line });
        return r.line;
      };
      await step(`XCLIENT ${attrs.join(' ')}`, 'connect');
      if (s.helo !== undefined) await step(`EHLO ${s.helo}`);
      await step(`MAIL FROM:<${s.sender}>`);
      for (const r of s.recipients) await step(`RCPT TO:<${r}>`);
      await step('DATA');
      return out;
    } finally {
      c.close();
    }
  }

  /** A stand-in for Dovecot's auth listener: the handshake, with PLAIN offered. */
  private async startAuth(): Promise<void> {
    const path = join(this.dir, 'spool', 'private', 'auth-sim');
    rmSync(path, { force: true });
    this.auth = createServer((sock) => {
      sock.on('error', () => undefined);
      sock.write(`VERSION\t1\t2\nMECH\tPLAIN\tplaintext\nSPID\t${process.pid}\nCUID\t1\nCOOKIE\t${'0'.repeat(32)}\nDONE\n`);
    });
    await new Promise<void>((resolve) => this.auth!.listen(path, resolve));
    chmodSync(path, 0o666);
  }

  stop(): void {
    this.stopMaster();
    this.auth?.close();
    rmSync(this.dir, { recursive: true, force: true });
    releaseMachineLock(LOCK);
  }
}

/** The master.cf line of a service under test and the -o that names it in the log. */
export function serviceLines(port: number, options: string[]): string {
  return [`127.0.0.1:${port} inet n - n - - smtpd`, `  -o syslog_name=postfix/p${port}`, ...options.map((o) => `  ${o}`)].join('\n') + '\n';
}

// One oracle at a time on this machine: they share the port range, and two test processes (a
// filtered `npm test` and a direct run) may start one each. A lock left by a dead process is taken over.
const LOCK = '/tmp/mailconf-smtpd-oracle.lock';

async function takeLock(): Promise<void> {
  await takeMachineLock(LOCK, {
    // A run killed before its after() hook: stop the Postfix it left running.
    onStale: (owner) => {
      const etc = `/tmp/mailconf-smtpd-oracle-${owner}/etc`;
      if (existsSync(etc)) spawnSync('postfix', ['-c', etc, 'stop'], { stdio: 'ignore', timeout: 15_000 });
      rmSync(`/tmp/mailconf-smtpd-oracle-${owner}`, { recursive: true, force: true });
    },
  });
}

/** TCP ports something listens on, from `ss -ltn`. */
function listeningPorts(): Set<number> {
  const out = spawnSync('ss', ['-ltnH'], { encoding: 'utf8' }).stdout ?? '';
  return new Set(out.split('\n').map((l) => Number(/:(\d+)\s/.exec(l)?.[1])).filter((n) => n > 0));
}

/** Reads SMTP replies line by line; waits for a reply or, at the greeting, for smtpd's fatal exit. */
class SmtpLineClient {
  private buffer = '';
  private waiting?: () => void;
  private closed = false;

  private constructor(
    private readonly socket: Socket | TLSSocket,
    private readonly fatal: () => string | undefined,
  ) {
    socket.setEncoding('utf8');
    socket.on('data', (d: string) => {
      this.buffer += d;
      this.waiting?.();
    });
    socket.on('close', () => {
      this.closed = true;
      this.waiting?.();
    });
    socket.on('error', () => undefined);
  }

  /** Hands the connection to TLS (after smtpd's 220 to STARTTLS) and reads from that. */
  startTls(): Promise<SmtpLineClient> {
    this.socket.removeAllListeners('data');
    this.socket.removeAllListeners('close');
    return new Promise((resolve, reject) => {
      const t = tlsConnect({ socket: this.socket, rejectUnauthorized: false });
      t.once('secureConnect', () => resolve(new SmtpLineClient(t, this.fatal)));
      t.once('error', reject);
    });
  }

  static open(port: number, fatal: () => string | undefined): Promise<SmtpLineClient> {
    return new Promise((resolve, reject) => {
      const s = connect({ host: '127.0.0.1', port });
      s.once('connect', () => resolve(new SmtpLineClient(s, fatal)));
      s.once('error', reject);
    });
  }

  /** The next complete reply's first line. */
  async reply(): Promise<{ line: string; fatal?: string }> {
    const until = Date.now() + 20_000;
    for (;;) {
      const lines = this.buffer.split('\r\n');
      // A reply ends with a line whose fourth character is a blank.
      const end = lines.findIndex((l, i) => i < lines.length - 1 && (l.length < 4 || l[3] !== '-'));
      if (end >= 0) {
        const first = lines[0];
        this.buffer = lines.slice(end + 1).join('\r\n');
        return { line: first };
      }
      const fatal = this.fatal();
      if (fatal) return { line: '', fatal };
      if (this.closed) return { line: '' };
      if (Date.now() > until) throw new Error(`no reply from the oracle within 20 s to ${this.last ?? 'the greeting'}`);
      // Data, the end of the connection, or (no event for smtpd's exit) a log check every 50 ms.
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, 50);
        this.waiting = () => {
          clearTimeout(t);
          resolve();
        };
      });
      this.waiting = undefined;
    }
  }

  private last?: string;

  async command(line: string): Promise<{ line: string }> {
    if (this.closed) return { line: '' };
    this.last = line;
    this.socket.write(line + '\r\n');
    return this.reply();
  }

  close(): void {
    this.socket.destroy();
  }
}
