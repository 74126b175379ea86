// Our own loopback sshd for the remote tests: a real OpenSSH server on a free high port of
// 127.0.0.1, with its own host key, config and authorized_keys (never /etc/ssh), and a test user
// who can log in with a plain key, an encrypted key or a password. Each test process starts its
// own instance and stops it at the end; the user account is shared and made once.
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { appendFileSync, chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import type { ConnectOptions } from '../../../server/src/ssh/connect';
import { SshError } from '../../../server/src/ssh/errors';
import { freePort } from '../freePort';

export const SSHD_PACKAGES = ['openssh-server', 'openssh-client'];
export const SSH_USER = 'mailconf-ssh';
/** Fixtures, distinctive so that tests can grep every output and log for them. */
export const SSH_PASSWORD = 'ssh-Pw-3f9a2c-secret';
export const KEY_PASSPHRASE = 'key-Pp-81d0b6-secret';

export interface TestSshd {
  host: '127.0.0.1';
  port: number;
  user: string;
  password: string;
  passphrase: string;
  dir: string;
  /** Private keys: plain and passphrase-protected (both authorized). */
  key: string;
  encryptedKey: string;
  /** A key that is not authorized, for the agent and failure tests. */
  strangerKey: string;
  /** `ssh-ed25519 AAAA…` of the server's host key, and a different key of the same type. */
  hostKeyLine: string;
  otherHostKeyLine: string;
  /** A known_hosts file with the right key, in the plain `[127.0.0.1]:port` form. */
  knownHosts: string;
  log: string;
  stop(): Promise<void>;
}

/** How a test logs in to `sshd` with its plain key, trusting only its known_hosts. */
export function keyLogin(sshd: TestSshd): ConnectOptions {
  return { host: sshd.host, port: sshd.port, user: sshd.user, auth: { agent: false, identityFile: sshd.key }, hostKeys: { knownHostsFiles: [sshd.knownHosts] } };
}

/** The SshError a connection attempt must end in; fails the test if it succeeds or throws anything else. */
export async function sshRefusal(p: Promise<unknown>): Promise<SshError> {
  try {
    await p;
  } catch (err) {
    assert.ok(err instanceof SshError, `expected an SshError, got ${String(err)}`);
    return err;
  }
  assert.fail('expected the connection to be refused');
}

function keygen(file: string, passphrase = '', comment = 'mailconf-test'): void {
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', passphrase, '-C', comment, '-f', file]);
}

function ensureUser(): void {
  if (spawnSync('id', [SSH_USER], { stdio: 'ignore' }).status !== 0) {
    execFileSync('useradd', ['-m', '-s', '/bin/sh', SSH_USER]);
  }
  execFileSync('chpasswd', { input: `${SSH_USER}:${SSH_PASSWORD}\n` });
}

export interface SshdOptions {
  /** Ask for the password through PAM's keyboard-interactive instead of plain password auth. */
  keyboardInteractive?: boolean;
}

function config(dir: string, port: number, o: SshdOptions): string {
  return `# mailconf test sshd (generated; loopback only)
Port ${port}
ListenAddress 127.0.0.1
HostKey ${dir}/host_ed25519
PidFile ${dir}/sshd.pid
AllowUsers ${SSH_USER}
PermitRootLogin no
PubkeyAuthentication yes
AuthorizedKeysFile ${dir}/authorized_keys
# the keys live under /tmp, which StrictModes would refuse
StrictModes no
PasswordAuthentication ${o.keyboardInteractive ? 'no' : 'yes'}
KbdInteractiveAuthentication ${o.keyboardInteractive ? 'yes' : 'no'}
UsePAM yes
UseDNS no
MaxAuthTries 10
MaxStartups 64
AllowTcpForwarding local
Subsystem sftp internal-sftp
LogLevel VERBOSE
`;
}

function waitListening(child: ChildProcess, port: number, timeoutMs = 15_000): Promise<void> {
  return new Promise((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => fail(new Error(`sshd did not start listening within ${timeoutMs} ms:\n${text}`)), timeoutMs);
    const fail = (err: Error) => {
      clearTimeout(timer);
      child.stderr!.off('data', onData);
      reject(err);
    };
    const onData = (chunk: Buffer) => {
      text += chunk.toString();
      if (text.includes(`Server listening on 127.0.0.1 port ${port}`)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stderr!.on('data', onData);
    child.once('exit', (code) => fail(new Error(`sshd exited with ${code}:\n${text}`)));
  });
}

export async function startSshd(o: SshdOptions = {}): Promise<TestSshd> {
  ensureUser();
  mkdirSync('/run/sshd', { recursive: true, mode: 0o755 });
  // Always under /tmp, not $TMPDIR: the unprivileged login user must be able to reach
  // authorized_keys, and a test runner's TMPDIR may sit inside a 0700 directory (code-server's does).
  const dir = mkdtempSync(join('/tmp', 'mailconf-sshd-'));
  chmodSync(dir, 0o755);
  keygen(join(dir, 'host_ed25519'), '', 'host');
  keygen(join(dir, 'other_host_ed25519'), '', 'other-host');
  keygen(join(dir, 'user_ed25519'));
  keygen(join(dir, 'user_encrypted_ed25519'), KEY_PASSPHRASE);
  keygen(join(dir, 'stranger_ed25519'));
  const pub = (name: string) => readFileSync(join(dir, `${name}.pub`), 'utf8').trim();
  writeFileSync(join(dir, 'authorized_keys'), `${pub('user_ed25519')}\n${pub('user_encrypted_ed25519')}\n`, { mode: 0o644 });
  const port = await freePort();
  writeFileSync(join(dir, 'sshd_config'), config(dir, port, o));
  execFileSync('/usr/sbin/sshd', ['-t', '-f', join(dir, 'sshd_config')]);
  const log = join(dir, 'sshd.log');
  const hostKeyLine = pub('host_ed25519').split(' ').slice(0, 2).join(' ');
  const otherHostKeyLine = pub('other_host_ed25519').split(' ').slice(0, 2).join(' ');
  const knownHosts = join(dir, 'known_hosts');
  writeFileSync(knownHosts, `[127.0.0.1]:${port} ${hostKeyLine}\n`);

  // -D: stay in the foreground as our child; -e: log to stderr, which we also keep in a file.
  const child = spawn('/usr/sbin/sshd', ['-D', '-e', '-f', join(dir, 'sshd_config')], { stdio: ['ignore', 'ignore', 'pipe'] });
  writeFileSync(log, '');
  child.stderr!.on('data', (c: Buffer) => {
    if (child.exitCode === null && !child.killed) appendFileSync(log, c);
  });
  await waitListening(child, port);

  return {
    host: '127.0.0.1',
    port,
    user: SSH_USER,
    password: SSH_PASSWORD,
    passphrase: KEY_PASSPHRASE,
    dir,
    key: join(dir, 'user_ed25519'),
    encryptedKey: join(dir, 'user_encrypted_ed25519'),
    strangerKey: join(dir, 'stranger_ed25519'),
    hostKeyLine,
    otherHostKeyLine,
    knownHosts,
    log,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve(cleanup(dir));
        child.once('exit', () => resolve(cleanup(dir)));
        child.kill('SIGTERM');
      }),
  };
}

function cleanup(dir: string): void {
  if (!process.env.MAILCONF_KEEP_SSHD) rmSync(dir, { recursive: true, force: true });
}

export interface TestAgent {
  socket: string;
  stop(): Promise<void>;
}

/** A private ssh-agent holding `keys`, on a socket in `dir`; the caller stops it. */
export async function startAgent(dir: string, keys: string[]): Promise<TestAgent> {
  const socket = join(dir, `agent-${process.pid}.sock`);
  const child = spawn('ssh-agent', ['-D', '-a', socket], { stdio: ['ignore', 'pipe', 'pipe'] });
  await new Promise<void>((resolve, reject) => {
    let text = '';
    child.stdout!.on('data', (c: Buffer) => {
      text += c.toString();
      // ssh-agent prints the variable assignment once its socket is listening.
      if (text.includes('SSH_AUTH_SOCK=')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`ssh-agent exited with ${code}`)));
  });
  for (const k of keys) execFileSync('ssh-add', ['-q', k], { env: { ...process.env, SSH_AUTH_SOCK: socket }, stdio: 'ignore' });
  return {
    socket,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Writes a copy of `knownHosts` with every host name hashed by OpenSSH's own ssh-keygen -H. */
export function hashedCopy(knownHosts: string, to: string): string {
  writeFileSync(to, readFileSync(knownHosts));
  execFileSync('ssh-keygen', ['-q', '-H', '-f', to], { stdio: 'ignore' });
  rmSync(`${to}.old`, { force: true });
  return to;
}
