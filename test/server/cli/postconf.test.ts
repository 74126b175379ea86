// `mailconf postconf` as a whole process: the lab directory against the real postconf, and the
// usage errors of our own.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, describe, it } from 'node:test';
import { requirePeer } from '../../support/peers';

const CLI = resolve(__dirname, '../../../dist/cli.js');
const LAB = resolve(__dirname, '../../../examples/lab');
const env = { ...process.env };
delete env.MAIL_CONFIG;
const run = (...args: string[]) => spawnSync(process.execPath, [CLI, 'postconf', ...args], { encoding: 'utf8', env });
const lines = (s: string) => [...new Set(s.split('\n').filter(Boolean))].sort();

describe('mailconf postconf', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mailconf-postconf-cli-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  cpSync(LAB, dir, { recursive: true });
  const old = new Date(Date.now() - 3600_000);
  for (const f of readdirSync(dir)) utimesSync(join(dir, f), old, old);

  describe('against the real postconf', { skip: requirePeer('postconf', ['postfix']) }, () => {
    for (const args of [['-n'], ['-nx'], ['-Mf'], ['-h', 'myhostname', 'mydomain'], ['-P']]) {
      it(`postconf -c LAB ${args.join(' ')}`, () => {
        const mine = run('-c', dir, ...args);
        const real = spawnSync('postconf', ['-c', dir, ...args], { encoding: 'utf8', env: { ...process.env, LANG: 'C', LC_ALL: 'C' } });
        assert.equal(mine.stdout, real.stdout);
        assert.deepEqual(lines(mine.stderr), lines(real.stderr));
        assert.equal(mine.status, real.status);
      });
    }
  });

  it('exits 2 with a clear message for options it does not support', () => {
    const r = run('-c', dir, '-e', 'biff=yes');
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^mailconf postconf: option -e is not supported: it edits main\.cf$/m);
    assert.equal(r.stdout, '');
  });

  it('exits 2 on an unknown option and on -c without a directory', () => {
    assert.equal(run('-Z').status, 2);
    const r = run('-c');
    assert.equal(r.status, 2);
    assert.match(r.stderr, /option -c needs an argument/);
  });

  it('exits 1 with postconf\'s own fatal message when main.cf is missing', () => {
    const r = run('-c', join(dir, 'nowhere'), '-n');
    assert.equal(r.status, 1);
    assert.equal(r.stderr, `postconf: fatal: open ${join(dir, 'nowhere')}/main.cf: No such file or directory\n`);
  });

  it('shows its help with --help, while -h means values only', () => {
    const help = run('--help');
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^Usage: mailconf postconf/);
    assert.equal(run('-c', dir, '-h', 'myhostname').stdout, 'smtp.mail1.org\n');
  });

  it('--postfix-version with -d prints another release\'s documented defaults, saying so first on stderr', () => {
    const r = run('--postfix-version', '3.11', '-d', 'smtpd_hide_client_session', 'address_verify_map');
    assert.equal(r.status, 0);
    assert.match(r.stderr.split('\n')[0], /defaults Postfix 3\.11 documents \(postconf\.proto\), not what its postconf -d prints/);
    assert.match(r.stdout, /^smtpd_hide_client_session = no$/m);
    assert.match(r.stdout, /^address_verify_map = .*default_cache_db_type/m);
    // The emulated release stays byte for byte, and other modes refuse another release.
    assert.equal(run('--postfix-version', '3.7', '-d', 'biff').stdout, 'biff = yes\n');
    assert.equal(run('--postfix-version', '3.9', '-n').status, 2);
    assert.equal(run('--postfix-version', '2.11', '-d').status, 2);
  });
});

