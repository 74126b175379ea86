// Files are recognised by path as the extension's manifest recognises them, and only those: the
// SASL side where Debian and Red Hat put it, and not Dovecot's SQL/LDAP .conf.ext files beside
// dovecot.conf, which have another reader's settings.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import { languageForPath } from '../../../server/src/languageservice/languages';

describe('languages by path', () => {
  it('recognises Dovecot, Cyrus and saslauthd files where Debian and Red Hat put them', () => {
    const cases: [string, string | undefined][] = [
      ['/etc/dovecot/dovecot.conf', 'dovecot'],
      ['/etc/dovecot/conf.d/10-master.conf', 'dovecot'],
      ['/etc/dovecot/conf.d/auth-system.conf.ext', 'dovecot'],
      ['/etc/dovecot/local.conf', 'dovecot'],
      ['/etc/dovecot/dovecot-sql.conf.ext', undefined],
      ['/etc/postfix/sasl/smtpd.conf', 'cyrus-sasl'],
      ['/usr/lib/sasl2/smtpd.conf', 'cyrus-sasl'],
      ['/etc/default/saslauthd', 'saslauthd'],
      ['/etc/default/saslauthd-postfix', 'saslauthd'],
      ['/etc/sysconfig/saslauthd', 'saslauthd'],
      ['/etc/sasl2/smtpd.conf', 'cyrus-sasl'],
      ['/etc/sysconfig/network', undefined],
      ['/etc/conf.d/saslauthd', 'saslauthd'],
      ['/etc/saslauthd', undefined],
      ['/etc/postfix/main.cf', 'postfix-main'],
    ];
    assert.deepEqual(cases.map(([p]) => [p, languageForPath(p)]), cases);
  });

  it("gives every path of the manifest's filename patterns the language the manifest gives it", () => {
    const manifest = JSON.parse(readFileSync(resolve(__dirname, '../../../package.json'), 'utf8'));
    const disagree: string[] = [];
    for (const l of manifest.contributes.languages as { id: string; filenamePatterns?: string[] }[])
      for (const pattern of l.filenamePatterns ?? []) {
        // A path VS Code matches with the pattern: under /etc, each '*' a word.
        const path = pattern.replace(/^\*\*\//, '/etc/').replace(/^(?!\/)/, '/etc/postfix/').replace(/\*/g, 'x');
        if (languageForPath(path) !== l.id) disagree.push(`${pattern} (${path}): ${languageForPath(path)}, not ${l.id}`);
      }
    assert.deepEqual(disagree, []);
  });
});
