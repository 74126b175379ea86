// Every cross-check between Postfix and its SASL side, with a configuration where it fires (on the
// line to change, with related information at the other file) and one where it stays quiet.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-types';
import { languageForPath, serviceFor } from '../../../../server/src/languageservice/languages';
import type { ServiceContext } from '../../../../server/src/languageservice/service';
import { requirePeer } from '../../../support/peers';

const ROOT = 'file:///lab/etc/';
const MAIN = `${ROOT}postfix/main.cf`;
const MASTER = `${ROOT}postfix/master.cf`;
const SMTPD_CONF = `${ROOT}postfix/sasl/smtpd.conf`;
const SASLAUTHD = `${ROOT}default/saslauthd`;
const DOVECOT = `${ROOT}dovecot/dovecot.conf`;
const TEN_MASTER = `${ROOT}dovecot/conf.d/10-master.conf`;

const LANG: Record<string, string> = { [MAIN]: 'postfix-main', [MASTER]: 'postfix-master', [SMTPD_CONF]: 'cyrus-sasl', [SASLAUTHD]: 'saslauthd', [DOVECOT]: 'dovecot', [TEN_MASTER]: 'dovecot' };

type Tree = Record<string, string>;

function diagnostics(tree: Tree, uri: string, locale: 'en' | 'es' = 'en'): Diagnostic[] {
  const ctx: ServiceContext = {
    locale,
    workspace: {
      readText: (u) => tree[u],
      listFiles: (folder) => {
        const names = Object.keys(tree).filter((u) => u.startsWith(folder) && !u.slice(folder.length).includes('/')).map((u) => u.slice(folder.length));
        return names.length > 0 ? names.sort() : undefined;
      },
    },
  };
  const language = LANG[uri] ?? languageForPath(uri)!;
  const doc = TextDocument.create(uri, language, 1, tree[uri]);
  return serviceFor(language)!.diagnostics(doc, ctx).filter((d) => String(d.code).startsWith('sasl/'));
}

const brief = (ds: Diagnostic[]) => ds.map((d) => [d.code, d.range.start.line, (d.relatedInformation ?? []).map((r) => `${r.location.uri.slice(ROOT.length)}:${r.location.range.start.line}`)]);

const MASTER_CF = (chroot: string) => `smtp      inet  n       -       ${chroot}       -       -       smtpd\n`;

const CYRUS: Tree = {
  [MAIN]: 'smtpd_sasl_auth_enable = yes\nsmtpd_sasl_path = smtpd\nsmtpd_sasl_security_options = noanonymous\nsmtpd_tls_auth_only = yes\n',
  [MASTER]: MASTER_CF('y'),
  [SMTPD_CONF]: 'pwcheck_method: saslauthd\nmech_list: PLAIN LOGIN\n',
  [SASLAUTHD]: 'START=yes\nMECHANISMS="pam"\nOPTIONS="-c -m /var/spool/postfix/var/run/saslauthd"\n',
};

const LISTENER = (path: string, mode = '0660', user = 'postfix') => `service auth {\n  unix_listener ${path} {\n    mode = ${mode}\n    user = ${user}\n    group = postfix\n  }\n}\n`;

const DOVE: Tree = {
  [MAIN]: 'smtpd_sasl_type = dovecot\nsmtpd_sasl_path = private/auth\nsmtpd_sasl_auth_enable = yes\nsmtpd_tls_auth_only = yes\n',
  [MASTER]: MASTER_CF('y'),
  [DOVECOT]: '!include conf.d/*.conf\n',
  [TEN_MASTER]: LISTENER('/var/spool/postfix/private/auth'),
};

/** Dovecot texts with protocol filters, what `doveconf -f service=smtp` says Postfix is offered, and whether noplaintext then leaves nothing. */
const PROTOCOL_FILTERS: [string, string, boolean][] = [
  ['protocol smtp {\n  auth_mechanisms = plain cram-md5\n}\nauth_mechanisms = plain\n', 'plain cram-md5', false],
  ['auth_mechanisms = plain\nprotocol !imap {\n  auth_mechanisms = cram-md5\n}\n', 'cram-md5', false],
  ['auth_mechanisms = cram-md5\nprotocol smtp {\n  auth_mechanisms = plain\n}\n', 'plain', true],
  ['auth_mechanisms = plain\nprotocol imap {\n  auth_mechanisms = cram-md5\n}\nprotocol !smtp {\n  auth_mechanisms = cram-md5\n}\n', 'plain', true],
];

const all = (tree: Tree) => Object.keys(tree).flatMap((u) => diagnostics(tree, u));

describe('SASL cross-checks', () => {
  it("find nothing wrong in the lesson's Cyrus and Dovecot set-ups", () => {
    assert.deepEqual(all(CYRUS), []);
    assert.deepEqual(all(DOVE), []);
  });

  it('Dovecot: a missing listener is reported on smtpd_sasl_path, pointing at service auth', () => {
    const tree = { ...DOVE, [TEN_MASTER]: 'service auth {\n}\n' };
    assert.deepEqual(brief(diagnostics(tree, MAIN)), [['sasl/no-dovecot-listener', 1, ['dovecot/conf.d/10-master.conf:0']]]);
    assert.match(String(diagnostics(tree, MAIN, 'es')[0].message), /\/var\/spool\/postfix\/private\/auth/);
  });

  it('Dovecot: a listener meant for Postfix at another path is reported on the listener', () => {
    const tree = { ...DOVE, [TEN_MASTER]: LISTENER('/var/spool/postfix/private/dovecot-auth') };
    assert.deepEqual(brief(diagnostics(tree, TEN_MASTER)), [['sasl/listener-elsewhere', 1, ['postfix/main.cf:1']]]);
    assert.deepEqual(brief(diagnostics(tree, MAIN)), [['sasl/no-dovecot-listener', 1, ['dovecot/conf.d/10-master.conf:1']]]);
  });

  it('Dovecot: a relative listener path is under base_dir, not the queue directory', () => {
    assert.deepEqual(brief(diagnostics({ ...DOVE, [TEN_MASTER]: LISTENER('auth-postfix') }, MAIN)).map((d) => d[0]), ['sasl/no-dovecot-listener']);
  });

  it('Dovecot: the listener must let the postfix user connect', () => {
    assert.deepEqual(brief(diagnostics({ ...DOVE, [TEN_MASTER]: LISTENER('/var/spool/postfix/private/auth', '0600', 'dovecot') }, TEN_MASTER)), [
      ['sasl/listener-permissions', 2, ['postfix/main.cf:1']],
    ]);
    // Without mode, user and group the listener is root's, mode 0600.
    const bare = 'service auth {\n  unix_listener /var/spool/postfix/private/auth {\n  }\n}\n';
    assert.deepEqual(brief(diagnostics({ ...DOVE, [TEN_MASTER]: bare }, TEN_MASTER)).map((d) => d.slice(0, 2)), [['sasl/listener-permissions', 1]]);
    assert.deepEqual(diagnostics({ ...DOVE, [TEN_MASTER]: LISTENER('/var/spool/postfix/private/auth', '0600', 'postfix') }, TEN_MASTER), []);
  });

  it('Cyrus: the application file must be in the SASL folder', () => {
    const tree: Tree = { ...CYRUS, [`${ROOT}postfix/sasl/smtpd-other.conf`]: 'pwcheck_method: saslauthd\n' };
    delete tree[SMTPD_CONF];
    assert.deepEqual(brief(diagnostics(tree, MAIN)), [['sasl/no-app-file', 1, []]]);
    assert.deepEqual(diagnostics({ ...tree, [MAIN]: tree[MAIN].replace('= smtpd', '= smtpd-other') }, MAIN), []);
  });

  it('Cyrus: an empty SASL folder lacks the application file too', () => {
    const tree: Tree = { ...CYRUS };
    delete tree[SMTPD_CONF];
    const ctxTree = { ...tree, [`${ROOT}postfix/sasl/`]: '' };
    assert.deepEqual(brief(diagnostics(tree, MAIN)), []);
    assert.deepEqual(brief(diagnostics(ctxTree, MAIN)).map((d) => d[0]), ['sasl/no-app-file']);
  });

  it('Cyrus: saslauthd checks only plaintext mechanisms', () => {
    const tree = { ...CYRUS, [SMTPD_CONF]: 'pwcheck_method: saslauthd\nmech_list: CRAM-MD5 DIGEST-MD5\n' };
    assert.deepEqual(brief(diagnostics(tree, SMTPD_CONF)), [['sasl/saslauthd-needs-plaintext', 1, ['postfix/sasl/smtpd.conf:0']]]);
    assert.deepEqual(diagnostics({ ...tree, [SMTPD_CONF]: 'pwcheck_method: saslauthd auxprop\nmech_list: CRAM-MD5\n' }, SMTPD_CONF), []);
  });

  it('Cyrus: saslauthd must be started', () => {
    const tree = { ...CYRUS, [SASLAUTHD]: CYRUS[SASLAUTHD].replace('START=yes\n', '') };
    const ds = diagnostics(tree, SASLAUTHD);
    assert.deepEqual(brief(ds), [['sasl/saslauthd-not-started', 0, ['postfix/sasl/smtpd.conf:0']]]);
    assert.deepEqual(brief(diagnostics({ ...CYRUS, [SASLAUTHD]: CYRUS[SASLAUTHD].replace('START=yes', 'START=no') }, SASLAUTHD)).map((d) => d[0]), ['sasl/saslauthd-not-started']);
  });

  it("Cyrus: with smtpd chrooted, saslauthd's socket folder must be inside the queue directory (the lesson's warning)", () => {
    const tree = { ...CYRUS, [SASLAUTHD]: CYRUS[SASLAUTHD].replace('/var/spool/postfix/var/run/saslauthd', '/var/run/saslauthd') };
    const [d] = diagnostics(tree, SASLAUTHD);
    assert.deepEqual(brief([d]), [['sasl/socket-outside-chroot', 2, ['postfix/master.cf:0', 'postfix/sasl/smtpd.conf:0']]]);
    assert.deepEqual(d.range, { start: { line: 2, character: 15 }, end: { line: 2, character: 33 } });
    assert.match(String(d.message), /-m \/var\/spool\/postfix\/var\/run\/saslauthd/);
  });

  it('Cyrus: without chroot, the socket must be where libsasl looks', () => {
    assert.deepEqual(brief(diagnostics({ ...CYRUS, [MASTER]: MASTER_CF('n') }, SASLAUTHD)), [['sasl/socket-path-mismatch', 2, ['postfix/sasl/smtpd.conf:0']]]);
    const unchrooted = { ...CYRUS, [MASTER]: MASTER_CF('n'), [SASLAUTHD]: CYRUS[SASLAUTHD].replace('/var/spool/postfix/var/run/saslauthd', '/run/saslauthd') };
    assert.deepEqual(all(unchrooted), []);
  });

  it("Cyrus: a '-' chroot column with the socket in the queue directory says that '-' no longer chroots", () => {
    const ds = diagnostics({ ...CYRUS, [MASTER]: MASTER_CF('-') }, SASLAUTHD);
    assert.deepEqual(brief(ds), [['sasl/socket-path-mismatch', 2, ['postfix/sasl/smtpd.conf:0', 'postfix/master.cf:0']]]);
    assert.match(ds[0].relatedInformation![1].message, /'-': no chroot since Postfix 3.0/);
    // An explicit n was meant: nothing to explain.
    assert.deepEqual(brief(diagnostics({ ...CYRUS, [MASTER]: MASTER_CF('n') }, SASLAUTHD)), [['sasl/socket-path-mismatch', 2, ['postfix/sasl/smtpd.conf:0']]]);
  });

  it('Cyrus: saslauthd_path must agree with -m', () => {
    const tree = { ...CYRUS, [SMTPD_CONF]: CYRUS[SMTPD_CONF] + 'saslauthd_path: /var/run/sasl/mux\n' };
    assert.deepEqual(brief(diagnostics(tree, SMTPD_CONF)), [['sasl/socket-path-mismatch', 2, ['default/saslauthd:2']]]);
    assert.deepEqual(diagnostics({ ...CYRUS, [SMTPD_CONF]: CYRUS[SMTPD_CONF] + 'saslauthd_path: /var/run/saslauthd/mux\n' }, SMTPD_CONF), []);
  });

  it("Cyrus on Red Hat: sasl2/smtpd.conf and sysconfig/saslauthd, whose SOCKETDIR (or a later -m in FLAGS) is the socket folder", () => {
    const RH_CONF = `${ROOT}sasl2/smtpd.conf`;
    const RH_SASLAUTHD = `${ROOT}sysconfig/saslauthd`;
    const redHat = (socketdir: string, flags = ''): Tree => ({
      [MAIN]: CYRUS[MAIN],
      [MASTER]: MASTER_CF('n'),
      [RH_CONF]: CYRUS[SMTPD_CONF],
      [RH_SASLAUTHD]: `SOCKETDIR=${socketdir}\nMECH=pam\nFLAGS="${flags}"\n`,
    });
    // No START: systemctl starts saslauthd, not the file.
    assert.deepEqual(all(redHat('/run/saslauthd')), []);
    const chrooted = { ...redHat('/run/saslauthd'), [MASTER]: MASTER_CF('y') };
    assert.deepEqual(brief(diagnostics(chrooted, RH_SASLAUTHD)), [['sasl/socket-outside-chroot', 0, ['postfix/master.cf:0', 'sasl2/smtpd.conf:0']]]);
    assert.deepEqual(diagnostics({ ...chrooted, [RH_SASLAUTHD]: 'SOCKETDIR=/var/spool/postfix/var/run/saslauthd\nMECH=pam\n' }, RH_SASLAUTHD), []);
    assert.deepEqual(brief(diagnostics({ ...redHat('/run/saslauthd', '-c -m /var/lib/sasl') }, RH_SASLAUTHD)), [['sasl/socket-path-mismatch', 2, ['sasl2/smtpd.conf:0']]]);
  });

  it("Cyrus on Gentoo or Arch: conf.d/saslauthd's -m is the socket folder", () => {
    const CONFD = `${ROOT}conf.d/saslauthd`;
    const tree: Tree = { [MAIN]: CYRUS[MAIN], [MASTER]: MASTER_CF('y'), [SMTPD_CONF]: CYRUS[SMTPD_CONF], [CONFD]: 'SASLAUTHD_OPTS="-a pam -m /run/saslauthd"\n' };
    assert.deepEqual(brief(diagnostics(tree, CONFD)), [['sasl/socket-outside-chroot', 0, ['postfix/master.cf:0', 'postfix/sasl/smtpd.conf:0']]]);
    assert.deepEqual(all({ ...tree, [CONFD]: 'SASLAUTHD_OPTS="-a pam -m /var/spool/postfix/var/run/saslauthd"\n' }), []);
  });

  it('mechanisms: security options that leave none of mech_list or auth_mechanisms', () => {
    const cyrus = { ...CYRUS, [MAIN]: CYRUS[MAIN].replace('= noanonymous', '= noanonymous, noplaintext') };
    assert.deepEqual(brief(diagnostics(cyrus, MAIN)), [['sasl/no-usable-mechanism', 2, ['postfix/sasl/smtpd.conf:1']]]);
    const dove = { ...DOVE, [MAIN]: DOVE[MAIN] + 'smtpd_sasl_security_options = noplaintext\n', [DOVECOT]: 'auth_mechanisms = plain login\n!include conf.d/*.conf\n' };
    assert.deepEqual(brief(diagnostics(dove, MAIN)), [['sasl/no-usable-mechanism', 4, ['dovecot/dovecot.conf:0']]]);
    const withCram = { ...dove, [DOVECOT]: 'auth_mechanisms = plain login cram-md5\n!include conf.d/*.conf\n' };
    assert.deepEqual(diagnostics(withCram, MAIN), []);
  });

  it("Dovecot: plaintext refused before TLS while Postfix offers AUTH before TLS", () => {
    const tree = { ...DOVE, [MAIN]: DOVE[MAIN].replace('smtpd_tls_auth_only = yes\n', ''), [DOVECOT]: 'disable_plaintext_auth = yes\n!include conf.d/*.conf\n' };
    const [d] = diagnostics(tree, MAIN);
    assert.deepEqual(brief([d]), [['sasl/plaintext-before-tls', 2, ['dovecot/dovecot.conf:0']]]);
    assert.deepEqual(diagnostics({ ...tree, [DOVECOT]: 'disable_plaintext_auth = no\n!include conf.d/*.conf\n' }, MAIN), []);
    // Mandatory TLS implies smtpd_tls_auth_only (postconf(5)): no AUTH before STARTTLS there.
    for (const tls of ['smtpd_tls_security_level = encrypt\n', 'smtpd_enforce_tls = yes\n'])
      assert.deepEqual(diagnostics({ ...tree, [MAIN]: tree[MAIN] + tls }, MAIN), [], tls);
    assert.deepEqual(brief(diagnostics({ ...tree, [MAIN]: tree[MAIN] + 'smtpd_enforce_tls = yes\nsmtpd_tls_security_level = may\n' }, MAIN)).map(([c]) => c), ['sasl/plaintext-before-tls']);
  });

  it("Dovecot: read like Dovecot reads it, includes in place (inside a section too), the last setting winning", () => {
    const inside = { ...DOVE, [DOVECOT]: 'service auth {\n  !include auth-postfix.conf\n}\n', [`${ROOT}dovecot/auth-postfix.conf`]: LISTENER('/var/spool/postfix/private/auth').split('\n').slice(1, -2).join('\n') + '\n' };
    delete (inside as Tree)[TEN_MASTER];
    assert.deepEqual(all(inside), []);
    const noplaintext = DOVE[MAIN] + 'smtpd_sasl_security_options = noplaintext\n';
    const later = { ...DOVE, [MAIN]: noplaintext, [DOVECOT]: '!include conf.d/*.conf\nauth_mechanisms = plain cram-md5\n', [`${ROOT}dovecot/conf.d/10-auth.conf`]: 'auth_mechanisms = plain\n' };
    assert.deepEqual(diagnostics(later, MAIN), []);
    const earlier = { ...later, [DOVECOT]: 'auth_mechanisms = plain cram-md5\n!include conf.d/*.conf\n' };
    assert.deepEqual(brief(diagnostics(earlier, MAIN)), [['sasl/no-usable-mechanism', 4, ['dovecot/conf.d/10-auth.conf:0']]]);
  });

  it("Dovecot: a protocol filter that Postfix's requests match (smtp, or !imap) beats the top level, wherever it is written", () => {
    const noplaintext = DOVE[MAIN] + 'smtpd_sasl_security_options = noplaintext\n';
    const dove = (text: string) => ({ ...DOVE, [MAIN]: noplaintext, [DOVECOT]: `${text}!include conf.d/*.conf\n` });
    for (const [text, , fires] of PROTOCOL_FILTERS) {
      const found = brief(diagnostics(dove(text), MAIN));
      if (!fires) assert.deepEqual(found, [], text);
      else assert.deepEqual(found.map((f) => f[0]), ['sasl/no-usable-mechanism'], text);
    }
    // disable_plaintext_auth = no for smtp alone: AUTH before TLS is fine for Postfix.
    const before = { ...DOVE, [MAIN]: DOVE[MAIN].replace('smtpd_tls_auth_only = yes\n', '') };
    const plain = 'disable_plaintext_auth = yes\nprotocol smtp {\n  disable_plaintext_auth = no\n}\n';
    assert.deepEqual(diagnostics({ ...before, [DOVECOT]: `${plain}!include conf.d/*.conf\n` }, MAIN), []);
    const other = plain.replace('protocol smtp', 'protocol pop3');
    assert.deepEqual(brief(diagnostics({ ...before, [DOVECOT]: `${other}!include conf.d/*.conf\n` }, MAIN)), [['sasl/plaintext-before-tls', 2, ['dovecot/dovecot.conf:0']]]);
  });

  it('stay quiet when SASL is enabled nowhere', () => {
    const tree = { ...DOVE, [MAIN]: 'smtpd_sasl_type = dovecot\n', [TEN_MASTER]: '' };
    assert.deepEqual(all(tree), []);
  });
});

describe('Dovecot protocol filters, as doveconf reads them for service=smtp', { skip: requirePeer('doveconf', ['dovecot-core']) }, () => {
  it('offer Postfix the mechanisms the cross-checks assume', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mailconf-protocol-filters-'));
    try {
      for (const [text, offered] of PROTOCOL_FILTERS) {
        const file = join(dir, 'dovecot.conf');
        writeFileSync(file, text);
        const out = execFileSync('doveconf', ['-c', file, '-f', 'service=smtp', '-h', 'auth_mechanisms'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
        assert.equal(out.trim(), offered, text);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
