// `mailconf check --root DIR`: a whole tree laid out like /etc, checked with each file beside the
// others, so the checks between Postfix and its SASL side run as in the editor.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';

const CLI = resolve(__dirname, '../../../dist/cli.js');
const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'mailconf-root-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

const LAB = {
  'postfix/main.cf': 'smtpd_tls_security_level = may\nsmtpd_tls_chain_files = /etc/ssl/private/mail.pem\nsmtpd_sasl_auth_enable = yes\nsmtpd_sasl_path = smtpd\nsmtpd_tls_auth_only = yes\n',
  'postfix/master.cf': 'smtp      inet  n       -       y       -       -       smtpd\n',
  'postfix/sasl/smtpd.conf': 'pwcheck_method: saslauthd\nmech_list: PLAIN LOGIN\n',
  'default/saslauthd': 'START=yes\nMECHANISMS="pam"\nOPTIONS="-c -m /var/spool/postfix/var/run/saslauthd"\n',
  'dovecot/dovecot.conf': '!include conf.d/*.conf\n',
  'dovecot/conf.d/10-auth.conf': 'auth_mechanisms = plain login\n',
};

describe('mailconf check --root', () => {
  it("finds every file of the tree and accepts the lesson's Cyrus set-up", () => {
    const root = tree(LAB);
    const r = run('check', '--format', 'json', '--root', root);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.deepEqual(JSON.parse(r.stdout), []);
  });

  it("reports the lesson's chroot warning on the saslauthd file, and files given by name too", () => {
    const root = tree({ ...LAB, 'default/saslauthd': LAB['default/saslauthd'].replace('/var/spool/postfix/var/run/saslauthd', '/var/run/saslauthd'), 'dovecot/conf.d/10-auth.conf': 'auth_mechanism = plain\n' });
    const r = run('check', '--format', 'json', '--root', root);
    assert.equal(r.status, 1);
    const found = JSON.parse(r.stdout).map((f: { file: string; line: number; code: string }) => [f.file.slice(root.length + 1), f.line, f.code]);
    assert.deepEqual(found, [
      ['default/saslauthd', 3, 'sasl/socket-outside-chroot'],
      ['dovecot/conf.d/10-auth.conf', 1, 'dovecot/unknown-setting'],
    ]);
  });

  it('takes the SASL files by name, and any file with --language', () => {
    const root = tree({ 'postfix/sasl/smtpd.conf': 'pwcheck_method = saslauthd\n', 'notes/options.txt': 'mech_list:\n' });
    const byName = run('check', '--format', 'json', join(root, 'postfix/sasl/smtpd.conf'));
    assert.equal(byName.status, 1);
    assert.deepEqual(JSON.parse(byName.stdout).map((f: { code: string }) => f.code), ['saslconf/missing-colon']);
    const other = join(root, 'notes/options.txt');
    assert.equal(run('check', other).status, 2);
    const withLanguage = run('check', '--format', 'json', '--language', 'cyrus-sasl', other);
    assert.deepEqual(JSON.parse(withLanguage.stdout).map((f: { code: string }) => f.code), ['saslconf/missing-value']);
  });

  it('says so when the folder holds no configuration', () => {
    const r = run('check', '--root', mkdtempSync(join(tmpdir(), 'mailconf-empty-')));
    assert.equal(r.status, 2);
    assert.match(r.stderr, /no configuration files under/);
  });
});
