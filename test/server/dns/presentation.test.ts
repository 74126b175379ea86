// Record data from a zone file and from an answer must compare as equal strings when they mean the
// same thing: the two sides of presentation.ts against each other, through a real encode/decode.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as packet from 'dns-packet';
import { parseZone, recordData } from '../../../server/src/parsers/zone';
import { canonicalIPv6, presentRdata, txtJoined } from '../../../server/src/dns/presentation';
import { decodeResponse } from '../../../server/src/dns/wire';

const ZONE = `$ORIGIN ex.test.
$TTL 300
@ IN SOA ns hostmaster 7 3600 600 86400 300
@ IN MX 10 Mail
mail IN AAAA 2001:DB8:0:0:0:0:0:25
t IN TXT "v=spf1 -all" "second \\"quoted\\" part"
_25._tcp IN TLSA 3 1 1 ABCDEF0123
s IN SRV 0 5 587 mail
c IN CAA 0 issue "letsencrypt.org"
`;

describe('canonical record data', () => {
  it('a zone record and the same record decoded from the wire read the same', () => {
    const zone = parseZone(ZONE, { origin: 'ex.test.' });
    for (const r of zone.records) {
      const d = recordData(r, zone.origin)!;
      const fromFile = presentRdata(d);
      const answer = decodeResponse(
        packet.encode({
          type: 'response',
          id: 1,
          questions: [{ type: r.type as packet.RecordType, name: r.owner.replace(/\.$/, '') }],
          answers: [wireOf(r.type, d as never)],
        }),
      );
      assert.ok(typeof answer !== 'string', String(answer));
      assert.equal(answer.answers[0].data, fromFile, r.type);
    }
  });

  it('IPv6 in RFC 5952 form, TXT strings joined for policies', () => {
    assert.equal(canonicalIPv6('2001:DB8:0:0:0:0:0:25'), '2001:db8::25');
    assert.equal(canonicalIPv6('::ffff:127.0.0.1'), '::ffff:7f00:1');
    assert.equal(txtJoined('"v=DKIM1; p=AB" "CD" "\\"x\\""'), 'v=DKIM1; p=ABCD"x"');
  });
});

/** The dns-packet answer for a parsed record (names as absolute text without the root dot). */
function wireOf(type: string, d: Record<string, unknown> & { type: string }): packet.Answer {
  const name = (n: { name: string }) => n.name.replace(/\.$/, '');
  const base = { name: 'x', ttl: 300 };
  switch (type) {
    case 'SOA':
      return { ...base, type: 'SOA', data: { mname: name(d.mname as never), rname: name(d.rname as never), serial: d.serial, refresh: d.refresh, retry: d.retry, expire: d.expire, minimum: d.minimum } } as packet.Answer;
    case 'MX':
      return { ...base, type: 'MX', data: { preference: d.preference, exchange: name(d.exchange as never) } } as packet.Answer;
    case 'AAAA':
      return { ...base, type: 'AAAA', data: d.address } as packet.Answer;
    case 'TXT':
      return { ...base, type: 'TXT', data: d.strings } as packet.Answer;
    case 'TLSA':
      return { ...base, type: 'TLSA', data: { usage: d.usage, selector: d.selector, matchingType: d.matchingType, certificate: Buffer.from(String(d.hex), 'hex') } } as packet.Answer;
    case 'SRV':
      return { ...base, type: 'SRV', data: { priority: d.priority, weight: d.weight, port: d.port, target: name(d.target as never) } } as packet.Answer;
    case 'CAA':
      return { ...base, type: 'CAA', data: { flags: d.flags, tag: d.tag, value: d.value } } as packet.Answer;
    default:
      throw new Error(type);
  }
}
