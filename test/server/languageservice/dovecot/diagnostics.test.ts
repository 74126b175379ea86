import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { dovecotService } from '../../../../server/src/languageservice/dovecot';
import type { ServiceContext, Workspace } from '../../../../server/src/languageservice/service';

const noFiles: Workspace = { readText: () => undefined };
const ctx = (locale: 'en' | 'es' = 'en', workspace = noFiles): ServiceContext => ({ locale, workspace });
const doc = (text: string, uri = 'file:///lab/dovecot/conf.d/10-master.conf') => TextDocument.create(uri, 'dovecot', 1, text);
const codes = (text: string, workspace = noFiles) => dovecotService.diagnostics(doc(text), ctx('en', workspace)).map((d) => [d.code, d.range.start.line]);

const LISTENER = `service auth {
  unix_listener /var/spool/postfix/private/auth {
    mode = 0660
    user = postfix
    group = postfix
  }
}
`;

describe('Dovecot language service', () => {
  it("accepts the lesson's listener for Postfix", () => {
    assert.deepEqual(codes(LISTENER), []);
  });

  it('reports settings and sections the installed Dovecot lacks where they are written, with a suggestion', () => {
    const ds = dovecotService.diagnostics(doc('auth_mechanism = plain\nservice auth {\n  unix_listner x {\n  }\n  mode = 0660\n}\n'), ctx());
    assert.deepEqual(ds.map((d) => [d.code, d.range.start.line]), [['dovecot/unknown-setting', 0], ['dovecot/unknown-section', 2], ['dovecot/unknown-setting', 4]]);
    assert.match(String(ds[0].message), /Did you mean 'auth_mechanisms'/);
    assert.match(String(ds[1].message), /Did you mean 'unix_listener'/);
  });

  it('accepts filters and free sections, and settings inside them', () => {
    assert.deepEqual(codes('protocol imap {\n  auth_mechanisms = plain\n}\nplugin {\n  anything_at_all = 1\n}\n'), []);
    assert.deepEqual(codes('protocol imap {\n  bogus = 1\n}\n'), [['dovecot/unknown-setting', 1]]);
  });

  it('checks yes/no, numbers and modes like doveconf', () => {
    assert.deepEqual(codes('disable_plaintext_auth = maybe\nauth_worker_max_count = 10k\nservice auth {\n  unix_listener x {\n    mode = 0999\n  }\n}\n'), [
      ['dovecot/bad-boolean', 0],
      ['dovecot/bad-number', 1],
      ['dovecot/bad-mode', 4],
    ]);
    assert.deepEqual(codes('disable_plaintext_auth = YES\nauth_cache_size = 10M\n'), []);
    // Only a setting's own $name is expanded; another one, or $ENV:, is read as written.
    assert.deepEqual(codes('auth_debug = $auth_verbose\ndefault_process_limit = $ENV_LIMIT\nauth_worker_max_count = $auth_worker_max_count\n'), [
      ['dovecot/bad-boolean', 0],
      ['dovecot/bad-number', 1],
    ]);
  });

  it('checks a value as a boolean only where doveconf does: enums with a yes/no default take more words', () => {
    const enums = 'ssl = required\nauth_verbose_passwords = plain\nnamespace inbox {\n  list = children\n  mailbox Trash {\n    auto = subscribe\n  }\n}\n';
    assert.deepEqual(codes(enums), []);
    assert.deepEqual(codes('namespace inbox {\n  inbox = maybe\n}\nservice imap-login {\n  inet_listener imaps {\n    ssl = required\n  }\n}\n'), [
      ['dovecot/bad-boolean', 1],
      ['dovecot/bad-boolean', 5],
    ]);
    const yesNo = (text: string, line: number) => dovecotService.completion!(doc(text), { line, character: text.split('\n')[line].length }, ctx()).map((c) => c.label);
    assert.deepEqual(yesNo('disable_plaintext_auth = ', 0), ['yes', 'no']);
    assert.deepEqual(yesNo('ssl = ', 0), []);
  });

  it('warns about older names Dovecot still reads, and reads a renamed one as its new name', () => {
    const ds = dovecotService.diagnostics(doc('ssl_protocols = !SSLv3\nssl_disable = yes\nauth default {\n  mechanisms = plain login\n}\n'), ctx());
    assert.deepEqual(ds.map((d) => [d.code, d.severity, d.range.start.line]), [
      ['dovecot/obsolete-setting', 2, 0],
      ['dovecot/obsolete-setting', 2, 1],
      ['dovecot/obsolete-section', 2, 2],
    ]);
    assert.match(String(ds[1].message), /'ssl_disable' as 'ssl'/);
    const fix = dovecotService.codeActions!(doc('ssl_disable = yes\n'), ds[1].range, [ds[1]], ctx());
    assert.deepEqual(fix.map((a) => a.edit?.changes?.[doc('').uri]?.[0].newText), ['ssl']);
    const es = dovecotService.diagnostics(doc('ssl_protocols = !SSLv3\n'), ctx('es'));
    assert.match(String(es[0].message), /un ajuste antiguo, pero avisa: 'ssl_min_protocol' ocupó su lugar/);
  });

  it('says what replaced an older setting, or that it does nothing now, as doveconf does', () => {
    const ds = dovecotService.diagnostics(doc('ssl_cert_file = /etc/ssl/x.pem\nlogin_chroot = yes\nssl_parameters_regenerate = 0\n'), ctx());
    assert.match(String(ds[0].message), /'ssl_cert = <file' took its place/);
    assert.match(String(ds[1].message), /'service \{ chroot \}' took its place/);
    assert.match(String(ds[2].message), /'ssl_parameters_regenerate'.*no longer does anything, so the line can go/);
  });

  it('takes in protocols only what a service of the installed Dovecot speaks', () => {
    assert.deepEqual(codes('protocols = $protocols imap lmtp submission pop3\n'), []);
    const ds = dovecotService.diagnostics(doc('protocols = imap sieve\n'), ctx());
    assert.deepEqual(ds.map((d) => d.code), ['dovecot/unknown-protocol']);
    assert.match(String(ds[0].message), /dovecot-managesieved/);
    const older = dovecotService.diagnostics(doc('protocols = imap imaps pop3s managesieve\n'), ctx());
    assert.deepEqual(older.map((d) => [d.code, d.severity]), [['dovecot/obsolete-protocol', 2], ['dovecot/obsolete-protocol', 2], ['dovecot/obsolete-protocol', 2], ['dovecot/unknown-protocol', 1]]);
    assert.match(String(older[2].message), /'managesieve' as 'sieve'/);
  });

  it('stops at dovecot_config_version, as doveconf does, on a configuration written for a newer Dovecot', () => {
    const v24 = 'dovecot_config_version = 2.4.1\ndovecot_storage_version = 2.4.1\nmail_driver = maildir\nssl = maybe\nsieve_script personal {\n  path = ~/sieve\n}\n';
    const ds = dovecotService.diagnostics(doc(v24, 'file:///etc/dovecot/dovecot.conf'), ctx());
    assert.deepEqual(ds.map((d) => [d.code, d.range.start.line]), [['dovecot/newer-dovecot', 0]]);
    assert.match(String(ds[0].message), /written for Dovecot 2\.4\.1/);
    const tree: Workspace = { readText: (u) => (u === 'file:///etc/dovecot/dovecot.conf' ? v24 : undefined) };
    const part = (uri: string) => dovecotService.diagnostics(doc('mail_driver = maildir\nmail_path = ~/Maildir\n', uri), ctx('en', tree)).map((d) => d.code);
    assert.deepEqual(part('file:///etc/dovecot/conf.d/10-mail.conf'), []);
    assert.deepEqual(part('file:///etc/dovecot/local.conf'), []);
    assert.deepEqual(part('file:///srv/other/dovecot/conf.d/10-mail.conf'), ['dovecot/unknown-setting', 'dovecot/unknown-setting']);
  });

  it("leaves the files a driver reads (dovecot-sql.conf.ext, dovecot-ldap.conf) to that driver", () => {
    const sql = 'driver = mysql\nconnect = host=localhost dbname=mail\npassword_query = SELECT password FROM users \\\n  WHERE user = \'%u\'\n';
    assert.deepEqual(dovecotService.diagnostics(doc(sql, 'file:///etc/dovecot/dovecot-sql.conf.ext'), ctx()), []);
    assert.deepEqual(dovecotService.diagnostics(doc('hosts = ldap\nbase = dc=x\n', 'file:///etc/dovecot/dovecot-ldap.conf'), ctx()), []);
    assert.deepEqual(codes(sql).map(([c]) => c), ['dovecot/unknown-setting', 'dovecot/unknown-setting', 'dovecot/unknown-setting']);
  });

  it('reports !include patterns that match nothing, where the workspace can list folders', () => {
    const files: Record<string, string[]> = { 'file:///lab/dovecot/conf.d/': ['10-auth.conf'] };
    const ws: Workspace = { readText: (u) => (u === 'file:///lab/dovecot/conf.d/10-auth.conf' ? '' : undefined), listFiles: (f) => files[f] };
    const check = (text: string) => dovecotService.diagnostics(doc(text, 'file:///lab/dovecot/dovecot.conf'), ctx('en', ws)).map((d) => d.code);
    assert.deepEqual(check('!include conf.d/*.conf\n!include conf.d/10-auth.conf\n!include_try local.conf\n!include_try /usr/share/dovecot/protocols.d/*.protocol\n'), []);
    assert.deepEqual(check('!include conf.d/*.cnf\n!include local.conf\n'), ['dovecot/include-no-match', 'dovecot/include-no-match']);
    assert.deepEqual(dovecotService.diagnostics(doc('!include nothing.conf\n'), ctx()).map((d) => d.code), []);
  });

  it('completes what the enclosing section takes, with defaults, and values of booleans and mechanisms', () => {
    const inListener = dovecotService.completion!(doc('service auth {\n  unix_listener x {\n    \n  }\n}\n'), { line: 2, character: 4 }, ctx());
    assert.deepEqual(inListener.filter((c) => ['mode', 'user', 'group'].includes(String(c.label))).map((c) => [c.label, c.detail]), [['group', '= '], ['mode', '= 0600'], ['user', '= ']]);
    assert.ok(!inListener.some((c) => c.label === 'auth_mechanisms'));
    const top = dovecotService.completion!(doc(''), { line: 0, character: 0 }, ctx()).map((c) => c.label);
    assert.ok(top.includes('auth_mechanisms') && top.includes('service') && top.includes('!include_try'));
    assert.deepEqual(dovecotService.completion!(doc('disable_plaintext_auth = '), { line: 0, character: 25 }, ctx()).map((c) => c.label), ['yes', 'no']);
    assert.ok(dovecotService.completion!(doc('auth_mechanisms = plain '), { line: 0, character: 24 }, ctx()).some((c) => c.label === 'login'));
  });

  it('hovers with our description and the installed default, in both languages', () => {
    const en = JSON.stringify(dovecotService.hover!(doc('disable_plaintext_auth = no\n'), { line: 0, character: 3 }, ctx()));
    assert.match(en, /plaintext mechanisms/);
    assert.match(en, /Default: `yes`/);
    const es = JSON.stringify(dovecotService.hover!(doc(LISTENER), { line: 1, character: 4 }, ctx('es')));
    assert.match(es, /Un socket UNIX/);
    // In service auth a new listener is root's with mode 0600: hover says so, like completion.
    assert.match(JSON.stringify(dovecotService.hover!(doc(LISTENER), { line: 2, character: 5 }, ctx())), /Default: `0600`/);
  });

  it('outlines sections', () => {
    const symbols = dovecotService.documentSymbols!(doc(LISTENER));
    assert.deepEqual(symbols.map((s) => [s.name, s.children!.map((c) => c.name)]), [['service auth', ['unix_listener /var/spool/postfix/private/auth']]]);
  });
});
