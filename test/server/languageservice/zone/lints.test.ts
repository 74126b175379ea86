// Every lint BIND misses, each with a zone that triggers it and a near-identical one that does not.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { zoneService } from '../../../../server/src/languageservice/zone';
import { codes, ctx, diagnose, HEAD, zoneDoc } from './helpers';

const has = (text: string, code: string, name?: string) => codes(text, name).includes(code);

function pair(code: string, bad: string, good: string, name?: string) {
  it(`${code}: reported`, () => assert.ok(has(bad, code, name), `expected ${code} in ${JSON.stringify(codes(bad, name))}`));
  it(`${code}: not reported when fine`, () => assert.ok(!has(good, code, name), `unexpected ${code} in ${JSON.stringify(codes(good, name))}`));
}

describe('zone lints', () => {
  it("flags the lesson's 'imap IN CNAME imap' as a CNAME self-loop on the target", () => {
    const text = readFileSync(resolve(__dirname, '../../../../examples/lab/mail1.org.zone'), 'utf8');
    const d = diagnose(text, 'mail1.org.zone').find((x) => x.code === 'cname-loop');
    assert.ok(d);
    assert.equal(d.severity, 1);
    assert.deepEqual(d.range, { start: { line: 15, character: 19 }, end: { line: 15, character: 23 } });
    assert.match(d.message as string, /alias of itself/);
  });

  pair('cname-loop', HEAD + 'a IN CNAME b\nb IN CNAME a\n', HEAD + 'a IN CNAME b\nb IN CNAME ns\n');
  pair('delegation-no-glue', HEAD + 'sub IN NS ns.sub\n', HEAD + 'sub IN NS ns.sub\nns.sub IN A 192.0.2.9\nother IN NS ns.example.net.\n');
  pair('cname-dangling', HEAD + 'a IN CNAME nothing\n', HEAD + 'a IN CNAME ns\nb IN CNAME www.example.net.\n');
  pair('target-is-cname', HEAD + '@ IN MX 10 alias\nalias IN CNAME ns\n', HEAD + '@ IN MX 10 ns\nalias IN CNAME ns\n');
  it('target-is-cname: also for SRV targets', () => assert.ok(has(HEAD + '_imap._tcp IN SRV 0 1 143 alias\nalias IN CNAME ns\n', 'target-is-cname')));
  pair('mx-target-is-address', HEAD + '@ IN MX 10 192.0.2.1.\n', HEAD + '@ IN MX 10 ns\n');
  it('mx-target-is-address: also when written relative', () => assert.ok(has(HEAD + '@ IN MX 10 192.0.2.1\n', 'mx-target-is-address')));
  pair('cname-at-apex', HEAD + '@ IN CNAME ns\n', HEAD + 'www IN CNAME ns\n');
  pair('missing-trailing-dot', HEAD + '@ IN MX 10 ns.example.org\n', HEAD + '@ IN MX 10 ns.example.org.\n');
  it('missing-trailing-dot: says what the name became and offers the dotted text', () => {
    const d = diagnose(HEAD + 'www IN CNAME ns.example.org\n').find((x) => x.code === 'missing-trailing-dot')!;
    assert.match(d.message as string, /ns\.example\.org\.example\.org\./);
    assert.deepEqual(d.range, { start: { line: 5, character: 13 }, end: { line: 5, character: 27 } });
    assert.equal((d.data as { fix: string }).fix, 'ns.example.org.');
  });
  it('missing-trailing-dot: also on owners', () => assert.ok(has(HEAD + 'www.example.org IN A 192.0.2.5\n', 'missing-trailing-dot')));
  pair('mx-target-no-address', HEAD + '@ IN MX 10 mail\n', HEAD + '@ IN MX 10 mail\nmail IN AAAA 2001:db8::1\n@ IN MX 20 mx.example.net.\n');
  pair('duplicate-record', HEAD + 'a IN A 192.0.2.5\na IN A 192.0.2.5\n', HEAD + 'a IN A 192.0.2.5\na IN A 192.0.2.6\n');
  it('duplicate-record: names compare case-insensitively and relative equals absolute', () => {
    assert.ok(has(HEAD + '@ IN MX 10 NS\n@ IN MX 10 ns.example.org.\n', 'duplicate-record'));
  });
  it('rrset-ttl-mismatch: RRSIGs over different types may differ; over one type they may not', () => {
    assert.ok(!has(HEAD + 'a 300 IN RRSIG A 8 2 300 20300101000000 20200101000000 12345 example.org. AwEAAQ==\na 600 IN RRSIG TXT 8 2 300 20300101000000 20200101000000 12345 example.org. AwEAAQ==\n', 'rrset-ttl-mismatch'));
    assert.ok(has(HEAD + 'a 300 IN RRSIG A 8 2 300 20300101000000 20200101000000 12345 example.org. AwEAAQ==\na 600 IN RRSIG A 8 2 300 20300101000000 20200101000000 12346 example.org. AwEAAQ==\n', 'rrset-ttl-mismatch'));
  });
  pair('rrset-ttl-mismatch', HEAD + 'a 300 IN A 192.0.2.5\na 600 IN A 192.0.2.6\n', HEAD + 'a 300 IN A 192.0.2.5\na 300 IN A 192.0.2.6\nb 600 IN A 192.0.2.7\n');
  pair('soa-timer-range', HEAD.replace('3h 1h 1w 1h', '60 1h 1d 1w'), HEAD);
  pair('soa-serial-form', HEAD.replace('2026010101', '2026133101'), HEAD);
  pair(
    'ptr-owner',
    '$ORIGIN 2.0.192.in-addr.arpa.\n$TTL 1h\n@ IN SOA ns.example.org. hm.example.org. 1 3h 1h 1w 1h\n@ IN NS ns.example.org.\n256 IN PTR host.example.org.\n',
    '$ORIGIN 2.0.192.in-addr.arpa.\n$TTL 1h\n@ IN SOA ns.example.org. hm.example.org. 1 3h 1h 1w 1h\n@ IN NS ns.example.org.\n1 IN PTR host.example.org.\n',
  );
  pair('out-of-zone', HEAD + 'www.example.com. IN A 192.0.2.1\n', HEAD + 'www.example.org. IN A 192.0.2.1\n');
  pair('spf-multiple', HEAD + '@ IN TXT "v=spf1 mx -all"\n@ IN TXT "v=spf1 a -all"\n', HEAD + '@ IN TXT "v=spf1 mx -all"\n@ IN TXT "google-site-verification=abc"\n');
  pair('spf-record-type', HEAD + '@ IN SPF "v=spf1 -all"\n', HEAD + '@ IN TXT "v=spf1 -all"\n');
  pair('spf-too-many-lookups', HEAD + '@ IN TXT "v=spf1 ' + 'include:a.example.net '.repeat(11) + '-all"\n', HEAD + '@ IN TXT "v=spf1 ' + 'include:a.example.net '.repeat(10) + '-all"\n');
  it('SPF split over several strings is joined before checking', () => {
    assert.deepEqual(codes(HEAD + '@ IN TXT ( "v=spf1 ip4:192.0.2.0/24" " mx -all" )\n'), []);
    assert.ok(has(HEAD + '@ IN TXT ( "v=spf1 ip4:192.0.2.0/33" " mx -all" )\n', 'spf-bad-ip'));
  });
  pair('dmarc-no-policy', HEAD + '_dmarc IN TXT "v=DMARC1; rua=mailto:d@example.org"\n', HEAD + '_dmarc IN TXT "v=DMARC1; p=none; rua=mailto:d@example.org"\n');
  pair('mta-sts-no-id', HEAD + '_mta-sts IN TXT "v=STSv1;"\n', HEAD + '_mta-sts IN TXT "v=STSv1; id=20260101"\n');
  pair('tlsrpt-no-rua', HEAD + '_smtp._tls IN TXT "v=TLSRPTv1;"\n', HEAD + '_smtp._tls IN TXT "v=TLSRPTv1; rua=mailto:tls@example.org"\n');
  pair('tlsa-length', HEAD + '_25._tcp.ns IN TLSA 3 1 1 abcd\n', HEAD + '_25._tcp.ns IN TLSA 3 1 1 ' + 'ab'.repeat(32) + '\n');
  pair('tlsa-owner', HEAD + 'ns IN TLSA 3 1 1 ' + 'ab'.repeat(32) + '\n', HEAD + '_25._tcp.ns IN TLSA 3 1 1 ' + 'ab'.repeat(32) + '\n');
  it("TLSA: a shared '_' name reached through CNAME is a proper owner; PKIX usages are refused only on mail ports", () => {
    const key = 'ab'.repeat(32);
    assert.deepEqual(codes(HEAD + `_dane IN TLSA 3 1 1 ${key}\n_25._tcp.ns IN CNAME _dane\n_5222._tcp IN TLSA 1 0 1 ${key}\n`), []);
    for (const owner of ['_tcp.ns', '_25.tcp.ns', 'tcp.ns']) assert.ok(has(HEAD + `${owner} IN TLSA 3 1 1 ${key}\n`, 'tlsa-owner'), owner);
    for (const port of [25, 465, 587]) assert.ok(has(HEAD + `_${port}._tcp.ns IN TLSA 1 0 1 ${key}\n`, 'tlsa-usage'), String(port));
  });
  pair('dkim-no-key', HEAD + 'sel._domainkey IN TXT "v=DKIM1; k=rsa"\n', HEAD + 'sel._domainkey IN TXT "v=DKIM1; k=ed25519; p=l02Woi0iS8Aa25FQkUd9RMzZHJpBoRQwAQEX1SxZJA4="\n');

  it('the lab zones have no other findings than the self-loop', () => {
    const one = readFileSync(resolve(__dirname, '../../../../examples/lab/mail1.org.zone'), 'utf8');
    const two = readFileSync(resolve(__dirname, '../../../../examples/lab/mail2.org.zone'), 'utf8');
    assert.deepEqual(codes(one, 'mail1.org.zone'), ['cname-loop']);
    assert.deepEqual(codes(two, 'mail2.org.zone'), []);
  });

  it('reports findings of an $INCLUDEd file on the $INCLUDE line', () => {
    const d = diagnose(HEAD + '$INCLUDE include-cycle-a.inc\n').find((x) => x.code === 'include-cycle')!;
    assert.equal(d.range.start.line, 5);
    assert.match(d.message as string, /^In include-cycle-b\.inc, line 1:/);
  });

  it('derives the origin from the file name when there is no $ORIGIN', () => {
    const text = '$TTL 1h\n@ IN SOA ns hm 1 3h 1h 1w 1h\n@ IN NS ns\nns IN A 192.0.2.1\n@ IN MX 10 mail.mail1.org\n';
    const d = diagnose(text, 'db.mail1.org').find((x) => x.code === 'missing-trailing-dot');
    assert.ok(d, 'db.mail1.org means zone mail1.org');
  });
});

describe("BIND's check-names, as warnings", () => {
  const has = (text: string, code: string) => codes(text).includes(code);
  it('bad-hostname: owners of addresses with underscores or edge hyphens', () => {
    assert.ok(has(HEAD + 'a_b IN A 192.0.2.2\n', 'bad-hostname'));
    assert.ok(has(HEAD + '-lead IN AAAA 2001:db8::1\n', 'bad-hostname'));
  });
  it('bad-hostname: not for wildcards, service names on TXT, or good hosts', () => {
    assert.ok(!has(HEAD + '*.w IN A 192.0.2.2\n_x IN TXT "ok"\nweb-1 IN A 192.0.2.3\n', 'bad-hostname'));
  });
  it('bad-hostname: MX, NS and SRV targets', () => {
    assert.ok(has(HEAD + '@ IN MX 10 a_b\na_b IN TXT "x"\n', 'bad-hostname'));
    assert.ok(!has(HEAD + '@ IN MX 0 .\n_sip._tcp IN SRV 0 0 5060 ns\n', 'bad-hostname'));
  });
});

describe('mail policy findings point at the term or tag at fault', () => {
  it('an SPF mechanism, across split strings', () => {
    const d = diagnose(HEAD + '@ IN TXT ( "v=spf1 mx " "ip4:192.0.2.0/33 -all" )\n').find((x) => x.code === 'spf-bad-ip')!;
    assert.deepEqual(d.range, { start: { line: 5, character: 25 }, end: { line: 5, character: 41 } });
  });
  it('a DMARC value, past an escaped quote', () => {
    const d = diagnose(HEAD + '_dmarc IN TXT "v=DMARC1; n=\\"x\\"; p=block"\n').find((x) => x.code === 'dmarc-bad-value')!;
    assert.deepEqual(d.range, { start: { line: 5, character: 36 }, end: { line: 5, character: 41 } });
  });
});

// A zone with a broken mail policy still loads and mail is still delivered, so policy findings
// are warnings; each message names its policy, since CI logs show messages without the line.
describe('mail policy findings: warnings that name their policy', () => {
  const cases: Array<[string, string, string]> = [
    ['DMARC', 'dmarc-no-policy', '_dmarc IN TXT "v=DMARC1; rua=mailto:d@example.org"\n'],
    ['DKIM', 'dkim-no-key', 'sel._domainkey IN TXT "v=DKIM1; k=rsa"\n'],
    ['SPF', 'spf-unknown-mechanism', '@ IN TXT "v=spf1 mx bogus -all"\n'],
    ['MTA-STS', 'mta-sts-no-id', '_mta-sts IN TXT "v=STSv1"\n'],
    ['TLSRPT', 'tlsrpt-no-rua', '_smtp._tls IN TXT "v=TLSRPTv1"\n'],
  ];
  for (const [policy, code, record] of cases) {
    it(`${code}: a warning starting '${policy}:'`, () => {
      const d = diagnose(HEAD + record).find((x) => x.code === code);
      assert.ok(d, `no ${code}`);
      assert.equal(d.severity, 2);
      assert.ok((d.message as string).startsWith(`${policy}: `), d.message as string);
    });
  }
  it('in Spanish too, with the same prefix', () => {
    const es = (text: string) => zoneService.diagnostics(zoneDoc(text), { ...ctx, locale: 'es' });
    const d = es(HEAD + '_dmarc IN TXT "v=DMARC1; rua=mailto:d@example.org"\n').find((x) => x.code === 'dmarc-no-policy')!;
    assert.equal(d.message, "DMARC: La etiqueta 'p=' (none, quarantine o reject) es obligatoria");
    const spf = es(HEAD + '@ IN TXT "v=spf1 mx bogus -all"\n').find((x) => x.code === 'spf-unknown-mechanism')!;
    assert.match(spf.message as string, /^SPF: Mecanismo SPF desconocido 'bogus'/);
    const tlsa = es(HEAD + '_25._tcp IN TLSA 3 1 1 abcd\n').find((x) => x.code === 'tlsa-length')!;
    assert.match(tlsa.message as string, /^TLSA: El tipo de coincidencia 1 necesita 32 bytes/);
  });
  it('a valid policy has no finding', () => {
    assert.deepEqual(codes(HEAD + '_dmarc IN TXT "v=DMARC1; p=none"\n@ IN TXT "v=spf1 mx -all"\n'), []);
  });
  it('two SPF records: a warning naming SPF', () => {
    const d = diagnose(HEAD + '@ IN TXT "v=spf1 -all"\n@ IN TXT "v=spf1 mx -all"\n').find((x) => x.code === 'spf-multiple')!;
    assert.equal(d.severity, 2);
    assert.match(d.message as string, /^SPF: /);
  });
  it('ADSP (_adsp._domainkey, historic) is not read as a DKIM key; a key record beside it is', () => {
    assert.deepEqual(codes(HEAD + '_adsp._domainkey IN TXT "dkim=all"\n'), []);
    assert.ok(has(HEAD + '_adsp._domainkey IN TXT "dkim=all"\nsel._domainkey IN TXT "dkim=all"\n', 'dkim-no-key'));
  });
});
