// Starts (or reuses) the loopback mail lab: real Postfix + Dovecot SASL, configured from config.ts.
// Idempotent and quick: certificates are made once and kept, a lab already running with the same
// configuration is reused as is, and only the caller that started it stops it. A lock directory
// keeps two test processes from starting it at the same time.
import { alive } from '../machineLock';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash, randomUUID } from 'node:crypto';
import { chownSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { dovecotConf, LAB_HOSTNAME, LAB_USER, labPorts, mainCf, masterCf, type LabPaths, type LabPorts } from './config';
import { makeCertificates } from './certificates';

export { LAB_HOSTNAME, LAB_USER } from './config';
export type { LabPorts } from './config';

/** The lab user's password: a fixture, distinctive so that tests can grep output for it. */
export const LAB_PASSWORD = 'lab-Pw-7c41e9-secret';

export interface SmtpLab {
  ports: LabPorts;
  host: '127.0.0.1';
  servername: string;
  user: string;
  password: string;
  /** PEM of the good lab certificate (self-signed), to pass as the trusted CA. */
  ca: string;
  /** PEM of all three lab certificates. */
  caAll: string;
  paths: LabPaths;
  /** Whether this call started the lab (then stop() stops it). */
  started: boolean;
  stop(): void;
}

export const LAB_PACKAGES = ['postfix', 'dovecot-core', 'openssl'];

function paths(dir: string): LabPaths {
  return {
    dir,
    etc: join(dir, 'etc'),
    spool: join(dir, 'spool'),
    data: join(dir, 'data'),
    log: join(dir, 'log'),
    tls: join(dir, 'tls'),
    dovecotConf: join(dir, 'dovecot.conf'),
    users: join(dir, 'users'),
  };
}

function uid(name: string): number {
  return Number(execFileSync('id', ['-u', name], { encoding: 'utf8' }).trim());
}
function gid(name: string): number {
  return Number(execFileSync('getent', ['group', name], { encoding: 'utf8' }).split(':')[2]);
}

function postfixRunning(p: LabPaths): boolean {
  return spawnSync('postfix', ['-c', p.etc, 'status'], { stdio: 'ignore' }).status === 0;
}

function dovecotRunning(p: LabPaths): boolean {
  const pidFile = join(p.dir, 'run', 'dovecot', 'master.pid');
  if (!existsSync(pidFile)) return false;
  try {
    process.kill(Number(readFileSync(pidFile, 'utf8').trim()), 0);
    return true;
  } catch {
    return false;
  }
}

function stopDaemons(p: LabPaths): void {
  if (existsSync(join(p.etc, 'main.cf')) && postfixRunning(p)) spawnSync('postfix', ['-c', p.etc, 'stop'], { stdio: 'ignore' });
  if (dovecotRunning(p)) spawnSync('dovecot', ['-c', p.dovecotConf, 'stop'], { stdio: 'ignore' });
  // Both return before their master process is gone; a start right after must not find it alive.
  const until = Date.now() + 10_000;
  while ((postfixRunning(p) || dovecotRunning(p)) && Date.now() < until) spawnSync('sleep', ['0.05']);
}

/** Makes Dovecot start its auth process now, so that the first AUTH of a test is not the slow one. */
function warmUpAuth(p: LabPaths): void {
  spawnSync('doveadm', ['-c', p.dovecotConf, 'auth', 'test', LAB_USER, LAB_PASSWORD], { stdio: 'ignore', timeout: 10_000 });
}

export function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect({ host: '127.0.0.1', port });
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

async function waitReady(p: LabPaths, ports: LabPorts, timeoutMs = 15_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const open = await Promise.all(Object.values(ports).map(portOpen));
    if (open.every(Boolean) && existsSync(join(p.spool, 'private', 'auth'))) return;
    if (Date.now() > until) throw new Error(`the SMTP lab did not come up within ${timeoutMs} ms; see ${p.log}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function withLock<T>(dir: string, fn: () => Promise<T>): Promise<T> {
  const lock = `${dir}.lock`;
  const until = Date.now() + 60_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // a lock left by a killed process is stale after a minute
      if (Date.now() - statSync(lock, { throwIfNoEntry: false })!.mtimeMs > 60_000) rmSync(lock, { recursive: true, force: true });
      if (Date.now() > until) throw new Error(`the SMTP lab lock ${lock} is held`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

export async function startSmtpLab(dir = process.env.MAILCONF_LAB_DIR ?? '/tmp/mailconf-smtp-lab'): Promise<SmtpLab> {
  const p = paths(dir);
  const ports = labPorts();
  return withLock(dir, async () => {
    for (const d of [p.dir, p.etc, p.spool, p.data, p.log, p.tls, join(p.dir, 'run')]) mkdirSync(d, { recursive: true, mode: 0o755 });
    chownSync(p.data, uid('postfix'), gid('postfix'));
    const certs = makeCertificates(p.tls);

    const files: [string, string][] = [
      [join(p.etc, 'main.cf'), mainCf(p)],
      [join(p.etc, 'master.cf'), masterCf(p, ports)],
      [p.dovecotConf, dovecotConf(p)],
      [p.users, `${LAB_USER}:{PLAIN}${LAB_PASSWORD}::::::\n`],
    ];
    const stamp = createHash('sha256').update(JSON.stringify(files)).digest('hex');
    const stampFile = join(p.dir, 'stamp');
    const same = existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp;
    let started = false;
    if (!same || !postfixRunning(p) || !dovecotRunning(p)) {
      stopDaemons(p);
      for (const [f, text] of files) writeFileSync(f, text);
      chownSync(p.users, 0, gid('dovecot'));
      execFileSync('chmod', ['640', p.users]);
      execFileSync('postfix', ['-c', p.etc, 'start'], { stdio: 'ignore' });
      execFileSync('dovecot', ['-c', p.dovecotConf], { stdio: 'ignore' });
      writeFileSync(stampFile, stamp);
      started = true;
    }
    await waitReady(p, ports);
    if (started) warmUpAuth(p);
    const user = register(p);
    return {
      ports,
      host: '127.0.0.1' as const,
      servername: LAB_HOSTNAME,
      user: LAB_USER,
      password: LAB_PASSWORD,
      ca: certs.good,
      caAll: certs.good + certs.expired + certs.wrong,
      paths: p,
      started,
      stop: () => leave(dir, p, user),
    };
  });
}

// Test files run in parallel processes and share one lab: each registers itself, and the daemons
// stop only when the last live user leaves, so no process pulls the lab from under another.
function clientsDir(p: LabPaths): string {
  return join(p.dir, 'clients');
}

function register(p: LabPaths): string {
  mkdirSync(clientsDir(p), { recursive: true });
  const file = join(clientsDir(p), `${process.pid}-${randomUUID()}`);
  writeFileSync(file, '');
  return file;
}

function leave(dir: string, p: LabPaths, user: string): void {
  withLockSync(dir, () => {
    rmSync(user, { force: true });
    const others = readdirSync(clientsDir(p)).filter((f) => {
      if (alive(Number(f.split('-')[0]))) return true;
      rmSync(join(clientsDir(p), f), { force: true });
      return false;
    });
    if (others.length === 0) stopDaemons(p);
  });
}

function withLockSync(dir: string, fn: () => void): void {
  const lock = `${dir}.lock`;
  const until = Date.now() + 30_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > until) throw new Error(`the SMTP lab lock ${lock} is held`);
      // Stopping happens in after() hooks, which are synchronous here.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
    }
  }
  try {
    fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
