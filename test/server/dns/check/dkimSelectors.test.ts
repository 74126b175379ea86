import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { signerSelectors } from '../../../../server/src/dns/check/dkimSelectors';

describe('DKIM selectors of the signer', () => {
  it('reads Selector from opendkim.conf and DOMAIN:SELECTOR:KEY lines of a KeyTable, for the domain', () => {
    assert.deepEqual(signerSelectors('# OpenDKIM\nDomain mail1.org\nSelector   default # the lab\nKeyFile /etc/dkimkeys/default.private\n', 'mail1.org.'), ['default']);
    const keyTable = 'mail._domainkey.mail1.org mail1.org:mail:/etc/opendkim/keys/mail1.org/mail.private\nx._domainkey.mail2.org mail2.org:x:/k\n# old:\n#s2 mail1.org:s2:/k\n';
    assert.deepEqual(signerSelectors(keyTable, 'MAIL1.org'), ['mail']);
    assert.deepEqual(signerSelectors('Selector\nSelectors many\n', 'mail1.org'), []);
  });
});
