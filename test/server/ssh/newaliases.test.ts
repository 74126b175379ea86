// Rebuilding aliases on the server after a save over SSH: the command lines (quoted, by absolute
// path, never through the user's PATH), and real runs on the loopback OpenSSH as its unprivileged
// test user: postalias compiles a file the user owns, newaliases fails with Postfix's own clear
// error, and hostile paths run nothing.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Client } from 'ssh2';
import { connect } from '../../../server/src/ssh/connect';
import { SshError } from '../../../server/src/ssh/errors';
import { aliasRebuildCommand, isAliasesFile, runAliasRebuild } from '../../../server/src/ssh/newaliases';
import { commandLine } from '../../../server/src/ssh/shellQuote';
import { requirePeer } from '../../support/peers';
import { keyLogin, SSH_USER, SSHD_PACKAGES, startSshd, type TestSshd } from '../../support/sshd/sshd';

const target = { postconfPath: '/usr/sbin/postconf', configDir: '/etc/postfix' };

describe('aliasRebuildCommand', () => {
  it('rebuilds /etc/aliases with newaliases, that is sendmail -bi beside postconf', () => {
    assert.deepEqual(aliasRebuildCommand(target, '/etc/aliases'), { label: 'newaliases', argv: ['/usr/sbin/sendmail', '-C', '/etc/postfix', '-bi'] });
  });

  it('compiles any other aliases file with postalias', () => {
    assert.deepEqual(aliasRebuildCommand({ postconfPath: '/opt/postfix/sbin/postconf', configDir: '/etc/postfix-out' }, '/etc/postfix/aliases'), {
      label: 'postalias /etc/postfix/aliases',
      argv: ['/opt/postfix/sbin/postalias', '-c', '/etc/postfix-out', '/etc/postfix/aliases'],
    });
  });

  it('quotes hostile paths so that the shell sees one argument each', () => {
    const dir = `/tmp/a b'; touch /tmp/pwned; $(id) \``;
    const { argv } = aliasRebuildCommand({ postconfPath: '/usr/sbin/postconf', configDir: dir }, `${dir}/aliases`);
    assert.equal(commandLine(argv), `/usr/sbin/postalias '-c' '/tmp/a b'\\''; touch /tmp/pwned; $(id) \`' '/tmp/a b'\\''; touch /tmp/pwned; $(id) \`/aliases'`);
  });

  it('refuses line breaks and relative paths with a clear error', () => {
    assert.throws(() => aliasRebuildCommand(target, '/etc/aliases\nreboot'), (e: unknown) => e instanceof SshError && /control character/.test(e.message));
    assert.throws(() => aliasRebuildCommand(target, 'aliases'), (e: unknown) => e instanceof SshError && /absolute path/.test(e.message));
    assert.throws(() => aliasRebuildCommand({ ...target, configDir: '/etc/postfix\n' }, '/etc/aliases'), SshError);
  });

  it('knows which saved files are aliases sources', () => {
    assert.ok(isAliasesFile('/etc/aliases'));
    assert.ok(isAliasesFile('/etc/postfix/aliases'));
    assert.ok(!isAliasesFile('/etc/postfix/main.cf'));
    assert.ok(!isAliasesFile('/etc/aliases.db'));
    assert.ok(!isAliasesFile('/etc/virtual_aliases'));
  });
});

const skip = requirePeer('/usr/sbin/sshd', SSHD_PACKAGES) ?? requirePeer('postalias', ['postfix']);

describe('rebuilding aliases over a loopback OpenSSH', { skip }, () => {
  let sshd: TestSshd;
  let client: Client;
  let dir: string;

  before(async () => {
    sshd = await startSshd();
    client = await connect({ ...keyLogin(sshd), timeoutMs: 10_000 });
    // Under /tmp and owned by the SSH test user, who is not root: postalias writes aliases.db here.
    dir = mkdtempSync('/tmp/mailconf-newaliases-');
    writeFileSync(join(dir, 'main.cf'), `alias_maps = hash:${dir}/aliases\nalias_database = hash:${dir}/aliases\n`);
    writeFileSync(join(dir, 'aliases'), 'postmaster: root\npepe: manolo\n');
    const uid = Number(execFileSync('id', ['-u', SSH_USER], { encoding: 'utf8' }));
    for (const p of [dir, join(dir, 'main.cf'), join(dir, 'aliases')]) chownSync(p, uid, -1);
  });

  after(async () => {
    client?.end();
    await sshd?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('compiles a saved aliases file with postalias, and Postfix finds the new alias', async () => {
    const r = await runAliasRebuild(client, { postconfPath: '/usr/sbin/postconf', configDir: dir }, join(dir, 'aliases'));
    assert.equal(r.label, `postalias ${dir}/aliases`);
    assert.equal(r.exitCode, 0, r.stderr);
    assert.equal(execFileSync('postmap', ['-c', dir, '-q', 'pepe', `hash:${dir}/aliases`], { encoding: 'utf8' }).trim(), 'manolo');
  });

  it('reports newaliases failing for a non-root user with Postfix\'s own message', async () => {
    const r = await runAliasRebuild(client, { postconfPath: '/usr/sbin/postconf', configDir: dir }, '/etc/aliases');
    assert.equal(r.label, 'newaliases');
    assert.notEqual(r.exitCode, 0);
    assert.match(r.stderr, /sendmail: fatal: /);
  });

  it('runs nothing that a hostile configuration directory smuggles in', async () => {
    const marker = join(dir, 'pwned');
    const hostile = `${dir}/x'; touch ${marker}; echo '`;
    const r = await runAliasRebuild(client, { postconfPath: '/usr/sbin/postconf', configDir: hostile }, `${dir}/$(touch ${marker})`);
    assert.notEqual(r.exitCode, 0);
    assert.equal(existsSync(marker), false);
  });
});
