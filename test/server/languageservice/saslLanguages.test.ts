// The SASL side's files are recognised by path as the manifest recognises them, and only those:
// Dovecot's SQL/LDAP .conf.ext files beside dovecot.conf have another reader's settings.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { languageForPath } from '../../../server/src/languageservice/languages';

describe('languages of the SASL side by path', () => {
  it('recognises Dovecot, Cyrus and saslauthd files where Debian puts them', () => {
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
      ['/etc/saslauthd', undefined],
      ['/etc/postfix/main.cf', 'postfix-main'],
    ];
    assert.deepEqual(cases.map(([p]) => [p, languageForPath(p)]), cases);
  });
});
