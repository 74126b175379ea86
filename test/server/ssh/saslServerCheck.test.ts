// "Check SASL on server": the judgement of the server's answers (pure), and the whole check over
// the loopback OpenSSH, as its unprivileged test user, against a real Cyrus set-up (Postfix and
// saslauthd started like the lesson's) and the same set-up broken in the ways the check looks for.
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, chownSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Client } from 'ssh2';
import { connect } from '../../../server/src/ssh/connect';
import { gatherSaslFacts, type SaslFacts, saslServerFindings } from '../../../server/src/ssh/saslServerCheck';
import { requirePeer } from '../../support/peers';
import { type RunningPair, startPair } from '../../support/lab/saslPair';
import { keyLogin, SSHD_PACKAGES, startSshd, type TestSshd } from '../../support/sshd/sshd';

const CLI = resolve(__dirname, '../../../dist/cli.js');

const FACTS: SaslFacts = {
  authEnabled: true,
  type: 'dovecot',
  socket: '/var/spool/postfix/private/auth',
  socketStat: { type: 'socket', owner: 'postfix', group: 'postfix', mode: '660' },
  daemon: 'dovecot',
  daemonRunning: true,
  postfixUser: 'postfix',
  postfixGroups: ['postfix'],
};
const codes = (f: SaslFacts) => saslServerFindings(f, 'en').map((x) => x.code);

describe('judging the SASL side of a server', () => {
  it('is content with the lesson: socket there, Postfix may connect, the daemon runs', () => {
    assert.deepEqual(codes(FACTS), ['remote-sasl/ok']);
  });

  it('reports a missing socket, a stopped daemon and a socket Postfix may not write to', () => {
    assert.deepEqual(codes({ ...FACTS, socketStat: undefined, statError: 'No such file or directory', daemonRunning: false }), ['remote-sasl/not-running', 'remote-sasl/no-socket']);
    assert.deepEqual(codes({ ...FACTS, socketStat: { type: 'socket', owner: 'root', group: 'root', mode: '600' } }), ['remote-sasl/socket-permissions']);
    assert.deepEqual(codes({ ...FACTS, socketStat: { type: 'regular file', owner: 'postfix', group: 'postfix', mode: '660' } }), ['remote-sasl/not-a-socket']);
  });

  it("says to add postfix to saslauthd's group when it cannot enter the socket folder", () => {
    const cyrus: SaslFacts = { ...FACTS, type: 'cyrus', daemon: 'saslauthd', socket: '/var/spool/postfix/var/run/saslauthd/mux', socketStat: { type: 'socket', owner: 'root', group: 'root', mode: '777' }, folder: '/var/spool/postfix/var/run/saslauthd', folderStat: { type: 'directory', owner: 'root', group: 'sasl', mode: '710' } };
    const [finding] = saslServerFindings(cyrus, 'es');
    assert.equal(finding.code, 'remote-sasl/not-in-group');
    assert.match(finding.message, /adduser postfix sasl/);
    assert.deepEqual(codes({ ...cyrus, postfixGroups: ['postfix', 'sasl'] }), ['remote-sasl/ok']);
  });

  it('has nothing to check where AUTH is off', () => {
    assert.deepEqual(codes({ ...FACTS, authEnabled: false, daemonRunning: false }), ['remote-sasl/auth-off']);
  });
});

const skip =
  requirePeer('/usr/sbin/sshd', SSHD_PACKAGES) ??
  requirePeer('postfix', ['postfix']) ??
  requirePeer('saslauthd', ['sasl2-bin']) ??
  (process.getuid?.() !== 0 ? 'the set-up starts Postfix and saslauthd, which needs root' : undefined);

describe('checking SASL on a server over the loopback OpenSSH', { skip }, () => {
  let sshd: TestSshd;
  let client: Client;
  const check = async (pair: RunningPair) =>
    saslServerFindings(await gatherSaslFacts(client, { postconfPath: '/usr/sbin/postconf', configDir: join(pair.etc, 'postfix'), saslauthdDefaults: join(pair.etc, 'default', 'saslauthd') }), 'en');

  before(async () => {
    sshd = await startSshd();
    client = await connect({ ...keyLogin(sshd), timeoutMs: 10_000 });
  });
  after(async () => {
    client?.end();
    await sshd?.stop();
  });

  const lesson = { name: 'remote check', method: 'cyrus' as const, chroot: true, securityOptions: 'noanonymous', mechanisms: 'PLAIN LOGIN' };
  const cyrus = { appFile: true, start: 'yes' as const, socketDir: '$spool/var/run/saslauthd' };

  it("finds the lesson's Cyrus set-up in order", { timeout: 60_000 }, async () => {
    const pair = await startPair({ ...lesson, cyrus });
    try {
      assert.deepEqual((await check(pair)).map((f) => f.code), ['remote-sasl/ok']);
      // The folder as Debian's package makes it: root:sasl 710. postfix is not in sasl here.
      const folder = join(pair.spool, 'var/run/saslauthd');
      chownSync(folder, 0, Number(execFileSync('getent', ['group', 'sasl'], { encoding: 'utf8' }).split(':')[2]));
      chmodSync(folder, 0o710);
      // The SSH user cannot look inside either, which the check says too (no-socket: Permission denied).
      const found = (await check(pair)).map((f) => f.code);
      assert.ok(found.includes('remote-sasl/not-in-group'), found.join(' '));
    } finally {
      await pair.stop();
    }
  });

  it('answers the same through mailconf remote … check-sasl and … check, with their exit status', { timeout: 90_000 }, async () => {
    const cli = (pair: RunningPair, sub: 'check-sasl' | 'check' = 'check-sasl') =>
      new Promise<{ status: number | null; stdout: string }>((done) => {
        const defaults = ['--saslauthd-defaults', join(pair.etc, 'default', 'saslauthd')];
        // check sends the pair's own main.cf, so the SASL type and socket come from the sent file.
        const what = sub === 'check-sasl' ? ['check-sasl', '-c', join(pair.etc, 'postfix'), ...defaults] : ['check', '-c', join(pair.etc, 'postfix'), ...defaults, join(pair.etc, 'postfix', 'main.cf')];
        const args = ['remote', '--ssh', `${sshd.user}@127.0.0.1:${sshd.port}`, '--known-hosts', sshd.knownHosts, '--identity', sshd.key, ...what];
        const child = spawn(process.execPath, [CLI, ...args], { env: { PATH: process.env.PATH, HOME: '/nonexistent' } });
        let stdout = '';
        child.stdout.on('data', (c) => (stdout += c));
        child.on('close', (status) => done({ status, stdout }));
      });
    const good = await startPair({ ...lesson, cyrus });
    try {
      const r = await cli(good);
      assert.equal(r.status, 0, r.stdout);
      assert.match(r.stdout, /^127\.0\.0\.1: info: The socket .*mux is there.* \[remote-sasl\/ok\]$/m);
      const checked = await cli(good, 'check');
      assert.equal(checked.status, 0, checked.stdout);
      assert.doesNotMatch(checked.stdout, /remote-sasl/);
    } finally {
      await good.stop();
    }
    const stopped = await startPair({ ...lesson, cyrus: { ...cyrus, start: 'no' } });
    try {
      const r = await cli(stopped);
      assert.equal(r.status, 1, r.stdout);
      assert.match(r.stdout, /error: .* \[remote-sasl\/no-socket\]$/m);
      const checked = await cli(stopped, 'check');
      assert.equal(checked.status, 1, checked.stdout);
      assert.match(checked.stdout, /^127\.0\.0\.1: error: .* \[remote-sasl\/no-socket\]$/m);
    } finally {
      await stopped.stop();
    }
  });

  it('finds no socket when saslauthd was not started', { timeout: 60_000 }, async () => {
    const pair = await startPair({ ...lesson, cyrus: { ...cyrus, start: 'no' } });
    try {
      // (Whether a saslauthd runs is asked machine-wide with pgrep, which other tests' daemons may answer.)
      const found = (await check(pair)).map((f) => f.code);
      assert.ok(found.includes('remote-sasl/no-socket'), found.join(' '));
    } finally {
      await pair.stop();
    }
  });
});
