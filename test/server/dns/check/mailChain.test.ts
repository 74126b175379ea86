import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { reverseName } from '../../../../server/src/dns/check/mailChain';

describe('reverse names', () => {
  it('IPv4 in in-addr.arpa, IPv6 as 32 nibbles in ip6.arpa', () => {
    assert.equal(reverseName('192.168.255.1'), '1.255.168.192.in-addr.arpa.');
    assert.equal(reverseName('2001:db8::25'), '5.2.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa.');
    assert.equal(reverseName('::1'), '1.' + '0.'.repeat(31) + 'ip6.arpa.');
  });
});
