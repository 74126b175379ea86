// One "pair" of the SASL differential test: a Postfix configuration plus a SASL side (Dovecot's
// auth listener, or Cyrus smtpd.conf with /etc/default/saslauthd), written as a tree like /etc
// under a folder of its own, then run for real on loopback: Postfix with its own queue directory,
// and Dovecot or saslauthd started the way their packages start them. The SMTP probe's AUTH then
// says whether AUTH works. Nothing here reads or writes the machine's /etc: saslauthd's sasldb
// (/etc/sasldb2, fixed at build time) is the pair's own file, bind-mounted in a private mount
// namespace.
import { alive } from '../machineLock';
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeCertificates } from './certificates';
import { UNIX_SERVICES } from './config';
import { portOpen } from './smtpLab';
import { freePort } from '../freePort';

export interface SaslPair {
  name: string;
  method: 'dovecot' | 'cyrus';
  /** The chroot column of the smtpd service in master.cf. */
  chroot: boolean;
  /** smtpd_sasl_security_options (smtpd_sasl_tls_security_options follows it). */
  securityOptions: string;
  /** auth_mechanisms (Dovecot) or mech_list (Cyrus). */
  mechanisms: string;
  dovecot?: {
    /** The unix_listener's path: absolute, or relative to Dovecot's base_dir. '$spool' stands for the queue directory. */
    listener: string;
    /** mode, user and group lines to write (absent ones are not written). */
    mode?: string;
    user?: string;
    group?: string;
  };
  cyrus?: {
    /** Write smtpd.conf at all (else the SASL folder stays empty). */
    appFile: boolean;
    start: 'yes' | 'no' | 'absent';
    /** saslauthd's -m folder; '$spool' and '$root' stand for the queue directory and the pair's folder. */
    socketDir: string;
    /** saslauthd_path in smtpd.conf, or undefined for libsasl's default. Same placeholders. */
    saslauthdPath?: string;
  };
}

export const PAIR_USER = 'alice';
export const PAIR_PASSWORD = 'pair-Pw-51d0';
export const PAIR_HOSTNAME = 'smtp.mail1.org';

export interface RunningPair {
  root: string;
  etc: string;
  spool: string;
  port: number;
  ca: string;
  stop(): Promise<void>;
}

/**
 * Runs a command to its exit without blocking, so that several pairs can start and stop their
 * daemons at once. stdio is ignored: the daemons these commands leave behind would otherwise hold
 * the pipes open, and a wait for them to close would never end.
 */
function run(command: string, args: string[]): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'ignore' });
    child.once('error', reject);
    child.once('exit', (code) => resolve(code));
  });
}

async function mustRun(command: string, args: string[]): Promise<void> {
  const code = await run(command, args);
  if (code !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${code}`);
}

const quietly = (command: string, args: string[]) => run(command, args).then(
  () => undefined,
  () => undefined,
);

const uid = (name: string) => Number(execFileSync('id', ['-u', name], { encoding: 'utf8' }).trim());
const gid = (name: string) => Number(execFileSync('getent', ['group', name], { encoding: 'utf8' }).split(':')[2]);

function fill(text: string, root: string, spool: string): string {
  return text.replace(/\$spool/g, spool).replace(/\$root/g, root);
}


/** Writes the pair's tree under a new folder: ROOT/etc/{postfix,dovecot,default}, ROOT/spool, ... */
export function writePair(pair: SaslPair, port: number, certificates: string): { root: string; etc: string; spool: string } {
  const root = mkdtempSync(join(tmpdir(), 'mailconf-sasl-pair-'));
  // Postfix's daemons (user postfix) must reach their data and log folders inside it.
  chmodSync(root, 0o755);
  const etc = join(root, 'etc');
  const spool = join(root, 'spool');
  for (const d of [join(etc, 'postfix', 'sasl'), join(etc, 'default'), join(etc, 'dovecot'), spool, join(root, 'data'), join(root, 'log'), join(root, 'run')]) mkdirSync(d, { recursive: true, mode: 0o755 });
  chownSync(join(root, 'data'), uid('postfix'), gid('postfix'));
  const tls = certificates;
  writeFileSync(
    join(etc, 'postfix', 'main.cf'),
    `# SASL differential pair ${pair.name} (generated; loopback only)
compatibility_level = 3.6
queue_directory = ${spool}
data_directory = ${root}/data
myhostname = ${PAIR_HOSTNAME}
mydomain = mail1.org
mydestination = mail1.org, localhost
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
mynetworks = 127.0.0.0/8
alias_maps =
alias_database =
smtpd_peername_lookup = no
smtp_dns_support_level = disabled
maillog_file_prefixes = ${root}/log
maillog_file = ${root}/log/postfix.log
smtpd_tls_chain_files = ${tls}/good.key, ${tls}/good.pem
smtpd_tls_security_level = may
smtpd_tls_auth_only = yes
cyrus_sasl_config_path = ${etc}/postfix/sasl
smtpd_sasl_type = ${pair.method}
smtpd_sasl_path = ${pair.method === 'dovecot' ? 'private/auth' : 'smtpd'}
smtpd_sasl_auth_enable = yes
smtpd_sasl_security_options = ${pair.securityOptions}
smtpd_relay_restrictions = permit_sasl_authenticated, reject_unauth_destination
`,
  );
  writeFileSync(join(etc, 'postfix', 'master.cf'), `127.0.0.1:${port} inet n - ${pair.chroot ? 'y' : 'n'} - - smtpd\n${UNIX_SERVICES}`);
  if (pair.dovecot) {
    const d = pair.dovecot;
    const lines = [d.mode && `    mode = ${d.mode}`, d.user && `    user = ${d.user}`, d.group && `    group = ${d.group}`].filter(Boolean).join('\n');
    writeFileSync(join(root, 'users'), `${PAIR_USER}:{PLAIN}${PAIR_PASSWORD}::::::\n`);
    writeFileSync(
      join(etc, 'dovecot', 'dovecot.conf'),
      `# SASL differential pair ${pair.name}: auth-only Dovecot (generated)
protocols =
listen = 127.0.0.1
base_dir = ${root}/run/dovecot
state_dir = ${root}/run/dovecot-state
log_path = ${root}/log/dovecot.log
auth_mechanisms = ${pair.mechanisms}
auth_failure_delay = 0
ssl = no
passdb {
  driver = passwd-file
  args = username_format=%n ${root}/users
}
userdb {
  driver = static
  args = uid=nobody gid=nogroup home=/nonexistent allow_all_users=yes
}
service auth {
  unix_listener ${fill(d.listener, root, spool)} {
${lines}
  }
}
`,
    );
    chownSync(join(root, 'users'), 0, gid('dovecot'));
  }
  if (pair.cyrus) {
    const c = pair.cyrus;
    if (c.appFile)
      writeFileSync(
        join(etc, 'postfix', 'sasl', 'smtpd.conf'),
        `pwcheck_method: saslauthd\nmech_list: ${pair.mechanisms}\n${c.saslauthdPath ? `saslauthd_path: ${fill(c.saslauthdPath, root, spool)}\n` : ''}`,
      );
    writeFileSync(
      join(etc, 'default', 'saslauthd'),
      `${c.start === 'absent' ? '' : `START=${c.start}\n`}DESC="SASL Authentication Daemon"\nNAME="saslauthd"\nMECHANISMS="sasldb"\nMECH_OPTIONS=""\nTHREADS=1\nOPTIONS="-c -m ${fill(c.socketDir, root, spool)}"\n`,
    );
    // The pair's users, in the sasldb saslauthd reads (in every realm libsasl may pass).
    const sasldb = join(root, 'sasldb2');
    for (const realm of ['', PAIR_HOSTNAME, 'mail1.org'])
      execFileSync('saslpasswd2', ['-p', '-c', '-f', sasldb, ...(realm ? ['-u', realm] : []), PAIR_USER], { input: PAIR_PASSWORD });
  }
  return { root, etc, spool };
}


async function until(what: string, test: () => boolean | Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await test())) {
    if (Date.now() > end) throw new Error(`${what} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * What Debian's /etc/init.d/saslauthd does with the defaults file, step by step: nothing without
 * START=yes, the default OPTIONS when empty, no start without -m, the -m folder created, then
 * saslauthd -a $MECHANISMS [-O $MECH_OPTIONS] $OPTIONS -n $THREADS (a daemon: it detaches).
 */
const INIT_LOGIC = `. "$1"
[ "$START" = yes ] || exit 0
[ -n "$OPTIONS" ] || OPTIONS="-c -m /var/run/saslauthd"
RUN_DIR=$(echo "$OPTIONS" | xargs -n 1 echo | sed -n '/^-m$/{n;p}')
[ -n "$RUN_DIR" ] || exit 1
mkdir -p "$RUN_DIR"
[ -n "$MECH_OPTIONS" ] && MECH_OPTIONS="-O $MECH_OPTIONS"
exec saslauthd -a $MECHANISMS $MECH_OPTIONS $OPTIONS -n $THREADS
`;

/** Starts the pair's daemons, its smtpd on `port` or on a free loopback port. */
export async function startPair(pair: SaslPair, wanted?: number): Promise<RunningPair> {
  const port = wanted ?? (await freePort());
  const tlsDir = join(tmpdir(), 'mailconf-sasl-pair-tls');
  mkdirSync(tlsDir, { recursive: true });
  const certs = makeCertificates(tlsDir);
  const { root, etc, spool } = writePair(pair, port, tlsDir);
  const stops: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const s of stops.reverse()) await s().catch(() => undefined);
    rmSync(root, { recursive: true, force: true });
  };
  const gone = (pidFile: string) => {
    const pid = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8').trim()) : 0;
    return () => until(`process ${pid} did not stop`, () => !(pid > 0 && alive(pid)), 10_000);
  };
  try {
    // A daemon left on this port by an earlier run would answer in this pair's place.
    if (await portOpen(port)) throw new Error(`port ${port} is already in use: a pair from an earlier run is still running`);
    await mustRun('postfix', ['-c', join(etc, 'postfix'), 'start']);
    stops.push(async () => {
      const stopped = gone(join(spool, 'pid', 'master.pid'));
      await quietly('postfix', ['-c', join(etc, 'postfix'), 'stop']);
      await stopped();
    });
    // Dovecot creates its listener in Postfix's private folder, which postfix start has to make first.
    await until('postfix did not make its private folder', () => existsSync(join(spool, 'private')));
    if (pair.dovecot) {
      const conf = join(etc, 'dovecot', 'dovecot.conf');
      await mustRun('dovecot', ['-c', conf]);
      stops.push(async () => {
        const stopped = gone(join(root, 'run', 'dovecot', 'master.pid'));
        await quietly('dovecot', ['-c', conf, 'stop']);
        await stopped();
      });
      await until('dovecot did not start', () => existsSync(join(root, 'run', 'dovecot', 'master.pid')));
    }
    if (pair.cyrus) {
      const script = join(root, 'init-logic.sh');
      writeFileSync(script, INIT_LOGIC);
      const defaults = join(etc, 'default', 'saslauthd');
      await quietly('unshare', ['-m', 'sh', '-c', `mount --bind "$0" /etc/sasldb2 && exec sh "$1" "$2"`, join(root, 'sasldb2'), script, defaults]);
      const dir = fill(pair.cyrus.socketDir, root, spool);
      stops.push(async () => {
        const pidFile = join(dir, 'saslauthd.pid');
        if (!existsSync(pidFile)) return;
        const stopped = gone(pidFile);
        const pid = Number(readFileSync(pidFile, 'utf8').trim());
        if (pid > 0) process.kill(pid, 'SIGTERM');
        await stopped();
      });
      if (pair.cyrus.start === 'yes') await until('saslauthd did not start', () => existsSync(join(dir, 'mux')));
    }
    await until('smtpd did not listen', () => portOpen(port));
  } catch (err) {
    await stop();
    throw err;
  }
  return { root, etc, spool, port, ca: certs.good, stop };
}

