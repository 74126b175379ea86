// `mailconf remote`: postconf on a server over SSH, and the remote check of a local main.cf. It
// never asks anything and never writes known_hosts: an unknown or changed host key ends the run
// with exit 3 and the key's SHA256 fingerprint, so scripts cannot be talked into trusting a server.
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { Client } from 'ssh2';
import { remoteFindings } from '../../ssh/checkFindings';
import { connect } from '../../ssh/connect';
import { isSshError, SshError } from '../../ssh/errors';
import { remoteCheck } from '../../ssh/remoteCheck';
import { gatherSaslFacts, saslServerFindings, type SaslServerFinding } from '../../ssh/saslServerCheck';
import { runRemotePostconf } from '../../ssh/remotePostconf';
import { makeTarget, parseDestination, type SshTarget } from '../../ssh/target';
import { CliError, CliIO, Command, EXIT_USAGE, usageError } from '../usage';

export const REMOTE_EXIT = {
  /** The remote postconf failed, or the check found warnings. */
  findings: 1,
  usage: EXIT_USAGE,
  hostKey: 3,
  auth: 4,
  connect: 5,
} as const;

const VALUE_OPTIONS = ['--ssh', '--identity', '--password-env', '--passphrase-env', '--known-hosts', '--timeout', '--postconf'];

interface Global {
  target: SshTarget;
  password?: string;
  passphrase?: string;
  knownHosts: string[];
  timeoutMs: number;
}

function bad(message: string): CliError {
  return usageError(`mailconf remote: ${message}`);
}

/** Splits `[global options] SUBCOMMAND [its options]`; global options take one value each. */
function parseGlobal(args: string[], io: CliIO): { global: Global; sub: string; rest: string[] } {
  const values = new Map<string, string[]>();
  let i = 0;
  for (; i < args.length && args[i].startsWith('-'); i++) {
    const [flag, inline] = args[i].includes('=') ? [args[i].slice(0, args[i].indexOf('=')), args[i].slice(args[i].indexOf('=') + 1)] : [args[i], undefined];
    if (!VALUE_OPTIONS.includes(flag)) throw bad(`unknown option '${flag}'`);
    const value = inline ?? args[++i];
    if (value === undefined) throw bad(`${flag} needs a value`);
    values.set(flag, [...(values.get(flag) ?? []), value]);
  }
  const sub = args[i];
  if (sub !== 'postconf' && sub !== 'check' && sub !== 'check-sasl')
    throw bad(sub === undefined ? 'expected a subcommand: postconf, check or check-sasl' : `unknown subcommand '${sub}'`);
  const one = (f: string) => values.get(f)?.at(-1);
  const ssh = one('--ssh');
  if (!ssh) throw bad('--ssh USER@HOST[:PORT] is required');
  const secret = (flag: string): string | undefined => {
    const name = one(flag);
    if (name === undefined) return undefined;
    const value = io.env[name];
    if (value === undefined) throw bad(`the environment variable ${name} (${flag}) is not set`);
    return value;
  };
  const timeout = one('--timeout') ?? '15';
  if (!/^\d+(\.\d+)?$/.test(timeout) || Number(timeout) <= 0) throw bad(`--timeout takes seconds, not '${timeout}'`);
  let target: SshTarget;
  try {
    const dest = parseDestination(ssh);
    const identity = one('--identity');
    target = makeTarget({ ...dest, ...(identity ? { identityFile: resolve(io.cwd, identity) } : {}), postconfPath: one('--postconf') });
  } catch (err) {
    if (isSshError(err)) throw bad(err.message);
    throw err;
  }
  const home = io.env.HOME || homedir();
  const knownHosts = values.get('--known-hosts')?.map((f) => resolve(io.cwd, f)) ?? [join(home, '.ssh', 'known_hosts')];
  return {
    global: { target, password: secret('--password-env'), passphrase: secret('--passphrase-env'), knownHosts, timeoutMs: Number(timeout) * 1000 },
    sub,
    rest: args.slice(i + 1),
  };
}

function exitFor(err: SshError): number {
  switch (err.kind) {
    case 'host-key-unknown':
    case 'host-key-changed':
      return REMOTE_EXIT.hostKey;
    case 'auth':
    case 'identity':
      return REMOTE_EXIT.auth;
    case 'invalid':
      return REMOTE_EXIT.usage;
    default:
      return REMOTE_EXIT.connect;
  }
}

async function withConnection<T>(g: Global, io: CliIO, use: (c: Client) => Promise<T>): Promise<T> {
  let client: Client | undefined;
  try {
    client = await connect({
      host: g.target.host,
      port: g.target.port,
      user: g.target.user,
      auth: {
        agent: io.env.SSH_AUTH_SOCK || false,
        identityFile: g.target.identityFile,
        ...(g.passphrase !== undefined ? { passphrase: async () => g.passphrase } : {}),
        ...(g.password !== undefined ? { password: async () => g.password } : {}),
      },
      hostKeys: { knownHostsFiles: g.knownHosts },
      timeoutMs: g.timeoutMs,
    });
    return await use(client);
  } catch (err) {
    if (isSshError(err)) throw new CliError(`mailconf remote: ${err.message}`, exitFor(err));
    throw err;
  } finally {
    client?.end();
  }
}

/** `postconf [-n|-x|-M|…] [-c DIR] [NAME…]` */
function parsePostconf(rest: string[]): { flags: string[]; configDir?: string; names: string[] } {
  const flags: string[] = [];
  const names: string[] = [];
  // Only the user's own -c is passed on, so the output is exactly what `postconf` prints there.
  let configDir: string | undefined;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a === '-c') {
      const dir = rest[++i];
      if (dir === undefined) throw bad('-c needs a directory');
      configDir = dir;
    } else if (a.startsWith('-')) flags.push(a);
    else names.push(a);
  }
  return { flags, configDir, names };
}

async function postconfSub(rest: string[], g: Global, io: CliIO): Promise<number> {
  const { flags, configDir, names } = parsePostconf(rest);
  return withConnection(g, io, async (client) => {
    const r = await runRemotePostconf(client, g.target.postconfPath, configDir, flags, { names, timeoutMs: g.timeoutMs * 2 });
    io.stdout(r.stdout);
    io.stderr(r.stderr);
    return r.exitCode === 0 ? 0 : REMOTE_EXIT.findings;
  });
}

function readLocal(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    throw new CliError(`mailconf remote: cannot read '${file}': ${(err as NodeJS.ErrnoException).code ?? err}`, EXIT_USAGE);
  }
}

/**
 * `check [--master-cf FILE] [-c DIR] [--saslauthd-defaults FILE] MAIN.CF`: master.cf next to
 * main.cf is sent too when it exists. The SASL side is checked as the sent main.cf would use it.
 */
async function checkSub(rest: string[], g: Global, io: CliIO): Promise<number> {
  let main: string | undefined;
  let master: string | undefined;
  let configDir = g.target.configDir;
  let saslauthdDefaults: string | undefined;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a === '--master-cf') master = rest[++i];
    else if (a === '-c') configDir = rest[++i] ?? '';
    else if (a === '--saslauthd-defaults') saslauthdDefaults = rest[++i];
    else if (a.startsWith('-')) throw bad(`unknown check option '${a}'`);
    else if (main === undefined) main = a;
    else throw bad(`unexpected argument '${a}'`);
  }
  if (!main) throw bad('check needs the main.cf to check');
  const mainPath = resolve(io.cwd, main);
  const besides = join(dirname(mainPath), 'master.cf');
  const masterPath = master ? resolve(io.cwd, master) : existsSync(besides) ? besides : undefined;
  const mainCf = readLocal(mainPath);
  const masterCf = masterPath ? readLocal(masterPath) : undefined;
  return withConnection(g, io, async (client) => {
    const r = await remoteCheck(client, g.target.postconfPath, configDir, { mainCf, masterCf }, { timeoutMs: g.timeoutMs * 2, sasl: { saslauthdDefaults } });
    const findings = remoteFindings(r.stderr, r.dir, { mainCf, masterCf });
    for (const f of findings) {
      const file = f.file === 'main.cf' ? mainPath : f.file === 'master.cf' ? (masterPath ?? 'master.cf (server copy)') : 'postconf';
      io.stdout(`${file}:${f.line + 1}:${f.startCharacter + 1}: ${f.severity}: ${f.message} [remote-postconf]\n`);
    }
    // Only what needs doing: "AUTH is off" and "the socket is in order" are check-sasl's to say.
    const sasl = r.sasl ? saslServerFindings(r.sasl, 'en').filter((f) => f.severity !== 'info') : [];
    printSaslFindings(sasl, g, io);
    if (findings.length === 0 && sasl.length === 0 && r.exitCode === 0) io.stderr(`mailconf remote: the server's postconf accepts ${mainPath} without warnings, and its SASL side is in order\n`);
    return findings.length > 0 || sasl.length > 0 || r.exitCode !== 0 ? REMOTE_EXIT.findings : 0;
  });
}

function printSaslFindings(findings: SaslServerFinding[], g: Global, io: CliIO): void {
  for (const f of findings) io.stdout(`${g.target.host}: ${f.severity}: ${f.message} [${f.code}]\n`);
}

/** `check-sasl [-c DIR] [--saslauthd-defaults FILE]`: the SASL side of the running server, read only. */
async function checkSaslSub(rest: string[], g: Global, io: CliIO): Promise<number> {
  let configDir = g.target.configDir;
  let saslauthdDefaults: string | undefined;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a === '-c') configDir = rest[++i] ?? '';
    else if (a === '--saslauthd-defaults') saslauthdDefaults = rest[++i];
    else throw bad(`unknown check-sasl argument '${a}'`);
  }
  if (!configDir) throw bad('-c needs a directory');
  return withConnection(g, io, async (client) => {
    const facts = await gatherSaslFacts(client, { postconfPath: g.target.postconfPath, configDir, saslauthdDefaults }, { timeoutMs: g.timeoutMs * 2 });
    const findings = saslServerFindings(facts, 'en');
    printSaslFindings(findings, g, io);
    return findings.some((f) => f.severity === 'error') ? REMOTE_EXIT.findings : 0;
  });
}

export const remoteCommand: Command = {
  name: 'remote',
  summary: 'run postconf on a server over SSH, or check a main.cf with the server\'s postconf',
  help: `Usage: mailconf remote --ssh USER@HOST[:PORT] [options] postconf [-n|-x|-M|...] [-c DIR] [NAME...]
       mailconf remote --ssh USER@HOST[:PORT] [options] check [--master-cf FILE] [-c DIR] [--saslauthd-defaults FILE] MAIN.CF
       mailconf remote --ssh USER@HOST[:PORT] [options] check-sasl [-c DIR] [--saslauthd-defaults FILE]

postconf  prints the server's own postconf output, byte for byte (its warnings go to stderr).
check     uploads MAIN.CF (and master.cf: --master-cf, the one next to MAIN.CF, or the server's)
          to a new private temporary directory on the server over SFTP, runs the server's
          postconf -c TMPDIR -n, prints its warnings as FILE:LINE:COL: SEVERITY: MESSAGE and
          removes the directory. The live configuration is not touched. It also runs
          check-sasl's checks for the SASL type and socket MAIN.CF names, and prints their
          errors as HOST: SEVERITY: MESSAGE [CODE].
check-sasl reads the server's SASL side, changing nothing (postconf -h, stat, pgrep, id, cat):
          the socket Postfix connects to (Dovecot's listener, or saslauthd's mux from -m in
          /etc/default/saslauthd) exists and lets Postfix's user connect, Dovecot or saslauthd
          runs, and Postfix may enter saslauthd's socket folder (adduser postfix sasl).

Options:
  --ssh USER@HOST[:PORT]   the server (IPv6 as USER@[::1]:PORT)
  --identity FILE          private key to log in with (after the ssh-agent in $SSH_AUTH_SOCK)
  --passphrase-env VAR     the identity file's passphrase, from the environment variable VAR
  --password-env VAR       password for keyboard-interactive/password login, from VAR
  --known-hosts FILE       known_hosts file(s) to trust (repeatable; default ~/.ssh/known_hosts)
  --postconf PATH          postconf on the server (default /usr/sbin/postconf)
  --timeout S              seconds for the login, and twice that for the remote command (default 15)
  -c DIR                   the server's Postfix configuration directory (postconf: passed only when given; check: default /etc/postfix)

Secrets are never taken as arguments. The host key must already be in known_hosts: this command
never asks and never writes it.

Exit status:
  0  success (check: no warnings)
  1  the remote postconf failed, check found warnings or a SASL error, or check-sasl found an error
  2  usage error or unreadable local file
  3  the server's host key is unknown or has CHANGED (the message gives its SHA256 fingerprint)
  4  authentication failed (or the identity file is unreadable or its passphrase wrong)
  5  could not connect, timed out, or the server failed (SFTP, command)`,

  async run(args, io) {
    const { global, sub, rest } = parseGlobal(args, io);
    if (sub === 'check-sasl') return checkSaslSub(rest, global, io);
    return sub === 'postconf' ? postconfSub(rest, global, io) : checkSub(rest, global, io);
  },
};
