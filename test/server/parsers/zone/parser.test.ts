import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { firstOrigin } from '../../../../server/src/parsers/zone';
import { parseZone, recordData, wellFormed } from './support';

describe('zone parser: RFC 1035 §5 master files', () => {
  it('inherits the owner from the previous record when a line starts with a blank', () => {
    const z = parseZone('$ORIGIN example.org.\n$TTL 1h\nwww IN A 192.0.2.1\n    IN AAAA 2001:db8::1\n\tIN TXT "x"\n');
    assert.deepEqual(z.records.map((r) => [r.owner, r.type]), [['www.example.org.', 'A'], ['www.example.org.', 'AAAA'], ['www.example.org.', 'TXT']]);
    assert.equal(z.records[1].ownerEnd, z.records[1].start, 'an inherited owner has an empty owner span');
  });

  it('reads @ as the origin, relative names below it and absolute names as written', () => {
    const z = parseZone('$ORIGIN example.org.\n$TTL 1h\n@ IN A 192.0.2.1\nmail IN A 192.0.2.2\nhost.example.org. IN A 192.0.2.3\n');
    assert.deepEqual(z.records.map((r) => r.owner), ['example.org.', 'mail.example.org.', 'host.example.org.']);
  });

  it('joins records in parentheses across lines, with comments inside', () => {
    const z = parseZone('$ORIGIN example.org.\n$TTL 1h\n@ IN SOA ns hostmaster ( 1 ; serial\n  3h ; refresh\n  1h 1w\n  1h ) ; min\nns IN A 192.0.2.1\n');
    assert.equal(z.errors.length, 0);
    const soa = recordData(z.records[0], z.origin);
    assert.deepEqual(soa && soa.type === 'SOA' && [soa.serial, soa.refresh, soa.retry, soa.expire, soa.minimum], [1, 10800, 3600, 604800, 3600]);
    assert.equal(z.records[1].line, 6);
    assert.deepEqual(z.parens.length, 1);
  });

  it('decodes quoted strings with \\" and \\DDD escapes and keeps ; inside quotes', () => {
    const z = parseZone('$ORIGIN example.org.\n$TTL 1h\nt IN TXT "a\\"b" "\\065;c" plain\n');
    const d = recordData(z.records[0], z.origin);
    assert.deepEqual(d && d.type === 'TXT' && d.strings, ['a"b', 'A;c', 'plain']);
  });

  it('accepts TTL and class in either order, TTL units and any case', () => {
    const z = parseZone('$ORIGIN example.org.\n$ttl 1D\na 1w2d3h4m5s in a 192.0.2.1\nb IN 90m A 192.0.2.2\nc a 192.0.2.3\n');
    assert.deepEqual(z.records.map((r) => [r.ttl, r.type, r.rrclass]), [[788645, 'A', 'IN'], [5400, 'A', 'IN'], [86400, 'A', 'IN']]);
    assert.equal(z.errors.length, 0);
  });

  it('applies $ORIGIN changes to later relative names', () => {
    const z = parseZone('$ORIGIN example.org.\n$TTL 1h\na IN A 192.0.2.1\n$ORIGIN sub\nb IN CNAME a\n');
    assert.deepEqual(z.records.map((r) => r.owner), ['a.example.org.', 'b.sub.example.org.']);
    assert.equal(z.records[1].target, 'a.sub.example.org.');
  });

  it('reads $INCLUDE through the callback, relative to the including file, and restores the origin', () => {
    const files: Record<string, string> = { 'file:///z/hosts.inc': 'www IN A 192.0.2.9\n' };
    const z = parseZone('$ORIGIN example.org.\n$TTL 1h\n$INCLUDE hosts.inc sub.example.org.\nafter IN A 192.0.2.1\n', {
      uri: 'file:///z/example.org.zone',
      include: (path, from) => {
        const uri = new URL(path, from).href;
        return files[uri] === undefined ? undefined : { uri, text: files[uri] };
      },
    });
    assert.deepEqual(z.records.map((r) => r.owner), ['www.sub.example.org.', 'after.example.org.']);
    assert.equal(z.records[0].source.uri, 'file:///z/hosts.inc');
    assert.equal(z.includes.length, 1);
  });

  it('detects $INCLUDE cycles instead of recursing forever', () => {
    const files: Record<string, string> = { 'file:///z/a.inc': '$INCLUDE b.inc\n', 'file:///z/b.inc': '$INCLUDE a.inc\n' };
    const z = parseZone('$ORIGIN example.org.\n$INCLUDE a.inc\n', {
      uri: 'file:///z/main.zone',
      include: (path, from) => {
        const uri = new URL(path, from).href;
        return { uri, text: files[uri] ?? '' };
      },
    });
    assert.deepEqual(z.errors.map((e) => e.code), ['include-cycle']);
    assert.equal(z.errors[0].source.uri, 'file:///z/b.inc');
  });

  it('reports a missing $INCLUDE with the file name range', () => {
    const z = parseZone('$ORIGIN example.org.\n$INCLUDE nope.inc\n');
    assert.deepEqual(z.errors.map((e) => [e.code, e.range]), [['include-not-found', { start: { line: 1, character: 9 }, end: { line: 1, character: 17 } }]]);
  });

  it('expands $GENERATE with $, ${offset,width,base} and \\$', () => {
    const z = parseZone('$ORIGIN example.org.\n$TTL 1h\n$GENERATE 1-3 host$ A 192.0.2.$\n$GENERATE 10-11 x${-9,3,x} TXT "\\$$"\n');
    assert.deepEqual(z.records.map((r) => r.owner), ['host1.example.org.', 'host2.example.org.', 'host3.example.org.', 'x001.example.org.', 'x002.example.org.']);
    const d = recordData(z.records[0], z.origin);
    assert.deepEqual(d && d.type === 'A' && d.address, '192.0.2.1');
    const t = recordData(z.records[4], z.origin);
    assert.deepEqual(t && t.type === 'TXT' && t.strings, ['$11']);
  });

  it('rejects a backwards $GENERATE range', () => {
    const z = parseZone('$ORIGIN example.org.\n$TTL 1h\n$GENERATE 5-1 h$ A 192.0.2.$\n');
    assert.deepEqual(z.errors.map((e) => e.code), ['bad-generate']);
  });

  it('reads RFC 3597 TYPEnnn with \\# generic data, for unknown and known types', () => {
    const z = parseZone('$ORIGIN example.org.\n$TTL 1h\na IN TYPE65534 \\# 2 abcd\nb IN TYPE1 \\# 4 c0000201\nc IN A \\# 4 c0000202\n');
    assert.equal(z.errors.length, 0);
    assert.deepEqual(z.records.map((r) => r.typeCode), [65534, 1, 1]);
    const d = recordData(z.records[0], z.origin);
    assert.deepEqual(d, { type: 'generic', length: 2, hex: 'abcd' });
  });

  it('reports unknown types and keeps the record', () => {
    const z = parseZone('$ORIGIN example.org.\n$TTL 1h\nwww IN FOO bar\n');
    assert.deepEqual(z.errors.map((e) => [e.code, e.range.start.character, e.range.end.character]), [['unknown-type', 7, 10]]);
    assert.deepEqual(z.records.map((r) => [r.type, r.typeCode]), [['FOO', -1]]);
  });

  it('gives exact ranges for bad data', () => {
    const z = parseZone('$ORIGIN example.org.\n$TTL 1h\nwww  IN  A  192.0.2.300 ; bad\n');
    assert.deepEqual(z.errors[0].range, { start: { line: 2, character: 12 }, end: { line: 2, character: 23 } });
  });

  it('types the data of every supported record type', () => {
    const lines = [
      'a A 192.0.2.1', 'a AAAA 2001:db8::1', 'a NS ns', 'a MX 10 mail', 'c CNAME a', 'd DNAME example.net.',
      '@ SOA ns hm 1 2 3 4 5', 'p PTR a', 'a TXT "x"', 'a SPF "v=spf1 -all"', '_s._tcp SRV 1 2 3 a', 'a CAA 0 issue "ca.example"',
      '_25._tcp.a TLSA 3 1 1 ' + '00'.repeat(32), 'a SSHFP 4 2 ' + 'ab'.repeat(32), 'a NAPTR 1 2 "u" "E2U+sip" "!x!y!" .',
      'a DS 1 8 2 ' + 'cd'.repeat(32), 'a DNSKEY 257 3 15 l02Woi0iS8Aa25FQkUd9RMzZHJpBoRQwAQEX1SxZJA4=', 'a HTTPS 1 . alpn=h2',
      'a SVCB 0 b', 'a HINFO "cpu" "os"', 'a RP hm.example.org. .', 'a LOC 52 22 23.000 N 4 53 32.000 E -2.00m',
    ];
    const z = parseZone('$ORIGIN example.org.\n$TTL 1h\n' + lines.join('\n') + '\n');
    assert.deepEqual(z.errors, []);
    const types = z.records.map((r) => recordData(r, z.origin)?.type);
    assert.deepEqual(types, ['A', 'AAAA', 'NS', 'MX', 'CNAME', 'DNAME', 'SOA', 'PTR', 'TXT', 'SPF', 'SRV', 'CAA', 'TLSA', 'SSHFP', 'NAPTR', 'DS', 'DNSKEY', 'HTTPS', 'SVCB', 'HINFO', 'RP', 'LOC']);
    const mx = recordData(z.records[3], z.origin);
    assert.deepEqual(mx && mx.type === 'MX' && [mx.preference, mx.exchange.name], [10, 'mail.example.org.']);
  });

  it('accepts \\r\\n line ends', () => {
    const z = parseZone('$ORIGIN example.org.\r\n$TTL 1h\r\na IN A 192.0.2.1\r\nb IN A 192.0.2.2\r\n');
    assert.equal(z.errors.length, 0);
    assert.deepEqual(z.records.map((r) => r.line), [2, 3]);
  });

  it('never throws, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('$', 'A', 'I', 'N', ' ', '\n', '\t', '(', ')', '"', '\\', ';', '.', '@', '1', 'x', 'TXT', 'MX', 'SOA', '$INCLUDE', '$GENERATE', '$ORIGIN', '$TTL', '#', '-', '/', '{', '}', ',') , maxLength: 80 }), (text) => {
        const z = parseZone(text, { include: () => ({ uri: 'file:///same', text }) });
        for (const e of z.errors) assert.ok(wellFormed(e.range));
      }),
      { numRuns: 2000 },
    );
  });
});

// The zone a file names itself, when nobody says which: the owner of a leading SOA, read under
// the $ORIGIN in force (the layout of zones BIND and NSD dump), else the first $ORIGIN.
describe('firstOrigin', () => {
  const cases: Array<[string, string | undefined]> = [
    ['$ORIGIN com.\nexample IN SOA ns h 1 2 3 4 5\n', 'example.com.'],
    ['$ORIGIN .\n$TTL 300\nexample.com SOA ns h 1 2 3 4 5\n', 'example.com.'],
    ['$ORIGIN com.\nexample 300 IN ( SOA ns h 1 2 3 4 5 )\n', 'example.com.'],
    ['$ORIGIN example.org.\n@ SOA ns h 1 2 3 4 5\n', 'example.org.'],
    ['$ORIGIN example.org.\nwww A 192.0.2.1\n', 'example.org.'],
    ['$TTL 1h\n@ SOA ns h 1 2 3 4 5\n', undefined],
    ['www A 192.0.2.1\n$ORIGIN sub.example.org.\n', undefined],
  ];
  for (const [text, origin] of cases) {
    it(`${JSON.stringify(text.split('\n').slice(0, 2).join(' / '))} names ${origin}`, () => assert.equal(firstOrigin(text), origin));
  }
  it('a dumped zone checks clean without an explicit origin', () => {
    const z = parseZone('$ORIGIN .\n$TTL 300\nexample.com SOA ns.example.com. h.example.com. 1 2 3 4 5\n NS ns.example.com.\n$ORIGIN example.com.\nns A 192.0.2.1\n');
    assert.equal(z.origin, 'example.com.');
    assert.deepEqual(z.errors, []);
  });
});
