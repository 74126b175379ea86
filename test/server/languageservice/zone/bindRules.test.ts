// BIND's loading rules that the real-world zones taught us, each with a zone of our own that
// breaks the rule and a near-identical one that keeps it: we report the error on the first and no
// error at all on the second. Where named-checkzone is installed, it must judge both the same way,
// so the pairs themselves are checked against the oracle.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { requirePeer } from '../../../support/peers';
import { zoneService } from '../../../../server/src/languageservice/zone';
import { setZoneOrigin } from '../../../../server/src/languageservice/zone/parsed';
import { ctx, zoneDoc } from './helpers';

const noBind = requirePeer('named-checkzone', ['bind9-utils']) ?? (spawnSync('unshare', ['-n', 'true']).status !== 0 ? 'unshare -n is not permitted here' : undefined);
const work = mkdtempSync(join(tmpdir(), 'mailconf-bindrules-'));
after(() => rmSync(work, { recursive: true, force: true }));
let files = 0;

/** named-checkzone -i local's verdict on a zone text. */
function bindLoads(text: string, origin: string): { ok: boolean; output: string } {
  const file = `z${++files}.db`;
  writeFileSync(join(work, file), text);
  const r = spawnSync('unshare', ['-n', 'named-checkzone', '-i', 'local', origin, file], { cwd: work, encoding: 'utf8' });
  return { ok: r.status === 0, output: `${r.stdout}${r.stderr}` };
}

/** Our errors on a zone text, checked as `mailconf check --origin ORIGIN` would. */
function errors(text: string, origin: string): Array<{ code: string; line: number; message: string }> {
  const doc = zoneDoc(text, 'rule.db');
  setZoneOrigin(doc.uri, origin);
  return zoneService
    .diagnostics(doc, ctx)
    .filter((d) => d.severity === DiagnosticSeverity.Error)
    .map((d) => ({ code: String(d.code), line: d.range.start.line + 1, message: d.message as string }));
}

/**
 * A rule: `bad` breaks it (we report `code`, on `line` when given), `good` keeps it (no error).
 * Zones are for `example.` unless `origin` says otherwise.
 */
function rule(title: string, code: string, bad: string, good: string, opts: { origin?: string; line?: number } = {}) {
  const origin = opts.origin ?? 'example.';
  describe(title, () => {
    it(`${code}: reported`, () => {
      const found = errors(bad, origin);
      const hit = found.find((e) => e.code === code);
      assert.ok(hit, `expected ${code} in ${JSON.stringify(found)}`);
      if (opts.line !== undefined) assert.ok(found.some((e) => e.code === code && e.line === opts.line), `expected ${code} on line ${opts.line}: ${JSON.stringify(found)}`);
    });
    it('no error when the rule is kept', () => assert.deepEqual(errors(good, origin), []));
    it('named-checkzone agrees on both', { skip: noBind }, () => {
      const b = bindLoads(bad, origin);
      assert.equal(b.ok, false, `BIND loads the bad zone:\n${b.output}`);
      const g = bindLoads(good, origin);
      assert.equal(g.ok, true, `BIND refuses the good zone:\n${g.output}`);
    });
  });
}

/** TXT data of exactly `size` octets on the wire, in strings of at most 255 characters over several lines. */
function txtOf(size: number): string {
  const strings: string[] = [];
  for (let left = size; left > 0; ) {
    let n = Math.min(256, left);
    if (left - n === 1) n--;
    strings.push('a'.repeat(n - 1));
    left -= n;
  }
  return `( ${strings.join('\n  ')} )`;
}

const KEY = 'AwEAAagAIKlVZrpC6Ia7gEzahOR+9W29euxhJhVVLOyQbSEW0O8gcCjFFVQUTf6v58fLjwBd0YI0EzrAcQqBGCzh/RStIoO8g0NfnfL2MTJRkxoXbfDaUeVPQuYEhg37NZWAJQ9VnMVDxP/VHL496M/QZxkjf5/Efucp2gaDX6RS6CXpoY68LsvPVjR0ZSwzz1apAzvN9dlzEheX7ICJBBtuA6G3LQpzW5hOA2hzCTMjJPJ8LbqF6dsV6DoBQzgul0sGIcGOYl7OyQdXfZ57relSQageu+ipAdTTJ25AsRTAoub8ONGcLmqrAmRLKBP1dfwhYB4N7knNnulqQxA+Uk1ihz0=';

const HEAD = `$TTL 300
@ SOA ns hostmaster 1 3600 1200 604800 300
@ NS ns
ns A 192.0.2.1
`;

describe("BIND's loading rules", () => {
  // Owners are absolute once the origin is appended: under `$ORIGIN com.` the owner `example`
  // is example.com., the apex, as in the zones BIND and NSD dump.
  rule(
    'owners written under an $ORIGIN above the apex',
    'soa-not-at-apex',
    '$TTL 300\n$ORIGIN com.\nexample SOA ns.example.com. h.example.com. 1 3600 1200 604800 300\nexample NS ns.example.com.\n$ORIGIN example.com.\nns A 192.0.2.1\nsub.example.com. SOA ns h 2 3600 1200 604800 300\n',
    '$TTL 300\n$ORIGIN com.\nexample SOA ns.example.com. h.example.com. 1 3600 1200 604800 300\nexample NS ns.example.com.\n$ORIGIN example.com.\nns A 192.0.2.1\n$ORIGIN .\nwww.example.com A 192.0.2.2\n',
    { origin: 'example.com.', line: 7 },
  );

  // zone_check_ns: only the apex NS set must resolve to addresses inside the zone; a wildcard
  // answers for its names and a delegation hands the name to the child. Delegations' glue is not.
  rule(
    'apex NS targets resolve as a lookup does',
    'ns-target-no-address',
    HEAD + '@ NS ns2\nns2 TXT "no address"\n',
    HEAD + '@ NS a.w\n*.w A 192.0.2.2\n@ NS ns.sub\nsub NS ns.sub\nother NS ns.nowhere\n',
    { line: 5 },
  );
  rule(
    'an apex NS target below a DNAME',
    'ns-target-below-dname',
    HEAD + '@ NS ns.d\nd DNAME example.net.\nns.d A 192.0.2.2\n',
    HEAD + '@ NS ns.e\nd DNAME example.net.\nns.e A 192.0.2.2\nsub.d NS ns.d\n',
    { line: 5 },
  );

  // SVCB/HTTPS parameters as BIND 9.18 reads them (svcb_64.c): quoted values are values, alpn ids
  // are never empty (a backslash, written \\, keeps a comma inside an id), mandatory keys exist.
  rule(
    'SVCB alpn ids',
    'bad-svc-param',
    HEAD + '_s SVCB 1 . alpn=h2,,h3\n',
    HEAD + '_s SVCB 1 . alpn="h2,h3" port=443 ipv4hint=192.0.2.1 key65000="a b"\n_t HTTPS 1 . alpn=h1\\\\,h2 ipv6hint=2001:db8::1\n',
    { line: 5 },
  );
  rule('SVCB escaped comma at the end of alpn', 'bad-svc-param', HEAD + '_s SVCB 1 . alpn=h2\\,\n', HEAD + '_s SVCB 1 . alpn=h2\\,h3\n', { line: 5 });
  rule('SVCB mandatory names a key the record has', 'bad-svc-param', HEAD + '_s SVCB 1 . mandatory=port alpn=h2\n', HEAD + '_s SVCB 1 . mandatory=alpn alpn=h2\n', { line: 5 });
  rule('SVCB keys BIND 9.18 knows', 'bad-svc-param', HEAD + '_s SVCB 1 . ohttp\n', HEAD + '_s SVCB 1 . key8\n', { line: 5 });

  // Meta types live only in messages; BIND refuses them as data and in $GENERATE.
  rule('TKEY in zone data', 'meta-type', HEAD + 'k TKEY alg. 1 2 3 0 0 0\n', HEAD + 'k TXT "TKEY alg. 1 2 3 0 0 0"\n', { line: 5 });
  rule('TKEY in $GENERATE', 'meta-type', HEAD + '$GENERATE 1-2 k$ TKEY "alg. 1 2 3 0 0 0"\n', HEAD + '$GENERATE 1-2 k$ TXT "alg. 1 2 3 0 0 0"\n', { line: 5 });
  // $GENERATE adds the offset as a C int: negative results are printed, results above INT_MAX refused.
  rule('$GENERATE offsets', 'bad-generate', HEAD + '$GENERATE 1-1 h$ TXT x${2147483647}\n', HEAD + '$GENERATE 1024-1025 ${-2000,0,n} AAAA 2001:db8::${0,4,x}\n$GENERATE 1-2 g$ TXT x${-5}\n', { line: 5 });
  // RFC 3597: a type known only by number takes \# data; TYPEnnn of a known type reads its text form.
  rule('TYPEnnn without \\# data', 'unknown-type-data', HEAD + 'u TYPE103 ^# 1 00\n', HEAD + 'u TYPE103 \\# 1 00\nv TYPE1 192.0.2.7\n', { line: 5 });
  rule('DS at the apex', 'ds-at-apex', HEAD + '@ DS 12345 8 2 ' + 'ab'.repeat(32) + '\n', HEAD + 'sub NS ns.example.net.\nsub DS 12345 8 2 ' + 'ab'.repeat(32) + '\n', { line: 5 });
  rule(
    'NSEC3 owners are hash labels',
    'nsec3-owner',
    HEAD + 'web NSEC3 1 1 12 aabbccdd 2t7b4g4vsa5smi47k61mv5bv1a22bojr A RRSIG\n',
    HEAD + '0p9mhaveqvm6t7vbl5lop2u3t2rp3tom NSEC3 1 1 12 aabbccdd 2t7b4g4vsa5smi47k61mv5bv1a22bojr A RRSIG\n',
    { line: 5 },
  );
  rule(
    'NSEC3 next hashed owner: unpadded base32hex, 20 octets for SHA-1',
    'bad-base32',
    HEAD + '0p9mhaveqvm6t7vbl5lop2u3t2rp3tom NSEC3 1 1 12 aabbccdd CPNMU=== A\n',
    HEAD + '0p9mhaveqvm6t7vbl5lop2u3t2rp3tom NSEC3 1 1 12 - CPNMUOJ1E8K3IN5Q3C1FBL8EQ2MP0P5N A\n',
    { line: 5 },
  );
  rule('EUI48 octets', 'bad-eui', HEAD + 'e EUI48 01-23-45-67-89\n', HEAD + 'e EUI48 1-23-45-67-89-ab\nf EUI64 01-23-45-67-89-ab-cd-ef\n', { line: 5 });
  rule('NSAP hex', 'bad-hex', HEAD + 'n NSAP 0x47000580005a0000000001e133ffffff000161000\n', HEAD + 'n NSAP 0x47.0005.80.005a00.0000.0001.e133.ffffff000161.00\n', { line: 5 });
  rule('RT, MINFO and LP need their data', 'missing-rdata', HEAD + 'r RT\n', HEAD + 'r RT 10 ns\nm MINFO ns ns\nl LP 10 ns\n', { line: 5 });
  rule('ZONEMD digest length', 'bad-digest-length', HEAD + '@ ZONEMD 1 1 1 ' + 'ab'.repeat(20) + '\n', HEAD + '@ ZONEMD 1 1 1 ' + 'ab'.repeat(48) + '\n', { line: 5 });

  // BIND takes algorithm mnemonics and DNSKEY flag names where a number may stand.
  rule(
    'DNSSEC algorithm mnemonics and DNSKEY flag names',
    'bad-number',
    HEAD + '@ DNSKEY 257 3 RSASHA99 AwEAAagAIKlVZrpC6Ia7gEzahOR+9W29euxhJhVVLOyQbSEW0O8gcCjFFVQUTf6v58fLjwBd0YI0EzrAcQqBGCzh/RStIoO8g0NfnfL2MTJRkxoXbfDaUeVPQuYEhg37NZWAJQ9VnMVDxP/VHL496M/QZxkjf5/Efucp2gaDX6RS6CXpoY68LsvPVjR0ZSwzz1apAzvN9dlzEheX7ICJBBtuA6G3LQpzW5hOA2hzCTMjJPJ8LbqF6dsV6DoBQzgul0sGIcGOYl7OyQdXfZ57relSQageu+ipAdTTJ25AsRTAoub8ONGcLmqrAmRLKBP1dfwhYB4N7knNnulqQxA+Uk1ihz0=\n',
    HEAD + '@ DNSKEY ZONE|KSK 3 RSASHA256 AwEAAagAIKlVZrpC6Ia7gEzahOR+9W29euxhJhVVLOyQbSEW0O8gcCjFFVQUTf6v58fLjwBd0YI0EzrAcQqBGCzh/RStIoO8g0NfnfL2MTJRkxoXbfDaUeVPQuYEhg37NZWAJQ9VnMVDxP/VHL496M/QZxkjf5/Efucp2gaDX6RS6CXpoY68LsvPVjR0ZSwzz1apAzvN9dlzEheX7ICJBBtuA6G3LQpzW5hOA2hzCTMjJPJ8LbqF6dsV6DoBQzgul0sGIcGOYl7OyQdXfZ57relSQageu+ipAdTTJ25AsRTAoub8ONGcLmqrAmRLKBP1dfwhYB4N7knNnulqQxA+Uk1ihz0=\nsub NS ns.example.net.\nsub DS 12345 RSASHA1 1 ' + 'ab'.repeat(20) + '\n',
    { line: 5 },
  );
  // \# data of a known type is read as that type: an A is 4 octets.
  rule('generic data of a known type', 'bad-generic-length', HEAD + 'g A \\# 0\n', HEAD + 'g A \\# 4 c0000207\n', { line: 5 });
  rule('NAPTR regexp', 'bad-naptr-regexp', HEAD + 'n NAPTR 1 1 "u" "E2U+sip" "blegh" .\n', HEAD + 'n NAPTR 1 1 "u" "E2U+sip" "!^.*$!sip:info@example.org!" .\n', { line: 5 });

  // Data that ends too early is shown where it ends: BIND names the line of the record's last token.
  rule(
    'a record that ends too early, over several lines',
    'bad-digest-length',
    HEAD + 'sub NS ns.example.net.\nsub DS 12345 8 2 (\n  ' + 'ab'.repeat(16) + '\n  ' + 'ab'.repeat(8) + ' )\n',
    HEAD + 'sub NS ns.example.net.\nsub DS 12345 8 2 (\n  ' + 'ab'.repeat(16) + '\n  ' + 'ab'.repeat(16) + ' )\n',
    { line: 8 },
  );

  // BIND's zone database holds at most 65510 octets of data in one record (measured: 65511 fails).
  rule('record data too long for BIND', 'rdata-too-long', HEAD + 't TXT ' + txtOf(65511) + '\n', HEAD + 't TXT ' + txtOf(65510) + '\n', { line: 5 });

  // CDS/CDNSKEY at the apex: an algorithm with a DNSKEY of its own, or a delete record alone.
  rule(
    'CDS algorithms have a DNSKEY',
    'child-copy-mismatch',
    HEAD + '@ DNSKEY 257 3 8 ' + KEY + '\n@ CDS 14364 14 2 ' + 'fd'.repeat(32) + '\n',
    HEAD + '@ DNSKEY 257 3 8 ' + KEY + '\n@ CDS 14364 8 2 ' + 'fd'.repeat(32) + '\n',
    { line: 6 },
  );
  rule(
    'a CDNSKEY delete record stands alone',
    'child-copy-mismatch',
    HEAD + '@ DNSKEY 257 3 8 ' + KEY + '\n@ CDNSKEY 0 3 0 AA==\n@ CDNSKEY 257 3 8 ' + KEY + '\n',
    HEAD + '@ CDNSKEY 0 3 0 AA==\n@ CDS 0 0 0 00\n',
    { line: 7 },
  );

  // More of BIND 9.18's readers, met in NSD's, Knot's and BIND's own test zones.
  rule('MD and MF are obsolete', 'obsolete-type', HEAD + 'm MD md.example.net.\n', HEAD + 'm MX 10 md.example.net.\n', { line: 5 });
  rule('types 128-255 are meta types', 'meta-type', HEAD + 'q TYPE200 \\# 0\n', HEAD + 'q TYPE300 \\# 0\n', { line: 5 });
  rule('CLASS1 is IN', 'class-mismatch', HEAD + 'c CLASS3 TXT "x"\n', HEAD + 'c CLASS1 TXT "x"\n', { line: 5 });
  rule('in TXT, \\# without a length is text', 'bad-generic-length', HEAD + 't TXT \\# 2 01\n', HEAD + 't TXT \\# text\n', { line: 5 });
  rule('NSEC type lists name types', 'unknown-type', HEAD + 'n NSEC . ( A 127 )\n', HEAD + 'n NSEC . ( A TYPE127 RRSIG )\n', { line: 5 });
  rule(
    'RRSIG fields',
    'unknown-type',
    HEAD + 'ns RRSIG BOGUS 8 2 300 20300101000000 20200101000000 12345 example. AwEAAQ==\n',
    HEAD + 'ns RRSIG A RSASHA256 2 300 20300101000000 1577836800 12345 example. AwEAAQ==\nns RRSIG 28 8 2 300 20300101000000 20200101000000 12345 example. AwEAAQ==\n',
    { line: 5 },
  );
  rule('IPSECKEY needs its key', 'missing-rdata', HEAD + 'i IPSECKEY 10 1 2 192.0.2.38\n', HEAD + 'i IPSECKEY 10 1 2 192.0.2.38 AQNRU3mG7TVTO2BkR47usntb102uFJtugbo6BSGvgqt4AQ==\n', { line: 5 });
  rule('IPSECKEY gateways', 'bad-ipv4', HEAD + 'i IPSECKEY 10 1 2 192.0.2 AQNRU3mG7TVTO2BkR47usntb102uFJtugbo6BSGvgqt4AQ==\n', HEAD + 'i IPSECKEY 10 1 2 192.0.2.3 AQNRU3mG7TVTO2BkR47usntb102uFJtugbo6BSGvgqt4AQ==\nj IPSECKEY 10 0 2 . AQNRU3mG7TVTO2BkR47usntb102uFJtugbo6BSGvgqt4AQ==\n', { line: 5 });
  rule('DHCID needs its data', 'missing-rdata', HEAD + 'd DHCID\n', HEAD + 'd DHCID AAIBY2/AuCccgoJbsaxcQc9TUapptP69lOjxfNuVAA2kjEA=\n', { line: 5 });
  rule('X25 addresses are digits', 'bad-x25', HEAD + 'x X25 "x25 address"\n', HEAD + 'x X25 "311061700956"\n', { line: 5 });
  rule('RKEY flags are 0, a KEY with no key has no data', 'bad-number', HEAD + 'r RKEY 512 3 8 AwEAAQ==\n', HEAD + 'r RKEY 0 3 8 AwEAAQ==\nk KEY NOKEY DNSSEC 8\n', { line: 5 });
  rule('\\# data of a known type is read as that type', 'bad-generic-length', HEAD + 'h HIP \\# 4 ff01ffff\nm MX \\# 3 000a00\n', HEAD + 'm MX \\# 3 000a00\n', { line: 5 });
  // A bad token first on a continuation line: BIND names the line where the token before it ends.
  rule('the line of a bad token inside parentheses', 'bad-ipv4', HEAD + 'z A (\n 1.2.3 )\n', HEAD + 'z A (\n 1.2.3.4 )\n', { line: 5 });
  rule(
    'RRSIG signatures are base64, over several tokens',
    'bad-base64',
    HEAD + 'ns RRSIG A 8 2 300 20300101000000 20200101000000 12345 example. AwEA AQ=A\n',
    HEAD + 'ns RRSIG A 8 2 300 20300101000000 20200101000000 12345 example. AwEA AQ==\n',
    { line: 5 },
  );
  // The rarer types, each as BIND 9.18 reads it.
  rule('A6 prefix length', 'bad-number', HEAD + 'x A6 129 ::\n', HEAD + 'x A6 64 ::ffff:0:0 x.example.\ny A6 0 2001:db8::1\n', { line: 5 });
  rule('AMTRELAY relay type', 'bad-number', HEAD + 'x AMTRELAY 10 0 4 x\n', HEAD + 'x AMTRELAY 10 0 1 192.0.2.1\ny AMTRELAY 10 1 0 .\n', { line: 5 });
  rule('APL address families', 'bad-apl', HEAD + 'x APL 3:1.2.3.4/1\n', HEAD + 'x APL 1:192.168.32.0/21 !1:192.168.38.0/28 2:2001:db8::/32\n', { line: 5 });
  rule('CERT needs its certificate', 'missing-rdata', HEAD + 'x CERT PKIX 0 0\n', HEAD + 'x CERT PKIX 0 RSASHA256 AAAA\n', { line: 5 });
  rule('GPOS has three coordinates', 'missing-rdata', HEAD + 'x GPOS -32.6882 116.8652\n', HEAD + 'x GPOS -32.6882 116.8652 10.0\n', { line: 5 });
  rule('HIP needs its public key', 'missing-rdata', HEAD + 'x HIP 2 200100107B1A74DF365639CC39F1D578\n', HEAD + 'x HIP 2 200100107B1A74DF365639CC39F1D578 AwEAAQ== rvs.example.\n', { line: 5 });
  rule('NSEC3PARAM salt', 'bad-hex', HEAD + '@ NSEC3PARAM 1 0 0 abc\n', HEAD + '@ NSEC3PARAM 1 0 0 abcd\n', { line: 5 });
  rule('NULL only as \\# data', 'unknown-type-data', HEAD + 'x NULL\n', HEAD + 'x NULL \\# 0\n', { line: 5 });
  rule('URI targets are quoted', 'bad-uri', HEAD + 'x URI 10 1 https://example.net/\n', HEAD + 'x URI 10 1 "https://example.net/"\n', { line: 5 });
  rule('WKS protocols', 'bad-number', HEAD + 'x WKS 192.0.2.1 FOO 25\n', HEAD + 'x WKS 192.0.2.1 tcp 25 80\n', { line: 5 });
  rule('SMIMEA data is hex', 'bad-hex', HEAD + 'x SMIMEA 3 1 1 zz\n', HEAD + 'x SMIMEA 3 1 1 ' + 'ab'.repeat(32) + '\n', { line: 5 });
  rule('ISDN needs an address', 'missing-rdata', HEAD + 'x ISDN\n', HEAD + 'x ISDN "150862028003217" "004"\n', { line: 5 });
  // Lexical rules, from a probe of 90 small zones against named-checkzone.
  rule('IPv4 addresses without leading zeros', 'bad-ipv4', HEAD + 'x A 1.2.3.04\n', HEAD + 'x A 1.2.3.4\n', { line: 5 });
  rule('\\DDD escapes in strings', 'bad-escape', HEAD + 'x TXT "\\300"\ny TXT "\\25"\n', HEAD + 'x TXT "\\255\\065"\n', { line: 5 });
  rule('CAA tags are not quoted', 'bad-caa-tag', HEAD + 'x CAA 0 "issue" "ca.example.net"\n', HEAD + 'x CAA 0 issue "ca.example.net"\n', { line: 5 });
  rule('one class per record', 'unknown-type', HEAD + 'x IN IN A 192.0.2.5\n', HEAD + 'x 300 IN A 192.0.2.5\n', { line: 5 });
  rule('TTLs fit 32 bits', 'bad-ttl', '$TTL 4294967296\n' + HEAD.slice(HEAD.indexOf('\n') + 1), HEAD, { line: 1 });
  rule('LOC altitude range', 'bad-loc', HEAD + 'x LOC 52 N 4 E 100000000m\n', HEAD + 'x LOC 52 N 4 E 42849672m\n', { line: 5 });
  rule('no NS at a wildcard', 'wildcard-ns', HEAD + '*.x NS ns.example.net.\n', HEAD + '*.x A 192.0.2.9\nx NS ns.example.net.\n', { line: 5 });
  // \# data of a known type is read as that type's wire form (a probe of 216 cases and 81 zones
  // rewritten in \# form agree with named-checkzone).
  rule(
    'DS data given as \\#',
    'bad-generic-length',
    HEAD + 'sub NS ns.example.net.\nsub DS \\# 4 00010203\n',
    HEAD + 'sub NS ns.example.net.\nsub DS \\# 24 00010101abababababababababababababababababababab\n',
    { line: 6 },
  );
  rule('NSEC type bitmap as \\#', 'bad-generic-length', HEAD + 'n NSEC \\# 5 016e000000\n', HEAD + 'n NSEC \\# 6 016e00000140\n', { line: 5 });
  rule('SVCB keys in order as \\#', 'bad-generic-length', HEAD + 's SVCB \\# 16 00010000030002003500010003026832\n', HEAD + 's SVCB \\# 10 00010000010003026832\n', { line: 5 });
});
