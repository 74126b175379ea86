// `mailconf remote` as a whole process against our loopback OpenSSH: the server's postconf output
// verbatim, the remote check, host keys that are refused with exit 3, clear errors for bad
// credentials and closed ports, hostile directory names that run nothing, and no secret anywhere.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { requirePeer } from '../../support/peers';
import { hashedCopy, SSHD_PACKAGES, startAgent, startSshd, type TestSshd } from '../../support/sshd/sshd';

const CLI = resolve(__dirname, '../../../dist/cli.js');
/** By absolute path, as on the server: postconf names itself by argv[0] in its messages. */
const POSTCONF = '/usr/sbin/postconf';
const skip = requirePeer('/usr/sbin/sshd', SSHD_PACKAGES) ?? requirePeer('postconf', ['postfix']);

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}
const outputs: string[] = [];

/** Async so that the sshd in this process keeps answering while the CLI runs. */
function run(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { PATH: process.env.PATH, HOME: '/nonexistent', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('close', (status) => {
      outputs.push(stdout, stderr);
      done({ status, stdout, stderr });
    });
  });
}

const MAIN_CF = `# lab main.cf
myhostname = smtp.mail1.org
mydomain = mail1.org
myorigin = $mydomain
mydestination = $myhostname, localhost.$mydomain, localhost
inet_interfaces = loopback-only
smtpd_tls_security_level = may
`;

function configDir(parent: string, name: string, mainCf = MAIN_CF): string {
  const dir = join(parent, name);
  mkdirSync(dir, { recursive: true, mode: 0o755 });
  writeFileSync(join(dir, 'main.cf'), mainCf, { mode: 0o644 });
  copyFileSync('/etc/postfix/master.cf', join(dir, 'master.cf'));
  chmodSync(join(dir, 'master.cf'), 0o644);
  return dir;
}

function fingerprint(line: string): string {
  return 'SHA256:' + createHash('sha256').update(Buffer.from(line.split(' ')[1], 'base64')).digest('base64').replace(/=+$/, '');
}

describe('mailconf remote', { skip }, () => {
  let sshd: TestSshd;
  let work: string;
  let conf: string;
  let ssh: string[];
  before(async () => {
    sshd = await startSshd();
    work = mkdtempSync(join(tmpdir(), 'mailconf-remote-'));
    chmodSync(work, 0o755);
    conf = configDir(work, 'etc-postfix');
    ssh = ['--ssh', `${sshd.user}@127.0.0.1:${sshd.port}`, '--known-hosts', sshd.knownHosts];
  });
  after(async () => {
    await sshd?.stop();
  });

  it('prints exactly what the local postconf -n prints for the same directory', async () => {
    const local = spawnSync(POSTCONF, ['-c', conf, '-n'], { encoding: 'utf8' });
    const r = await run(['remote', ...ssh, '--identity', sshd.key, 'postconf', '-n', '-c', conf]);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, local.stdout);
    assert.equal(r.stderr, local.stderr);
    assert.match(r.stdout, /^myhostname = smtp\.mail1\.org$/m);
  });

  it('without -c passes none, so it prints exactly what postconf -n prints on the server (no config_directory line)', async () => {
    const local = spawnSync(POSTCONF, ['-n'], { encoding: 'utf8' });
    const r = await run(['remote', ...ssh, '--identity', sshd.key, 'postconf', '-n']);
    assert.equal(r.stdout, local.stdout);
    assert.doesNotMatch(r.stdout, /^config_directory = /m);
  });

  it('passes -M, -x and parameter names through', async () => {
    const local = spawnSync(POSTCONF, ['-Mx', '-c', conf, 'smtp/inet'], { encoding: 'utf8' });
    const r = await run(['remote', ...ssh, '--identity', sshd.key, 'postconf', '-Mx', '-c', conf, 'smtp/inet']);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, local.stdout);
    assert.match(r.stdout, /^smtp +inet/);
  });

  it('logs in with an encrypted key and --passphrase-env, with --password-env, and with an agent', async () => {
    const viaKey = await run(['remote', ...ssh, '--identity', sshd.encryptedKey, '--passphrase-env', 'KEY_PP', 'postconf', '-n', '-c', conf], {
      KEY_PP: sshd.passphrase,
    });
    assert.equal(viaKey.status, 0, viaKey.stderr);
    const viaPassword = await run(['remote', ...ssh, '--password-env', 'SSH_PW', 'postconf', '-c', conf, '-n'], { SSH_PW: sshd.password });
    assert.equal(viaPassword.status, 0, viaPassword.stderr);
    const agent = await startAgent(sshd.dir, [sshd.key]);
    try {
      const viaAgent = await run(['remote', ...ssh, 'postconf', '-c', conf, '-n'], { SSH_AUTH_SOCK: agent.socket });
      assert.equal(viaAgent.status, 0, viaAgent.stderr);
      assert.equal(viaAgent.stdout, viaKey.stdout);
    } finally {
      await agent.stop();
    }
  });

  it('exits 3 on an unknown host key, naming its fingerprint, without logging in', async () => {
    const empty = join(work, 'empty_known_hosts');
    writeFileSync(empty, '');
    const before = readFileSync(sshd.log, 'utf8').match(/Accepted /g)?.length ?? 0;
    const r = await run(['remote', '--ssh', `${sshd.user}@127.0.0.1:${sshd.port}`, '--known-hosts', empty, '--password-env', 'SSH_PW', 'postconf', '-n'], {
      SSH_PW: sshd.password,
    });
    assert.equal(r.status, 3);
    assert.ok(r.stderr.includes(fingerprint(sshd.hostKeyLine)), r.stderr);
    assert.equal(r.stdout, '');
    assert.equal(readFileSync(empty, 'utf8'), '', 'the CLI never writes known_hosts');
    assert.equal(readFileSync(sshd.log, 'utf8').match(/Accepted /g)?.length ?? 0, before);
  });

  it('exits 3 on a changed host key, naming both fingerprints', async () => {
    const changed = join(work, 'changed_known_hosts');
    writeFileSync(changed, `[127.0.0.1]:${sshd.port} ${sshd.otherHostKeyLine}\n`);
    const r = await run(['remote', '--ssh', `${sshd.user}@127.0.0.1:${sshd.port}`, '--known-hosts', changed, '--identity', sshd.key, 'postconf', '-n']);
    assert.equal(r.status, 3);
    assert.match(r.stderr, /HAS CHANGED/);
    assert.ok(r.stderr.includes(fingerprint(sshd.hostKeyLine)));
    assert.ok(r.stderr.includes(fingerprint(sshd.otherHostKeyLine)));
  });

  it('trusts hashed known_hosts entries', async () => {
    const hashed = hashedCopy(sshd.knownHosts, join(work, 'hashed_known_hosts'));
    const r = await run(['remote', '--ssh', `${sshd.user}@127.0.0.1:${sshd.port}`, '--known-hosts', hashed, '--identity', sshd.key, 'postconf', '-c', conf, '-n']);
    assert.equal(r.status, 0, r.stderr);
  });

  it('exits 4, not 3, on a wrong password, and 5 on a closed port, quickly and clearly', async () => {
    const t0 = Date.now();
    const wrong = await run(['remote', ...ssh, '--password-env', 'SSH_PW', 'postconf', '-n'], { SSH_PW: 'Wrong-Pw-0b7e-secret' });
    assert.equal(wrong.status, 4);
    assert.match(wrong.stderr, /authentication failed; tried password/);
    const closed = await run(['remote', '--ssh', `${sshd.user}@127.0.0.1:1`, '--known-hosts', sshd.knownHosts, '--timeout', '3', '--identity', sshd.key, 'postconf', '-n']);
    assert.equal(closed.status, 5);
    assert.match(closed.stderr, /connection refused/);
    assert.ok(Date.now() - t0 < 10_000);
    assert.ok(!wrong.stderr.includes('Wrong-Pw-0b7e-secret'));
  });

  it('runs nothing unintended for directory names with spaces, quotes, ;, $() and newlines', async () => {
    const canary = join(work, 'canary');
    mkdirSync(canary, { mode: 0o777 });
    chmodSync(canary, 0o777);
    const hostile = [
      `a b'c"d`,
      `x;touch ${canary}/semicolon`,
      `$(touch ${canary}/subst)`,
      `\`touch ${canary}/backtick\``,
      `' ; touch ${canary}/quote ; '`,
    ];
    for (const name of hostile) {
      const dir = configDir(work, name.replace(/\//g, '_'));
      // postconf itself may reject a name (it expands $(...) in config_directory); we must pass
      // the name through unchanged, so the server says exactly what it says locally.
      const local = spawnSync(POSTCONF, ['-c', dir, '-n'], { encoding: 'utf8' });
      const r = await run(['remote', ...ssh, '--identity', sshd.key, 'postconf', '-n', '-c', dir]);
      assert.equal(r.status === 0, local.status === 0, `${name}: ${r.stderr}`);
      assert.equal(r.stdout, local.stdout, name);
      assert.equal(r.stderr, local.stderr, name);
    }
    const newline = await run(['remote', ...ssh, '--identity', sshd.key, 'postconf', '-n', '-c', `/tmp\ntouch ${canary}/newline`]);
    assert.equal(newline.status, 2);
    assert.match(newline.stderr, /control character/);
    const name = await run(['remote', ...ssh, '--identity', sshd.key, 'postconf', '-n', `myhostname;touch ${canary}/name`]);
    assert.equal(name.status, 2);
    assert.deepEqual(readdirSync(canary), []);
  });

  it('check: reports the server postconf warnings on the right lines and leaves no temporary directory', async () => {
    const local = mkdtempSync(join(tmpdir(), 'mailconf-remote-local-'));
    const main = join(local, 'main.cf');
    writeFileSync(main, MAIN_CF + 'myhostnme = typo.example\nrelayhost = $relay_hostx\n');
    const r = await run(['remote', ...ssh, '--identity', sshd.key, 'check', '-c', conf, main]);
    assert.equal(r.status, 1, r.stderr);
    assert.equal(
      r.stdout,
      `${main}:9:13: warning: main.cf: undefined parameter: relay_hostx [remote-postconf]\n` +
        `${main}:8:1: warning: main.cf: unused parameter: myhostnme=typo.example [remote-postconf]\n`,
    );
    assert.deepEqual(readdirSync('/tmp').filter((f) => f.startsWith('mailconf-remotecheck-')), []);
    const clean = join(local, 'clean.cf');
    writeFileSync(clean, MAIN_CF);
    const ok = await run(['remote', ...ssh, '--identity', sshd.key, 'check', '-c', conf, clean]);
    assert.equal(ok.status, 0, ok.stderr + ok.stdout);
    assert.equal(existsSync(join(conf, 'main.cf')), true);
    assert.equal(readFileSync(join(conf, 'main.cf'), 'utf8'), MAIN_CF, 'the live configuration is untouched');
  });

  it('never prints a secret', () => {
    const all = outputs.join('\n');
    assert.ok(outputs.length > 10);
    for (const secret of [sshd.password, sshd.passphrase]) assert.ok(!all.includes(secret));
    const log = readFileSync(sshd.log, 'utf8');
    for (const secret of [sshd.password, sshd.passphrase]) assert.ok(!log.includes(secret));
  });
});
