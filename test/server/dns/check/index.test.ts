// Whatever a name server answers, dns-check ends with a report: random answers (any type at any
// name, data that is not what the type promises, any rcode, failed questions) never make the
// checks throw, and every check has a code, a verdict and a message.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { runDnsCheck, type Served } from '../../../../server/src/dns/check';
import { DnsError } from '../../../../server/src/dns/client';
import { parseZone } from '../../../../server/src/parsers/zone';
import { GOOD_ZONE } from '../../../support/dnsLabZones';

const TYPES = ['A', 'AAAA', 'CNAME', 'MX', 'NS', 'PTR', 'SOA', 'TXT', 'TLSA', 'SRV'];
const NAMES = ['mail1.org.', 'mail.mail1.org.', 'smtp.mail1.org.', 'imap.mail1.org.', '1.255.168.192.in-addr.arpa.', '_dmarc.mail1.org.', 'x.'];
const record = fc.record({
  name: fc.constantFrom(...NAMES),
  type: fc.constantFrom(...TYPES),
  ttl: fc.nat(),
  data: fc.oneof(fc.string(), fc.constantFrom('10 mail.mail1.org.', '"v=spf1 include:mail1.org -all"', 'mail.mail1.org.', '192.168.255.1', '3 1 1 ab', 'a b c 1 2 3 4', '"v=DMARC1; p=x"')),
});
const answer = fc.oneof(
  fc.record({ rcode: fc.constantFrom('NOERROR', 'NXDOMAIN', 'SERVFAIL', 'REFUSED'), authoritative: fc.boolean(), answers: fc.array(record, { maxLength: 6 }) }),
  fc.constant('fail' as const),
);

describe('the server asked', () => {
  const soa = { name: 'mail1.org.', type: 'SOA', ttl: 60, data: 'ns.mail1.org. h.mail1.org. 1 1 1 1 1' };
  const first = async (served: Served) => (await runDnsCheck({ domain: 'mail1.org', server: 's', ask: async () => served, locale: 'en' })).checks[0];
  it('a recursive resolver answers for the zone without the AA bit: accepted, and said so', async () => {
    const c = await first({ rcode: 'NOERROR', authoritative: false, recursive: true, answers: [soa] });
    assert.deepEqual([c.code, c.ok], ['zone-not-served', true]);
    assert.match(c.message, /^s is a recursive resolver: it answers for mail1\.org\. as the world sees it/);
  });
  it('an authoritative server that is not the zone\'s: zone-not-served', async () => {
    const c = await first({ rcode: 'NOERROR', authoritative: false, recursive: false, answers: [soa] });
    assert.deepEqual([c.code, c.ok], ['zone-not-served', false]);
  });
});

describe('dns-check on any answers', () => {
  it('always ends with a well-formed report', async () => {
    const zone = parseZone(GOOD_ZONE, { origin: 'mail1.org.' });
    await fc.assert(
      fc.asyncProperty(fc.array(answer, { minLength: 1, maxLength: 30 }), fc.boolean(), async (answers, withZone) => {
        let i = 0;
        const ask = async (): Promise<Served> => {
          const a = answers[i++ % answers.length];
          // The first question decides reachability; later failures are findings.
          if (a === 'fail') throw new DnsError('timeout', 'no answer');
          return a;
        };
        try {
          const report = await runDnsCheck({ domain: 'mail1.org', server: 'test', ask, locale: 'es', zone: withZone ? zone : undefined, selectors: ['mail'],
            transfer: async () => {
              const a = answers[answers.length - 1];
              if (a === 'fail') throw new DnsError('refused', 'refused');
              return a.answers;
            },
            mtaSts: { id: '1', url: 'https://mta-sts.mail1.org/.well-known/mta-sts.txt', text: 'version: STSv1\nmode: enforce\nmx: mail.mail1.org\nmax_age: 86400\n' },
            mtaStsSeen: { id: '1', text: '' },
            smtp: { server: '127.0.0.1:25', address: '127.0.0.1', tlsaHost: 'mail.mail1.org.', chain: [Buffer.from('not a certificate')], bannerName: 'mail.mail1.org.', ehloName: 'x.' },
            postfix: { myhostname: 'smtp.mail1.org', mydestination: ['mail1.org'] },
          });
          for (const c of report.checks) {
            assert.equal(typeof c.code, 'string');
            assert.equal(typeof c.ok, 'boolean');
            assert.ok(c.message.length > 0);
          }
        } catch (err) {
          assert.ok(err instanceof DnsError && answers[0] === 'fail', String(err));
        }
      }),
      { numRuns: 300 },
    );
  });
});
