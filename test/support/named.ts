// A real BIND named on 127.0.0.1, on a random unprivileged port, serving zones a test writes. It
// runs in the foreground (-g) from a configuration generated in a temporary folder, and is ready
// when it logs "running"; the caller stops it. Only loopback is ever listened on or asked.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// requireNamed() is in namedPeer.ts: the package list it reads cannot be bundled into the
// extension-host suite, which starts named too.

export interface NamedZone {
  /** The apex, absolute ('mail1.org.'). */
  origin: string;
  text: string;
}

export interface Named {
  host: '127.0.0.1';
  port: number;
  dir: string;
  /** Everything named wrote to stderr (for messages when a zone does not load). */
  log(): string;
  stop(): Promise<void>;
}

/** Zone transfers are allowed to loopback, so dns-check can list what only the server has; a test may refuse them. */
export interface NamedOptions {
  allowTransfer?: boolean;
}

function config(dir: string, port: number, zones: NamedZone[], options: NamedOptions = {}): string {
  const zoneBlocks = zones.map((z, i) => `zone "${z.origin}" { type primary; file "${join(dir, `zone${i}.db`)}"; };`).join('\n');
  return `options {
  directory "${dir}";
  pid-file none;
  session-keyfile none;
  listen-on port ${port} { 127.0.0.1; };
  listen-on-v6 { none; };
  recursion no;
  dnssec-validation no;
  allow-transfer { ${options.allowTransfer === false ? 'none' : '127.0.0.1'}; };
  notify no;
};
controls { };
${zoneBlocks}
`;
}

/** What named says when the port is taken (9.18: the interface fails and, with no other, it exits). */
const PORT_TAKEN = /address in use|unable to listen on any configured interfaces/i;

/** How long named may take to load its zones and report 'running'. */
const START_TIMEOUT_MS = 30_000;

interface Started {
  child: ChildProcess;
  log: () => string;
}

function startOnce(dir: string, port: number, zones: NamedZone[], options: NamedOptions): Promise<Started | 'port-in-use'> {
  writeFileSync(join(dir, 'named.conf'), config(dir, port, zones, options));
  zones.forEach((z, i) => writeFileSync(join(dir, `zone${i}.db`), z.text));
  const child = spawn('/usr/sbin/named', ['-g', '-4', '-c', join(dir, 'named.conf')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  child.stderr!.on('data', (d: Buffer) => (log += d));
  // A test process that dies must not leave named behind.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  child.once('exit', () => process.off('exit', killOnExit));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`named did not report 'running' within ${START_TIMEOUT_MS} ms:\n${log}`));
    }, START_TIMEOUT_MS);
    const onData = () => {
      if (!/ running\s*$/m.test(log)) return;
      clearTimeout(timer);
      child.stderr!.off('data', onData);
      // named keeps running when it cannot listen on the port: that one is taken, try another.
      if (PORT_TAKEN.test(log)) {
        child.once('exit', () => resolve('port-in-use'));
        child.kill('SIGKILL');
      } else resolve({ child, log: () => log });
    };
    child.stderr!.on('data', onData);
    child.once('exit', () => {
      clearTimeout(timer);
      if (PORT_TAKEN.test(log)) resolve('port-in-use');
      else reject(new Error(`named exited before it was ready:\n${log}`));
    });
  });
}

/** Starts named serving `zones`; tries a few random ports if one is taken. */
export async function startNamed(zones: NamedZone[], options: NamedOptions = {}): Promise<Named> {
  const dir = mkdtempSync(join(tmpdir(), 'mailconf-named-'));
  for (let i = 0; i < 8; i++) {
    const port = 20000 + Math.floor(Math.random() * 40000);
    const started = await startOnce(dir, port, zones, options);
    if (started === 'port-in-use') continue;
    const { child } = started;
    return {
      host: '127.0.0.1',
      port,
      dir,
      log: started.log,
      stop: () =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null) {
            rmSync(dir, { recursive: true, force: true });
            resolve();
            return;
          }
          child.once('exit', () => {
            rmSync(dir, { recursive: true, force: true });
            resolve();
          });
          child.kill('SIGTERM');
        }),
    };
  }
  rmSync(dir, { recursive: true, force: true });
  throw new Error('no free port for named after 8 tries');
}
