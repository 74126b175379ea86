import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { localize } from '../../../server/src/l10n';
import { bumpSerial, checkSoaTimers, serialForm } from '../../../server/src/zone/soa';
import { generatePtrRecords, ipv6ReverseName, reverseOwnerProblem } from '../../../server/src/zone/ptr';

const day = new Date('2026-11-24T12:00:00Z');

describe('SOA serials and timers', () => {
  it('rolls a YYYYMMDDnn serial to today with nn = 01, as the lesson numbers them', () => assert.equal(bumpSerial(2026112005, day), 2026112401));
  it('increments nn on the same day', () => assert.equal(bumpSerial(2026112401, day), 2026112402));
  it('increments past nn = 99 instead of wrapping the day', () => assert.equal(bumpSerial(2026112499, day), 2026112500));
  it('increments a future-dated serial', () => assert.equal(bumpSerial(2027010100, day), 2027010101));
  it('increments counters and wraps at 2^32', () => {
    assert.equal(bumpSerial(41, day), 42);
    assert.equal(bumpSerial(4294967295, day), 0);
  });
  it('recognises schemes and notes odd serials', () => {
    assert.equal(serialForm(2026112401).scheme, 'date');
    assert.equal(serialForm(1700000000).scheme, 'unixtime');
    assert.equal(serialForm(7).note, undefined);
    assert.match(localize('en', serialForm(2026133101).note!), /not a real date/);
    assert.match(localize('en', serialForm(20261124).note!), /too few digits/);
  });
  it('accepts the lab timers and flags odd ones', () => {
    assert.deepEqual(checkSoaTimers({ refresh: 10800, retry: 3600, expire: 604800, minimum: 3600 }), []);
    assert.equal(checkSoaTimers({ refresh: 60, retry: 3600, expire: 100, minimum: 10 }).length, 5);
  });
  it("accepts RIPE-203's recommended expire of 1000 hours, and warns past it", () => {
    assert.deepEqual(checkSoaTimers({ refresh: 86400, retry: 7200, expire: 3600000, minimum: 3600 }), []);
    assert.deepEqual(checkSoaTimers({ refresh: 86400, retry: 7200, expire: 2592000, minimum: 3600 }), []);
    const year = checkSoaTimers({ refresh: 86400, retry: 7200, expire: 31536000, minimum: 3600 });
    assert.deepEqual(year.map((l) => l.key), ['zone.soa.expire']);
    assert.match(localize('en', year[0]), /1 week to 1000 hours/);
  });
});

describe('reverse zones', () => {
  it('validates in-addr.arpa and ip6.arpa owners', () => {
    assert.equal(reverseOwnerProblem('1.255.168.192.in-addr.arpa.'), undefined);
    assert.equal(reverseOwnerProblem('0/25.2.0.192.in-addr.arpa.'), undefined);
    // A host inside an RFC 2317 classless zone: four address bytes around the class's own label.
    assert.equal(reverseOwnerProblem('1.0/25.2.0.192.in-addr.arpa.'), undefined);
    assert.equal(reverseOwnerProblem('7.1-126.1.7.10.in-addr.arpa.'), undefined);
    assert.match(localize('en', reverseOwnerProblem('1.0.0.55.205.10.in-addr.arpa.')!), /more than four/);
    assert.match(localize('en', reverseOwnerProblem('9.1.0/25.2.0.192.in-addr.arpa.')!), /more than four/);
    assert.match(localize('en', reverseOwnerProblem('01.2.0.192.in-addr.arpa.')!), /not an address byte/);
    assert.match(localize('en', reverseOwnerProblem('ab.8.b.d.0.1.0.0.2.ip6.arpa.')!), /single hex digit/);
  });
  it('generates PTR lines for addresses inside the reverse zone only', () => {
    const lines = generatePtrRecords(
      [
        { owner: 'ns.mail1.org.', type: 'A', address: '192.168.255.1' },
        { owner: 'mail.mail1.org.', type: 'A', address: '192.168.255.1' },
        { owner: 'far.mail1.org.', type: 'A', address: '10.0.0.1' },
        { owner: 'v6.mail1.org.', type: 'AAAA', address: '2001:db8::1' },
      ],
      '255.168.192.in-addr.arpa',
    );
    assert.deepEqual(lines, ['1\tIN\tPTR\tns.mail1.org.']);
    assert.equal(ipv6ReverseName('2001:db8::1'), '1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa.');
  });
});
