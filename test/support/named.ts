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

function config(dir: string, port: number, zones: NamedZone[]): string {
  const zoneBlocks = zones.map((z, i) => `zone "${z.origin}" { type primary; file "${join(dir, `zone${i}.db`)}"; };`).join('\n');
  return `options {
  directory "${dir}";
  pid-file none;
  session-keyfile none;
  listen-on port ${port} { 127.0.0.1; };
  listen-on-v6 { none; };
  recursion no;
  dnssec-validation no;
  allow-transfer { none; };
  notify no;
};
controls { };
${zoneBlocks}
`;
}

function startOnce(dir: string, port: number, zones: NamedZone[]): Promise<ChildProcess | 'port-in-use'> {
  writeFileSync(join(dir, 'named.conf'), config(dir, port, zones));
  zones.forEach((z, i) => writeFileSync(join(dir, `zone${i}.db`), z.text));
  const child = spawn('/usr/sbin/named', ['-g', '-4', '-c', join(dir, 'named.conf')], { stdio: ['ignore', 'ignore', 'pipe'] });
  let log = '';
  return new Promise((resolve, reject) => {
    const onData = (d: Buffer) => {
      log += d;
      (child as ChildProcess & { namedLog?: string }).namedLog = log;
      if (/ running\s*$/m.test(log)) {
        child.stderr!.off('data', onData);
        child.stderr!.on('data', (more: Buffer) => ((child as ChildProcess & { namedLog?: string }).namedLog += more.toString()));
        resolve(child);
      }
    };
    child.stderr!.on('data', onData);
    child.once('exit', () => {
      if (/address in use/i.test(log)) resolve('port-in-use');
      else reject(new Error(`named exited before it was ready:\n${log}`));
    });
  });
}

/** Starts named serving `zones`; tries a few random ports if one is taken. */
export async function startNamed(zones: NamedZone[]): Promise<Named> {
  const dir = mkdtempSync(join(tmpdir(), 'mailconf-named-'));
  for (let i = 0; i < 8; i++) {
    const port = 20000 + Math.floor(Math.random() * 40000);
    const child = await startOnce(dir, port, zones);
    if (child === 'port-in-use') continue;
    return {
      host: '127.0.0.1',
      port,
      dir,
      log: () => (child as ChildProcess & { namedLog?: string }).namedLog ?? '',
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
