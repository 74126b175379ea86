// dns-check against the live server: the real Postfix lab on loopback (test/support/lab) presents
// its certificate after STARTTLS, and a real named serves TLSA records computed from that
// certificate (matching) or not (a stale hash), and a PTR for 127.0.0.1 that names the lab's
// myhostname or another host.
import assert from 'node:assert/strict';
import { createHash, X509Certificate } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { runCli } from '../../../server/src/cli/main';
import type { CommandContext } from '../../../server/src/commands/command';
import { dnsCheckCommand, type DnsCheckAnswer } from '../../../server/src/commands/dnsCheck';
import { requirePeer } from '../../support/peers';
import { startNamed, type Named } from '../../support/named';
import { requireNamed } from '../../support/namedPeer';
import { LAB_HOSTNAME, startSmtpLab, type SmtpLab } from '../../support/lab/smtpLab';
import { commandContext } from '../../support/commandContext';

const skip = requireNamed() ?? requirePeer('postfix', ['postfix']) ?? requirePeer('dovecot', ['dovecot-core']);

const zone = (domain: string, tlsa: string) => `$ORIGIN ${domain}.
$TTL 1h
@ IN SOA ns.${domain}. hostmaster.${domain}. 1 3h 1h 1w 1h
@ IN NS ns
ns IN A 127.0.0.1
@ IN MX 10 mail
mail IN A 127.0.0.1
smtp IN CNAME mail
_25._tcp.mail IN TLSA ${tlsa}
`;
const reverse = (ptr: string) => `$ORIGIN 0.0.127.in-addr.arpa.
$TTL 1h
@ IN SOA ns.mail1.org. hostmaster.mail1.org. 1 3h 1h 1w 1h
@ IN NS ns.mail1.org.
1 IN PTR ${ptr}
`;

describe('dns-check against the live Postfix lab', { skip, timeout: 120_000 }, () => {
  let lab: SmtpLab;
  let named: Named;
  let wrongPtr: Named;
  let spkiSha256: string;

  async function dnsCheck(domain: string, server: Named): Promise<{ status: number; report: { checks: Array<{ code: string; ok: boolean; message: string; expected?: string; served?: string }> } }> {
    let out = '';
    const status = await runCli(['dns-check', domain, '--server', `127.0.0.1:${server.port}`, '--smtp', `127.0.0.1:${lab.ports.smtp}`, '--json'], { stdout: (s) => (out += s), stderr: () => {}, env: { LANG: 'C' }, cwd: process.cwd() });
    return { status, report: JSON.parse(out) };
  }
  const find = (r: Awaited<ReturnType<typeof dnsCheck>>, code: string) => r.report.checks.filter((c) => c.code === code);

  before(async () => {
    lab = await startSmtpLab();
    const cert = new X509Certificate(lab.ca);
    spkiSha256 = createHash('sha256').update(cert.publicKey.export({ type: 'spki', format: 'der' })).digest('hex');
    const wrong = 'ab'.repeat(32);
    named = await startNamed([
      { origin: 'mail1.org.', text: zone('mail1.org', `3 1 1 ${spkiSha256}`) },
      { origin: 'stale.example.', text: zone('stale.example', `3 1 1 ${wrong}`) },
      { origin: '0.0.127.in-addr.arpa.', text: reverse(`${LAB_HOSTNAME}.`) },
    ]);
    wrongPtr = await startNamed([
      { origin: 'mail1.org.', text: zone('mail1.org', `3 0 1 ${createHash('sha256').update(cert.raw).digest('hex')}`) },
      { origin: '0.0.127.in-addr.arpa.', text: reverse('mail.mail1.org.') },
    ]);
  });
  after(async () => {
    await named?.stop();
    await wrongPtr?.stop();
    lab?.stop();
  });

  it('a TLSA record made from the lab certificate matches what Postfix presents, and the greeting is the PTR name', async () => {
    const r = await dnsCheck('mail1.org', named);
    assert.deepEqual(find(r, 'tlsa-mismatch').map((c) => [c.ok, c.message]), [[true, `TLSA 3 1 1 ${spkiSha256} matches the certificate 127.0.0.1:${lab.ports.smtp} presents`]]);
    assert.deepEqual(find(r, 'smtp-name-mismatch').map((c) => [c.ok, c.message]), [[true, `127.0.0.1:${lab.ports.smtp} greets as ${LAB_HOSTNAME}., its PTR name`]]);
    assert.equal(r.status, 0, JSON.stringify(r.report.checks.filter((c) => !c.ok)));
  });

  it('the language server command runs the live checks too (smtp argument)', async () => {
    const answer = (await dnsCheckCommand.run([{ server: `127.0.0.1:${named.port}`, domain: 'stale.example', smtp: `127.0.0.1:${lab.ports.smtp}` }], commandContext({ readText: () => undefined }))) as DnsCheckAnswer;
    const checks = (answer.report as { checks: Array<{ code: string; ok: boolean }> }).checks;
    assert.deepEqual(checks.filter((c) => c.code === 'tlsa-mismatch' || c.code === 'smtp-name-mismatch').map((c) => [c.code, c.ok]), [['tlsa-mismatch', false], ['smtp-name-mismatch', true]]);
    await assert.rejects(dnsCheckCommand.run([{ server: '127.0.0.1', domain: 'x.test', smtp: 'a b' }], {} as CommandContext), /'smtp' must be HOST\[:PORT\] or mx/);
  });

  it('tlsa-mismatch: a stale hash, with the record the certificate needs as expected', async () => {
    const r = await dnsCheck('stale.example', named);
    assert.equal(r.status, 1);
    const [c] = find(r, 'tlsa-mismatch');
    assert.equal(c.ok, false);
    assert.equal(c.message, `No TLSA record at _25._tcp.mail.stale.example. matches the certificate 127.0.0.1:${lab.ports.smtp} presents: DANE senders will not deliver`);
    assert.equal(c.expected, `3 1 1 ${spkiSha256}`);
    assert.equal(c.served, `3 1 1 ${'ab'.repeat(32)}`);
  });

  it('a full-certificate TLSA (3 0 1) matches too; smtp-name-mismatch when the PTR names another host', async () => {
    const r = await dnsCheck('mail1.org', wrongPtr);
    assert.equal(find(r, 'tlsa-mismatch')[0].ok, true);
    const [c] = find(r, 'smtp-name-mismatch');
    assert.equal(c.ok, false);
    assert.equal(c.message, `127.0.0.1:${lab.ports.smtp} greets as ${LAB_HOSTNAME}., but the PTR of its address names mail.mail1.org.: set myhostname to the PTR name`);
  });
});
