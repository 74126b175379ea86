// Lookup tables as the simulator reads them. regexp:, cidr:, texthash:, hash: and inline: are also
// checked against smtpd by the differential; pcre: is not (postfix-pcre is not installed there),
// so its reading of flags and $n substitution is pinned here.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { openTable } from '../../../../server/src/postfix/simulator/lookupTables';

const files: Record<string, string> = {
  '/t/pcre': '# comment\n/^(.+)@example\\.com$/ REJECT no mail for $1\n/^Admin@/i OK\n!/\\.org$/ DUNNO\n',
  '/t/cidr': '192.0.2.0/24 REJECT\n!10.0.0.0/8 OK\n',
  '/t/text': 'Key one\nkey two\n',
};
const open = (spec: string) => openTable(spec, (p) => files[p]);

describe('lookup tables', () => {
  it('pcre: case-insensitive by default, `i` turns that off, $1 substitution, negated rules', () => {
    const t = open('pcre:/t/pcre');
    assert.equal(t.fixed, false);
    assert.equal(t.lookup('Bob@EXAMPLE.com')?.value, 'REJECT no mail for Bob');
    assert.equal(t.lookup('Bob@EXAMPLE.com')?.line, 2);
    // `i` made /^Admin@/ case-sensitive, so the negated rule answers for admin@x.net.
    assert.equal(t.lookup('admin@x.net')?.value, 'DUNNO');
    assert.equal(t.lookup('Admin@x.org')?.value, 'OK');
    assert.equal(t.lookup('someone@x.org'), undefined);
  });

  it('cidr: first matching block, negation, IPv4 only for an IPv4 key', () => {
    const t = open('cidr:/t/cidr');
    assert.equal(t.lookup('192.0.2.9')?.value, 'REJECT');
    assert.equal(t.lookup('198.51.100.1')?.value, 'OK');
    assert.equal(t.lookup('10.1.1.1'), undefined);
    assert.equal(t.lookup('host.example'), undefined);
  });

  it('keys fold case; of two equal keys hash: (built by postmap) keeps the first, inline the last, and texthash: fails every lookup', () => {
    assert.equal(open('hash:/t/text').lookup('KEY')?.value, 'one');
    assert.equal(open('inline:{ a=1, A=2 }').lookup('a')?.value, '2');
    const t = open('texthash:/t/text');
    assert.equal(t.broken, '/t/text, line 2: duplicate entry: "key"');
    assert.equal(t.lookup('key'), undefined);
    assert.equal(open('texthash:/t/cidr').lookup('192.0.2.0/24')?.value, 'REJECT');
  });

  it('an inline table without items, or with an item without "=", is broken; a missing file is unavailable', () => {
    assert.match(open('inline:{ }').broken ?? '', /empty table/);
    assert.match(open('inline:{ a=1, b }').broken ?? '', /need name=value/);
    assert.match(open('hash:/t/none').unavailable ?? '', /no such file/);
    assert.match(open('mysql:/etc/postfix/mysql.cf').unavailable ?? '', /looked up on the server/);
  });
});
