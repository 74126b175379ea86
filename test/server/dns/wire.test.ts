// Whatever bytes come back, decoding ends with a response or a sentence: random datagrams, real
// answers cut anywhere, and real answers with random bytes changed never make it throw.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import * as packet from 'dns-packet';
import { decodeResponse, encodeQuery } from '../../../server/src/dns/wire';

const REAL = packet.encode({
  type: 'response',
  id: 7,
  flags: packet.AUTHORITATIVE_ANSWER,
  questions: [{ type: 'MX', name: 'mail1.org' }],
  answers: [
    { type: 'MX', name: 'mail1.org', ttl: 60, data: { preference: 10, exchange: 'mail.mail1.org' } },
    { type: 'TXT', name: 'mail1.org', ttl: 60, data: ['v=spf1 mx -all'] },
    { type: 'TLSA', name: '_25._tcp.mail.mail1.org', ttl: 60, data: { usage: 3, selector: 1, matchingType: 1, certificate: Buffer.alloc(32, 1) } },
  ],
});

const decoded = (b: Buffer) => {
  const r = decodeResponse(b);
  assert.ok(typeof r === 'string' ? r.length > 0 : Array.isArray(r.answers));
};

describe('decoding hostile bytes', () => {
  it('random datagrams', () => fc.assert(fc.property(fc.uint8Array({ maxLength: 600 }), (b) => decoded(Buffer.from(b))), { numRuns: 2000 }));
  it('a real answer cut anywhere', () => {
    for (let n = 0; n <= REAL.length; n++) decoded(REAL.subarray(0, n));
  });
  it('a real answer with bytes changed', () =>
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(REAL.length - 1), fc.nat(255)), { minLength: 1, maxLength: 8 }), (changes) => {
        const b = Buffer.from(REAL);
        for (const [at, v] of changes) b[at] = v;
        decoded(b);
      }),
      { numRuns: 2000 },
    ));
  it('a name that points at itself (a compression loop) ends with a sentence', () => {
    const header = Buffer.from([0, 7, 0x84, 0, 0, 1, 0, 0, 0, 0, 0, 0]);
    const loop = Buffer.concat([header, Buffer.from([0xc0, 12, 0, 1, 0, 1])]);
    assert.equal(typeof decodeResponse(loop), 'string');
  });

  it('our own query is not taken for an answer', () => {
    assert.equal(decodeResponse(encodeQuery(1, 'mail1.org', 'MX')), 'a query, not a response');
  });
});
