// mailconf.lsp.dns.check over the editor's buffer: an unsaved serial bump shows as "reload it"
// against a real named, the answer carries both serials for the SOA lens, Spanish follows the
// locale, cancelling stops it, and bad arguments get a message.
import assert from 'node:assert/strict';
import { createSocket } from 'node:dgram';
import { after, before, describe, it } from 'node:test';
import { dnsCheckCommand, type DnsCheckAnswer } from '../../../server/src/commands/dnsCheck';
import { GOOD_LAB, GOOD_ZONE, LAB_SERIAL } from '../../support/dnsLabZones';
import { startNamed, type Named } from '../../support/named';
import { commandContext } from '../../support/commandContext';
import { requireNamed } from '../../support/namedPeer';

const URI = 'file:///lab/db.mail1.org';

const context = (open: Record<string, string>, locale: 'en' | 'es' = 'en', onCancel?: (cancel: () => void) => void) => commandContext({ open, locale, onCancel, readText: () => undefined });

describe('mailconf.lsp.dns.check', { skip: requireNamed(), timeout: 60_000 }, () => {
  let named: Named;
  before(async () => {
    named = await startNamed(GOOD_LAB);
  });
  after(async () => named?.stop());

  it('an unsaved serial bump: reload needed, both serials for the code lens', async () => {
    const bumped = GOOD_ZONE.replace(LAB_SERIAL, String(Number(LAB_SERIAL) + 1));
    const a = (await dnsCheckCommand.run([{ server: `127.0.0.1:${named.port}`, zoneUri: URI }], context({ [URI]: bumped }))) as DnsCheckAnswer;
    assert.deepEqual([a.servedSerial, a.fileSerial, a.soaLine], [Number(LAB_SERIAL), Number(LAB_SERIAL) + 1, 3]);
    const serial = (a.report as { checks: Array<{ code: string; ok: boolean; message: string }> }).checks.find((c) => c.code === 'serial-mismatch')!;
    assert.equal(serial.ok, false);
    assert.match(serial.message, /reload it/);
    assert.match(a.markdown, /^### DNS of mail1\.org\. as served by 127\.0\.0\.1:\d+/);
    assert.match(a.markdown, /\| ✖ The server still serves \d+; the file has \d+: reload it .* \| `serial-mismatch` \| \d+ \| \d+ \|/);
  });

  it('the saved zone as served: every check passes, in Spanish', async () => {
    const a = (await dnsCheckCommand.run([{ server: `127.0.0.1:${named.port}`, zoneUri: URI }], context({ [URI]: GOOD_ZONE }, 'es'))) as DnsCheckAnswer;
    assert.equal(a.servedSerial, a.fileSerial);
    assert.doesNotMatch(a.markdown, /✖/);
    assert.match(a.markdown, /correctas, 0 fallidas/);
  });

  it('refuses bad arguments with a message', async () => {
    await assert.rejects(dnsCheckCommand.run([{}], context({})), /'server' \(ADDR\[:PORT\] of the name server\) is required/);
    await assert.rejects(dnsCheckCommand.run([{ server: 'x y' }], context({})), /is not ADDR\[:PORT\]/);
    await assert.rejects(dnsCheckCommand.run([{ server: '127.0.0.1' }], context({})), /give 'domain'/);
  });
});

describe('mailconf.lsp.dns.check cancelled', () => {
  it('ends at once when the request is cancelled', async () => {
    const silent = createSocket('udp4');
    await new Promise<void>((resolve) => silent.bind(0, '127.0.0.1', resolve));
    try {
      const t0 = Date.now();
      const ctx = context({}, 'en', (cancel) => setTimeout(cancel, 50));
      await assert.rejects(dnsCheckCommand.run([{ server: `127.0.0.1:${silent.address().port}`, domain: 'mail1.org', timeoutMs: 10_000 }], ctx), /^Error: the query was cancelled$/);
      assert.ok(Date.now() - t0 < 2000);
    } finally {
      silent.close();
    }
  });
});
