// doveconf is the oracle: for configurations of our own (bases a Postfix + Dovecot set-up uses,
// each with one mistake of every kind) and for Debian's default tree (as installed, and with a
// mistake in each of its files), our first error is where `doveconf -n -c FILE` stops, and where
// doveconf accepts the configuration we report no error.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { dovecotService } from '../../../../server/src/languageservice/dovecot';
import { listDiskFiles, readDiskText } from '../../../../server/src/handlers/diskFiles';
import type { Workspace } from '../../../../server/src/languageservice/service';
import { parseDovecot, walkDovecot } from '../../../../server/src/parsers/dovecot';
import { contains, Position } from '../../../../server/src/parsers/range';
import { requirePeer } from '../../../support/peers';

const skip = requirePeer('doveconf', ['dovecot-core']);

/**
 * Where a configuration stops: a file and 1-based line, 'missing-close', 'settings-check' (refused
 * once read whole, for a value no line is named for), or undefined when it is accepted.
 */
type Verdict = { file: string; line: number } | 'missing-close' | 'settings-check' | undefined;

function doveconfVerdict(conf: string): { verdict: Verdict; output: string } {
  const r = spawnSync('doveconf', ['-n', '-c', conf], { encoding: 'utf8', env: { ...process.env, LANG: 'C', LC_ALL: 'C' } });
  const output = r.stderr.trim();
  if (r.status === 0) return { verdict: undefined, output };
  const at = /Error in configuration file (\S+) line (\d+):/.exec(output);
  if (at) return { verdict: { file: at[1], line: Number(at[2]) }, output };
  if (/Missing '}'/.test(output)) return { verdict: 'missing-close', output };
  if (/Error in configuration file \S+: protocols: Unknown protocol/.test(output)) return { verdict: 'settings-check', output };
  throw new Error(`doveconf failed in a way this test does not model: ${output}`);
}

const disk: Workspace = { readText: readDiskText, listFiles: listDiskFiles };

/** Our verdict over the given files (in the order Dovecot reads them): the first error. */
function ourVerdict(files: string[]): Verdict {
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    const doc = TextDocument.create(pathToFileURL(file).href, 'dovecot', 1, text);
    const errors = dovecotService
      .diagnostics(doc, { locale: 'en', workspace: disk })
      .filter((d) => d.severity === DiagnosticSeverity.Error)
      .sort((a, b) => a.range.end.line - b.range.end.line);
    if (errors.length === 0) continue;
    // Dovecot only notices an unclosed section at the end of the file, once everything else was read.
    const first = errors.find((e) => e.code !== 'dovecot/missing-close' && e.code !== 'dovecot/unknown-protocol');
    if (first) return { file, line: reportedLine(text, first.range.start) + 1 };
    return errors.some((e) => e.code === 'dovecot/missing-close') ? 'missing-close' : 'settings-check';
  }
  return undefined;
}

/**
 * doveconf counts lines as it reads them, so an error in a continued line is reported at its last
 * physical line; our diagnostic sits on the name, so map it to the end of its logical line.
 */
function reportedLine(text: string, at: Position): number {
  for (const { node } of walkDovecot(parseDovecot(text).nodes)) {
    const logical = node.kind === 'section' ? node.headerRange : node.range;
    if (contains(logical, at)) return logical.end.line;
  }
  return at.line;
}

const same = (a: Verdict, b: Verdict) => JSON.stringify(a) === JSON.stringify(b);

// Bases: valid configurations of the kinds a Postfix + Dovecot SASL set-up writes.
const BASES: Record<string, string> = {
  listener: 'service auth {\n  unix_listener /var/spool/postfix/private/auth {\n    mode = 0660\n    user = postfix\n    group = postfix\n  }\n}\n',
  auth: 'disable_plaintext_auth = no\nauth_mechanisms = plain login\nauth_username_format = %n\n',
  dbs: 'passdb {\n  driver = pam\n}\nuserdb {\n  driver = passwd\n}\n',
  filters: 'protocol imap {\n  mail_max_userip_connections = 20\n}\nplugin {\n  quota = maildir:User quota\n}\n',
  namespace: 'namespace inbox {\n  inbox = yes\n  mailbox Drafts {\n    special_use = \\Drafts\n  }\n}\n',
  written: '# comment\nauth_mechanisms = plain \\\n  login\nauth_realms = "a b" # trailing\nauth_default_realm=example.org\n',
  listeners: 'service imap-login {\n  inet_listener imap {\n    port = 143\n  }\n  inet_listener imaps {\n    port = 993\n    ssl = yes\n  }\n}\n',
  values: 'mail_plugins = $mail_plugins quota\nssl_cert = </etc/ssl/certs/ssl-cert-snakeoil.pem\nauth_mechanisms = plain#glued\n',
};

/** One mistake (or a valid twist) per kind, applied to a base. */
const MUTATIONS: Record<string, (base: string) => string> = {
  none: (b) => b,
  'unknown setting at the end': (b) => b + 'bogus_setting = 1\n',
  'unknown setting in the first section': (b) => b.replace(/\{\n/, '{\n  bogus_setting = 1\n'),
  'first key misspelt': (b) => b.replace(/^(\s*)(\w+?)\w( ?=)/m, '$1$2$3'),
  'last brace missing': (b) => b.replace(/}\n$/, ''),
  'extra brace': (b) => b + '}\n',
  'garbage after brace': (b) => 'service auth { unix_listener x { mode = 0660 } }\n' + b,
  'missing key': (b) => b + '= value\n',
  'bad boolean': (b) => b + 'disable_plaintext_auth = maybe\n',
  'bad number': (b) => b + 'auth_worker_max_count = 10k\n',
  'unknown section': (b) => b + 'servce auth {\n}\n',
  'section without brace': (b) => b + 'service auth\n',
  'include matching nothing': (b) => b + '!include nosuch.d/*.conf\n',
  'optional include matching nothing': (b) => b + '!include_try nosuch.d/*.conf\n',
  'bad mode': (b) => b + 'service auth {\n  unix_listener x {\n    mode = 0968\n  }\n}\n',
  'setting of another section': (b) => b + 'service auth {\n  driver = pam\n}\n',
  'boolean in any case': (b) => b + 'disable_plaintext_auth = YES\n',
  'quoted value': (b) => b + 'auth_mechanisms = "plain login"\n',
  'enums with a yes/no default': (b) => b + 'ssl = required\nauth_verbose_passwords = sha1\nnamespace n {\n  list = children\n  mailbox m {\n    auto = create\n  }\n}\n',
  'bad boolean in a listener': (b) => b + 'service imap-login {\n  inet_listener imaps {\n    ssl = required\n  }\n}\n',
  'older setting names': (b) => b + 'ssl_protocols = !SSLv3 !TLSv1\nssl_dh_parameters_length = 2048\nssl_disable = yes\n',
  'protocols installed': (b) => b + 'protocols = imap pop3 lmtp submission\n',
  'older protocol names': (b) => b + 'protocols = imap imaps pop3 pop3s\n',
  'protocol nothing speaks': (b) => b + 'protocols = $protocols imap sieve\n',
  'another setting or the environment in a number': (b) => b + 'default_client_limit = 100\ndefault_process_limit = $default_client_limit\nservice auth {\n  process_limit = $ENV:LIMIT\n}\n',
  "a number's own earlier value": (b) => b + 'default_process_limit = 5\ndefault_process_limit = $default_process_limit\n',
  'written for Dovecot 2.4': (b) => `dovecot_config_version = 2.4.1\n${b}mail_driver = maildir\n`,
  "Dovecot 1's auth section": (b) => b + 'auth default {\n  mechanisms = plain login\n}\n',
};

describe('our Dovecot errors agree with doveconf', { skip }, () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'doveconf-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('on configurations of our own', () => {
    const disagreements: string[] = [];
    let cases = 0;
    let errors = 0;
    for (const [base, text] of Object.entries(BASES)) {
      for (const [mutation, apply] of Object.entries(MUTATIONS)) {
        const folder = join(dir, 'own', `${base}-${mutation.replace(/\W+/g, '-')}`, 'dovecot');
        mkdirSync(folder, { recursive: true });
        const file = join(folder, 'dovecot.conf');
        writeFileSync(file, apply(text));
        const theirs = doveconfVerdict(file);
        const ours = ourVerdict([file]);
        cases++;
        if (theirs.verdict) errors++;
        if (!same(ours, theirs.verdict)) disagreements.push(`${base} + ${mutation}: doveconf ${JSON.stringify(theirs.verdict)} (${theirs.output}), we ${JSON.stringify(ours)}`);
      }
    }
    process.stdout.write(`# doveconf agreement, own configurations: ${cases - disagreements.length}/${cases} (${errors} refused by doveconf)\n`);
    assert.ok(errors > cases / 3, 'the corpus should hold many refused configurations');
    assert.deepEqual(disagreements, []);
  });

  const DEBIAN = '/etc/dovecot';
  const debianSkip = skip ?? (existsSync(join(DEBIAN, 'dovecot.conf')) ? undefined : "Debian's /etc/dovecot is not installed");

  /** The tree's files in the order dovecot.conf reads them, for our side. */
  const treeFiles = (root: string) => {
    const confd = join(root, 'conf.d');
    const parts = readdirSync(confd).sort();
    return [join(root, 'dovecot.conf'), ...parts.filter((f) => f.endsWith('.conf')).map((f) => join(confd, f)), ...parts.filter((f) => f.endsWith('.conf.ext')).map((f) => join(confd, f))];
  };

  it("on Debian's default tree, as installed", { skip: debianSkip }, () => {
    assert.equal(doveconfVerdict(join(DEBIAN, 'dovecot.conf')).verdict, undefined);
    const copy = join(dir, 'debian', 'etc', 'dovecot');
    cpSync(DEBIAN, copy, { recursive: true });
    const files = treeFiles(copy);
    assert.ok(files.length >= 10, `only ${files.length} files in the tree`);
    assert.equal(ourVerdict(files), undefined);
    const warnings = files.flatMap((f) =>
      dovecotService.diagnostics(TextDocument.create(pathToFileURL(f).href, 'dovecot', 1, readFileSync(f, 'utf8')), { locale: 'en', workspace: disk }),
    );
    assert.deepEqual(warnings.map((d) => `${d.code} ${d.message}`), []);
    process.stdout.write(`# Debian's tree: ${files.length} files, no finding, as doveconf accepts it\n`);
  });

  it("on Debian's default tree with a mistake in each file", { skip: debianSkip }, () => {
    const disagreements: string[] = [];
    let cases = 0;
    const names = treeFiles(DEBIAN).map((f) => f.slice(DEBIAN.length + 1)).filter((f) => !f.endsWith('.ext'));
    for (const name of names) {
      const original = readFileSync(join(DEBIAN, name), 'utf8');
      const mistakes: Record<string, string> = {
        'unknown setting': original + 'bogus_setting = 1\n',
        'extra brace': original + '}\n',
        'first active key misspelt': original.replace(/^(\s*)([a-z_]+?)[a-z]( ?= )/m, '$1$2$3'),
        'unknown section': original + 'servce auth {\n}\n',
      };
      for (const [mistake, text] of Object.entries(mistakes)) {
        if (text === original) continue;
        const root = join(dir, 'debian-mutated', `${name.replace(/\W+/g, '-')}-${mistake.replace(/\W+/g, '-')}`, 'etc', 'dovecot');
        cpSync(DEBIAN, root, { recursive: true });
        writeFileSync(join(root, name), text);
        mkdirSync(dirname(join(root, name)), { recursive: true });
        const theirs = doveconfVerdict(join(root, 'dovecot.conf'));
        const ours = ourVerdict(treeFiles(root));
        cases++;
        if (!same(ours, theirs.verdict)) disagreements.push(`${name} + ${mistake}: doveconf ${JSON.stringify(theirs.verdict)} (${theirs.output}), we ${JSON.stringify(ours)}`);
      }
    }
    process.stdout.write(`# doveconf agreement, Debian's tree with one mistake: ${cases - disagreements.length}/${cases}\n`);
    assert.ok(cases >= 30, `only ${cases} cases`);
    assert.deepEqual(disagreements, []);
  });
});
