// `mailconf dns-check` against a real named on loopback serving the lab's zone (examples/lab), a
// corrected copy with every mail policy, and broken variants: a stale serial, a missing trailing
// dot, a PTR that does not lead back, a missing PTR, a DKIM key under another selector, broken
// policies and aliases. Each check has a passing and a failing case. The answers the checks read
// are named's own: the client's decoding is compared with the zone text named loaded.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCli } from '../../../server/src/cli/main';
import { GOOD_ZONE as GOOD, LAB_SERIAL as SERIAL, lessonZone as lesson, REVERSE_ZONE as REVERSE } from '../../support/dnsLabZones';
import { startNamed, type Named } from '../../support/named';
import { requireNamed } from '../../support/namedPeer';

/** Everything broken at once, each in its own record. */
const BROKEN = `$ORIGIN broken.example.
$TTL 1h
@ IN SOA ns.mail1.org. hostmaster.mail1.org. 1 3h 1h 1w 1h
@ IN NS ns.mail1.org.
; the lesson's missing trailing dot: the MX names mail.broken.example.broken.example.
@ IN MX 10 mail.broken.example
mail IN A 192.168.255.2
smtp IN CNAME gone
imap IN CNAME a1
a1 IN CNAME a2
a2 IN CNAME a3
a3 IN CNAME a4
a4 IN CNAME a5
a5 IN CNAME a6
a6 IN CNAME a7
a7 IN CNAME a8
a8 IN CNAME a9
a9 IN CNAME mail
@ IN TXT "v=spf1 include:s1.broken.example include:s2.broken.example ~all"
s1 IN TXT "v=spf1 a mx ptr exists:%{i}.x.broken.example a:one.broken.example a:two.broken.example -all"
s2 IN TXT "v=spf1 include:s1.broken.example mx:m.broken.example a:three.broken.example a:four.broken.example -all"
_dmarc IN TXT "v=DMARC1; p=reject-all"
_mta-sts IN TXT "v=STSv1; id=not-valid!"
_smtp._tls IN TXT "v=TLSRPTv1; rua=http://reports.broken.example/"
`;

/** The PTR of .2 names the lab's mail host, whose address is .1; .3 has none. */
const NOPTR = `$ORIGIN noptr.example.
$TTL 1h
@ IN SOA ns.mail1.org. hostmaster.mail1.org. 1 3h 1h 1w 1h
@ IN NS ns.mail1.org.
@ IN MX 10 mail
mail IN A 192.168.255.3
`;

interface Run {
  status: number;
  stdout: string;
  stderr: string;
}

let named: Named;
let dir: string;

async function dnsCheck(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const status = await runCli(['dns-check', ...args], { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), env: { LANG: 'C', ...env }, cwd: dir });
  return { status, stdout, stderr };
}
const json = async (args: string[]) => {
  const r = await dnsCheck([...args, '--server', `127.0.0.1:${named.port}`, '--json']);
  const report = JSON.parse(r.stdout) as { domain: string; server: string; checks: Array<{ code: string; ok: boolean; severity: string; message: string; expected?: string; served?: string; line?: number }> };
  return { ...r, report };
};
/** The checks with `code`, as "✔ message" / "✖ message" lines. */
const lines = (report: Awaited<ReturnType<typeof json>>['report'], code: string) => report.checks.filter((c) => c.code === code).map((c) => `${c.ok ? '✔' : '✖'} ${c.message}`);

describe('mailconf dns-check against a real named', { skip: requireNamed(), timeout: 120_000 }, () => {
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mailconf-dnscheck-'));
    named = await startNamed([
      { origin: 'mail1.org.', text: GOOD },
      { origin: 'lesson.example.', text: lesson('lesson.example') },
      { origin: 'broken.example.', text: BROKEN },
      { origin: 'noptr.example.', text: NOPTR },
      { origin: '255.168.192.in-addr.arpa.', text: REVERSE },
    ]);
    assert.match(named.log(), /zone mail1\.org\/IN: loaded serial/);
    assert.match(named.log(), /zone broken\.example\/IN: loaded serial/);
  });
  after(async () => {
    await named?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('the corrected lab domain passes every check and exits 0', async () => {
    writeFileSync(join(dir, 'mail1.org.zone'), GOOD);
    const r = await dnsCheck(['mail1.org', '--server', `127.0.0.1:${named.port}`]);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.doesNotMatch(r.stdout, /✖/);
    // The zone file in the folder was found and compared, line by line.
    assert.match(r.stdout, /✔ The server serves serial \d+, the same as the file \(line 4\)/);
    assert.match(r.stdout, /✔ The \d+ record sets of the file are served as written/);
    assert.match(r.stdout, /✔ 192\.168\.255\.1 → mail\.mail1\.org\. → 192\.168\.255\.1/);
    assert.match(r.stdout, /✔ SPF of mail1\.org\. needs 2 DNS lookups/);
    assert.match(r.stdout, /✔ The DKIM record at mail\._domainkey\.mail1\.org\. is valid \(RSA key of 2048 bits\)/);
    assert.match(r.stdout, /\d+ passed, 0 failed/);
  });

  it('serial-mismatch and record-differs: a zone edited and never reloaded', async () => {
    const edited = GOOD.replace(SERIAL, String(Number(SERIAL) + 1)).replace('mail    IN  A      192.168.255.1', 'mail    IN  A      192.168.255.9') + 'www IN A 192.168.255.1\n';
    writeFileSync(join(dir, 'edited.zone'), edited);
    const { status, report } = await json(['mail1.org', '--zone', 'edited.zone']);
    assert.equal(status, 1);
    const serial = report.checks.find((c) => c.code === 'serial-mismatch')!;
    assert.equal(serial.ok, false);
    assert.equal(serial.message, `The server still serves ${SERIAL}; the file has ${Number(SERIAL) + 1}: reload it (rndc reload mail1.org)`);
    assert.deepEqual([serial.expected, serial.served, serial.line], [String(Number(SERIAL) + 1), SERIAL, 4]);
    const differs = report.checks.filter((c) => c.code === 'record-differs' && !c.ok).map((c) => [c.message, c.expected, c.served]);
    assert.deepEqual(differs, [
      ['mail.mail1.org. A differs between the file and the server', '192.168.255.9', '192.168.255.1'],
      ['www.mail1.org. A is in the file but the server does not serve it', '192.168.255.1', 'NXDOMAIN'],
    ]);
  });

  it('record-differs the other way: a record the server still serves that the file no longer has (by AXFR)', async () => {
    writeFileSync(join(dir, 'removed.zone'), GOOD.replace(SERIAL, String(Number(SERIAL) + 1)).replace('_smtp._tls   IN TXT "v=TLSRPTv1; rua=mailto:tls@mail1.org"', ''));
    const { report } = await json(['mail1.org', '--zone', 'removed.zone']);
    const only = report.checks.filter((c) => c.code === 'record-differs' && !c.ok);
    assert.deepEqual(only.map((c) => [c.message, c.served]), [['_smtp._tls.mail1.org. TXT is served but not in the file', '"v=TLSRPTv1; rua=mailto:tls@mail1.org"']]);
  });

  it('records from an $INCLUDEd file count as the file\'s', async () => {
    writeFileSync(join(dir, 'policies.inc'), GOOD.slice(GOOD.indexOf('@            IN TXT "v=spf1')));
    writeFileSync(join(dir, 'with-include.zone'), GOOD.slice(0, GOOD.indexOf('@            IN TXT "v=spf1')) + '$INCLUDE policies.inc\n');
    const { report } = await json(['mail1.org', '--zone', 'with-include.zone']);
    assert.deepEqual(report.checks.filter((c) => c.code === 'record-differs').map((c) => `${c.ok ? '✔' : '✖'} ${c.message}`), ['✔ The 11 record sets of the file are served as written']);
  });

  it('a server that refuses zone transfers: said, and only the file\'s names are compared', async () => {
    const closed = await startNamed([{ origin: 'mail1.org.', text: GOOD }, { origin: '255.168.192.in-addr.arpa.', text: REVERSE }], { allowTransfer: false });
    try {
      writeFileSync(join(dir, 'mail1.org.zone'), GOOD);
      const r = await dnsCheck(['mail1.org', '--server', `127.0.0.1:${closed.port}`, '--json']);
      const c = JSON.parse(r.stdout).checks.find((x: { ok: boolean; code: string }) => x.code === 'record-differs' && !x.ok);
      assert.equal(c.severity, 'info');
      assert.match(c.message, /^Records the server has and the file does not could not be listed: 127\.0\.0\.1:\d+ \(AXFR\) refused the transfer \(REFUSED\)/);
      // Information only: it does not fail the run.
      assert.equal(r.status, 0, r.stdout);
    } finally {
      await closed.stop();
    }
  });

  it('serial-mismatch: records changed without a new serial', async () => {
    writeFileSync(join(dir, 'same-serial.zone'), GOOD.replace('mail    IN  A      192.168.255.1', 'mail    IN  A      192.168.255.9'));
    const { report } = await json(['mail1.org', '--zone', 'same-serial.zone']);
    assert.deepEqual(lines(report, 'serial-mismatch'), [`✖ The serial is still ${SERIAL} but records changed: raise the serial, or secondaries keep the old data`]);
  });

  it('serial-mismatch: the server ahead of the file', async () => {
    writeFileSync(join(dir, 'old.zone'), GOOD.replace(SERIAL, String(Number(SERIAL) - 1)));
    const { report } = await json(['mail1.org', '--zone', 'old.zone']);
    assert.match(lines(report, 'serial-mismatch')[0], /^✖ The server serves \d+, newer than the file's \d+/);
  });

  it('zone-not-served: a domain the server has no zone for', async () => {
    const { status, report } = await json(['nothere.example']);
    assert.equal(status, 1);
    assert.match(lines(report, 'zone-not-served')[0], /^✖ 127\.0\.0\.1:\d+ does not answer authoritatively for nothere\.example\. \(REFUSED\)/);
  });

  it('mx-no-address: the lesson\'s missing trailing dot, as served', async () => {
    const { report } = await json(['broken.example']);
    assert.deepEqual(lines(report, 'mx-missing'), ['✔ broken.example. has the MX 10 mail.broken.example.broken.example.']);
    const c = report.checks.find((x) => x.code === 'mx-no-address')!;
    assert.equal(c.ok, false);
    assert.equal(c.message, 'The MX host mail.broken.example.broken.example. has no A or AAAA record: mail to broken.example. cannot be delivered');
  });

  it('mx-cname: an MX that names an alias; the lesson\'s zone has no mail policies at all', async () => {
    const zone = `$ORIGIN alias.example.\n$TTL 1h\n@ IN SOA ns.mail1.org. h.mail1.org. 1 1h 1h 1w 1h\n@ IN NS ns.mail1.org.\n@ IN MX 10 smtp\nsmtp IN CNAME mail\nmail IN A 192.168.255.1\n@ IN TXT "v=spf1 -all"\n@ IN TXT "v=spf1 mx -all"\n`;
    const other = await startNamed([{ origin: 'alias.example.', text: zone }]);
    try {
      const r = JSON.parse((await dnsCheck(['alias.example', '--server', `127.0.0.1:${other.port}`, '--json'])).stdout);
      const find = (code: string) => r.checks.find((c: { code: string }) => c.code === code);
      assert.equal(find('mx-cname').message, 'The MX host smtp.alias.example. is an alias of mail.alias.example.; an MX must name a host with its own address (RFC 2181 §10.3)');
      // The alias still leads to an address, so mail gets through: a warning, and the address is found.
      assert.deepEqual([find('mx-cname').severity, find('mx-no-address').ok], ['warning', true]);
      assert.deepEqual([find('spf-several').ok, find('spf-several').message], [false, 'alias.example. has 2 SPF records; receivers need exactly one']);
    } finally {
      await other.stop();
    }
    const { report } = await json(['lesson.example']);
    const missing = report.checks.filter((c) => c.code.endsWith('-missing') && c.code !== 'mx-missing').map((c) => `${c.ok ? '✔' : '✖'} ${c.code} ${c.severity}`);
    assert.deepEqual(missing, ['✖ spf-missing warning', '✖ dmarc-missing warning', '✖ dkim-missing info', '✖ mta-sts-missing info', '✖ tlsrpt-missing info']);
  });

  it('mx-missing: a domain without MX', async () => {
    const zone = `$ORIGIN nomx.example.\n$TTL 1h\n@ IN SOA ns.mail1.org. h.mail1.org. 1 1h 1h 1w 1h\n@ IN NS ns.mail1.org.\n@ IN A 192.168.255.1\n`;
    const other = await startNamed([{ origin: 'nomx.example.', text: zone }]);
    try {
      const r = await dnsCheck(['nomx.example', '--server', `127.0.0.1:${other.port}`]);
      assert.equal(r.status, 1);
      assert.match(r.stdout, /✖ nomx\.example\. has no MX record/);
    } finally {
      await other.stop();
    }
  });

  it('ptr-mismatch and ptr-missing: the reverse side of the mail chain', async () => {
    const mismatch = await json(['broken.example']);
    // broken.example's MX has no address; its mail host does, and is checked through the alias chain.
    assert.equal(mismatch.report.checks.some((c) => c.code === 'ptr-mismatch'), false);
    const moved = `${NOPTR.replaceAll('noptr', 'moved').replace('192.168.255.3', '192.168.255.2')}`;
    const other = await startNamed([
      { origin: 'moved.example.', text: moved },
      { origin: 'noptr.example.', text: NOPTR },
      { origin: 'mail1.org.', text: GOOD },
      { origin: '255.168.192.in-addr.arpa.', text: REVERSE },
    ]);
    try {
      const at = ['--server', `127.0.0.1:${other.port}`, '--json'];
      const m = JSON.parse((await dnsCheck(['moved.example', ...at])).stdout);
      const c = m.checks.find((x: { code: string }) => x.code === 'ptr-mismatch');
      assert.equal(c.ok, false);
      assert.equal(c.message, 'The PTR of 192.168.255.2 is mail.mail1.org., whose addresses are 192.168.255.1: the name does not lead back to the address');
      assert.deepEqual([c.expected, c.served], ['192.168.255.2', 'mail.mail1.org. → 192.168.255.1']);
      const n = JSON.parse((await dnsCheck(['noptr.example', ...at])).stdout);
      const p = n.checks.find((x: { code: string }) => x.code === 'ptr-missing');
      assert.equal(p.ok, false);
      assert.equal(p.message, '192.168.255.3 has no PTR record (3.255.168.192.in-addr.arpa.): receivers with reject_unknown_client_hostname refuse its mail');
    } finally {
      await other.stop();
    }
  });

  it('cname-chain-broken: the lesson\'s imap loop, a dangling alias and a chain too long', async () => {
    const lessonRun = await json(['lesson.example']);
    assert.deepEqual(lines(lessonRun.report, 'cname-chain-broken'), [
      '✔ smtp.lesson.example. is an alias: smtp.lesson.example. → mail.lesson.example. (192.168.255.1)',
      '✖ The alias imap.lesson.example. loops: imap.lesson.example. → imap.lesson.example.',
    ]);
    const broken = await json(['broken.example']);
    const msgs = lines(broken.report, 'cname-chain-broken');
    assert.ok(msgs.includes('✖ The alias smtp.broken.example. ends at gone.broken.example., which has no address (NXDOMAIN)'), msgs.join('\n'));
    assert.ok(msgs.some((m) => m.startsWith('✖ The alias imap.broken.example. goes through more than 8 names')), msgs.join('\n'));
  });

  it('mail records: the zone lints\' checkers on the served SPF, DMARC, MTA-STS and TLSRPT', async () => {
    const { report } = await json(['broken.example']);
    const failed = report.checks.filter((c) => !c.ok).map((c) => c.code);
    for (const code of ['spf-lookups', 'dmarc-bad-value', 'mta-sts-bad-id', 'tlsrpt-bad-uri']) assert.ok(failed.includes(code), `${code} in ${failed.join(', ')}`);
    // include s1 (1) + its 6 lookups, include s2 (1) + its 4, one of which includes s1 again (+6):
    // an evaluator asks again for every include, even of a record it has already read.
    assert.deepEqual(lines(report, 'spf-lookups'), ['✖ SPF of broken.example. needs 18 DNS lookups with its includes; past 10, receivers return permerror']);
    assert.match(lines(report, 'dmarc-bad-value')[0], /^✖ DMARC at _dmarc\.broken\.example\.: Bad value 'reject-all' for 'p='/);
    const good = await json(['mail1.org']);
    for (const code of ['spf-missing', 'dmarc-missing', 'mta-sts-missing', 'tlsrpt-missing', 'dkim-missing']) {
      assert.equal(good.report.checks.find((c) => c.code === code)?.ok, true, code);
    }
  });

  it('dkim-missing: a key published under another selector than the signer uses', async () => {
    writeFileSync(join(dir, 'mail1.org.zone'), GOOD);
    const r = await dnsCheck(['mail1.org', '--server', `127.0.0.1:${named.port}`, '--selector', 'default']);
    assert.equal(r.status, 1);
    assert.match(r.stdout, /✖ No DKIM key for the selector default at default\._domainkey\.mail1\.org\.; the zone file publishes one under mail\._domainkey: the selector in the signer and in DNS must be the same \[dkim-missing, error\]/);
    const right = await dnsCheck(['mail1.org', '--server', `127.0.0.1:${named.port}`, '--selector', 'mail']);
    assert.equal(right.status, 0, right.stdout);
    // The signer's opendkim.conf in the folder names the selector it signs with.
    writeFileSync(join(dir, 'opendkim.conf'), 'Domain mail1.org\nSelector default\nKeyFile /etc/dkimkeys/default.private\n');
    const signer = await dnsCheck(['mail1.org', '--server', `127.0.0.1:${named.port}`]);
    rmSync(join(dir, 'opendkim.conf'));
    assert.equal(signer.status, 1);
    assert.match(signer.stdout, /✖ No DKIM key for the selector default at default\._domainkey\.mail1\.org\.; the zone file publishes one under mail\._domainkey/);
  });

  it('myhostname and mydestination of the lab\'s main.cf, and of a broken one', async () => {
    const lab = resolve(__dirname, '../../../examples/lab/main.cf');
    const { report } = await json(['mail1.org', '--postfix', lab]);
    assert.deepEqual(lines(report, 'myhostname-no-address'), ['✔ myhostname smtp.mail1.org. resolves to 192.168.255.1']);
    assert.deepEqual(lines(report, 'mydestination-no-mx'), ['✔ mail1.org., in mydestination, has the MX 10 mail.mail1.org.']);
    writeFileSync(join(dir, 'main.cf'), 'mydomain = mail1.org\nmyhostname = mx.$mydomain\nmydestination = $mydomain, lists.$mydomain, hash:/etc/postfix/domains, localhost\n');
    // main.cf in the current folder is read without --postfix.
    const broken = await json(['mail1.org']);
    rmSync(join(dir, 'main.cf'));
    assert.deepEqual(lines(broken.report, 'myhostname-no-address'), ['✖ myhostname mx.mail1.org. has no A or AAAA record (NXDOMAIN): receivers that check the HELO name refuse it']);
    assert.deepEqual(lines(broken.report, 'mydestination-no-mx'), [
      '✔ mail1.org., in mydestination, has the MX 10 mail.mail1.org.',
      '✖ lists.mail1.org. is in mydestination but has no MX record: senders will not find this server for it',
    ]);
  });

  it('speaks Spanish with LANG=es', async () => {
    const r = await dnsCheck(['lesson.example', '--server', `127.0.0.1:${named.port}`], { LANG: 'es_ES.UTF-8' });
    assert.match(r.stdout, /^DNS de lesson\.example\. tal como lo sirve 127\.0\.0\.1:\d+/);
    assert.match(r.stdout, /✖ El alias imap\.lesson\.example\. forma un bucle/);
    assert.match(r.stdout, /\d+ correctas, \d+ fallidas/);
    // The policy findings come from the zone lints' checkers, in the same language.
    const broken = await dnsCheck(['broken.example', '--server', `127.0.0.1:${named.port}`], { LANG: 'es_ES.UTF-8' });
    assert.match(broken.stdout, /✖ DMARC en _dmarc\.broken\.example\.: .*'reject-all'/);
    assert.doesNotMatch(broken.stdout, /Bad value/);
  });

  it('--json has the issue\'s shape', async () => {
    const { report } = await json(['mail1.org']);
    assert.equal(report.domain, 'mail1.org.');
    assert.match(report.server, /^127\.0\.0\.1:\d+$/);
    for (const c of report.checks) {
      assert.deepEqual(Object.keys(c).filter((k) => !['expected', 'served', 'line'].includes(k)), ['code', 'ok', 'severity', 'message']);
    }
  });

  it('exit status 3 when the name server cannot be reached, 2 on a usage error', async () => {
    const r = await dnsCheck(['mail1.org', '--server', '127.0.0.1:1', '--timeout', '1']);
    assert.equal(r.status, 3);
    assert.match(r.stderr, /Cannot reach the name server: 127\.0\.0\.1:1 \(UDP\) refused the query/);
    assert.equal((await dnsCheck(['mail1.org', '--server', 'not a server'])).status, 2);
    assert.equal((await dnsCheck([])).status, 2);
    assert.equal((await dnsCheck(['mail1.org', '--timeout', '0'])).status, 2);
    assert.equal((await dnsCheck(['-bad-.example..'])).status, 2);
    assert.equal((await dnsCheck(['mail1.org', '--server', `127.0.0.1:${named.port}`, '--zone', 'missing.zone'])).status, 2);
  });
});
