// The snippets, inserted with their defaults, pass the real tools: named-checkzone loads every
// zone built from them, and postconf reads the lab's main.cf and master.cf built from them
// without a single warning.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { requirePeer } from '../../support/peers';
import { expandSnippet } from './expand';

const ROOT = join(__dirname, '../../..');
const dir = mkdtempSync(join(tmpdir(), 'mailconf-snippets-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const load = (file: string) => JSON.parse(readFileSync(join(ROOT, 'snippets', file), 'utf8')) as Record<string, { body: string[] }>;
const text = (snippets: Record<string, { body: string[] }>, name: string) => expandSnippet(snippets[name].body).text;

describe('snippets and named-checkzone', { skip: requirePeer('named-checkzone', ['bind9-utils']) }, () => {
  const zone = load('dns-zone.json');
  const check = (origin: string, content: string) => {
    const file = join(dir, `${origin}.zone`);
    writeFileSync(file, content);
    // -i local and, where we may, no network at all: out-of-zone names (the reverse zone's NS)
    // would otherwise be looked up through the system resolver.
    const args = ['-i', 'local', origin, file];
    const isolated = process.getuid?.() === 0 && spawnSync('unshare', ['-n', 'true']).status === 0;
    return isolated
      ? spawnSync('unshare', ['-n', 'named-checkzone', ...args], { encoding: 'utf8' })
      : spawnSync('named-checkzone', args, { encoding: 'utf8' });
  };

  it('loads the mail zone with every record snippet added', () => {
    const records = Object.keys(zone).filter((n) => !['Mail domain zone', 'Reverse zone'].includes(n));
    const r = check('mail1.org', text(zone, 'Mail domain zone') + records.map((n) => text(zone, n)).join(''));
    assert.equal(r.status, 0, r.stdout + r.stderr);
  });

  it('loads the reverse zone', () => {
    const r = check('255.168.192.in-addr.arpa', text(zone, 'Reverse zone'));
    assert.equal(r.status, 0, r.stdout + r.stderr);
  });
});

describe('snippets and postconf', { skip: requirePeer('/usr/sbin/postconf', ['postfix']) }, () => {
  it('reads main.cf and master.cf made of the snippets without warnings', () => {
    const main = load('postfix-main.json');
    const master = load('postfix-master.json');
    const conf = mkdtempSync(join(dir, 'postfix-'));
    // Dovecot and Cyrus both set smtpd_sasl_type; the lab picks one, so does this file.
    const mainNames = Object.keys(main).filter((n) => n !== 'Cyrus SASL block' && n !== 'Recipient restrictions against spam');
    writeFileSync(join(conf, 'main.cf'), mainNames.map((n) => text(main, n)).join('\n'));
    writeFileSync(join(conf, 'master.cf'), Object.keys(master).map((n) => text(master, n)).join('\n'));
    const r = spawnSync('/usr/sbin/postconf', ['-c', conf, '-n'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stderr, '', 'postconf warned');
    assert.match(r.stdout, /^smtp_tls_security_level = may$/m);
    assert.doesNotMatch(r.stdout, /smtp_use_tls/);
  });
});

describe('snippets and doveconf', { skip: requirePeer('doveconf', ['dovecot-core']) }, () => {
  it('reads a dovecot.conf made of the Dovecot snippets without a word', () => {
    const dovecot = load('dovecot.json');
    const file = join(mkdtempSync(join(dir, 'dovecot-')), 'dovecot.conf');
    writeFileSync(file, Object.keys(dovecot).map((n) => text(dovecot, n)).join('\n'));
    const r = spawnSync('doveconf', ['-n', '-c', file], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stderr, '', 'doveconf warned');
    assert.match(r.stdout, /unix_listener \/var\/spool\/postfix\/private\/auth \{/);
  });
});
