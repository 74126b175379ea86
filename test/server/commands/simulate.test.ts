// mailconf.lsp.simulate over the editor's buffers: the lab's vm25 session, an unsaved edit that
// changes the answer, tables read beside main.cf, and clear errors for bad arguments.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { simulateCommand } from '../../../server/src/commands/simulate';
import { readDiskText } from '../../../server/src/handlers/diskFiles';
import { commandContext } from '../../support/commandContext';

const LAB = resolve(__dirname, '../../../examples/lab');
const MAIN = pathToFileURL(`${LAB}/main.cf`).href;
const MASTER = pathToFileURL(`${LAB}/master.cf`).href;

const context = (open: Record<string, string> = {}, files: Record<string, string> = {}, locale: 'en' | 'es' = 'en') =>
  commandContext({ open, locale, readText: (uri) => files[uri] ?? readDiskText(uri) });

const VM25 = { port: 25, client: { address: '192.168.255.200' }, helo: 'host.example', from: 'usuario@mail1.org', to: ['usuario@mail2.org'] };
type Answer = { result: { steps: { stage: string; reply: { line: string }; decidedBy: { list: string; line: number } | null }[] }; transcript: string };

describe('simulate command', () => {
  it("answers the lab's vm25 session from master.cf's URI too, with the deciding line", async () => {
    const a = (await simulateCommand.run([{ uri: MASTER, ...VM25 }], context())) as Answer;
    const rcpt = a.result.steps.find((s) => s.stage === 'rcpt')!;
    assert.equal(rcpt.reply.line, '454 4.7.1 <usuario@mail2.org>: Relay access denied');
    assert.equal(rcpt.decidedBy?.list, 'smtpd_relay_restrictions');
    assert.match(a.transcript, /^S: 454 4\.7\.1/m);
  });

  it('follows unsaved edits, reads tables beside main.cf and answers in Spanish', async () => {
    const edited = readFileSync(`${LAB}/main.cf`, 'utf8').replace(/^smtpd_relay_restrictions = .*$/m, 'smtpd_relay_restrictions = check_recipient_access hash:/etc/postfix/relay_ok, defer_unauth_destination');
    const table = MAIN.replace(/main\.cf$/, 'relay_ok');
    const a = (await simulateCommand.run([{ uri: MAIN, ...VM25 }], context({ [MAIN]: edited }, { [table]: 'mail2.org OK\n' }, 'es'))) as Answer;
    // The table lets the relay list pass; the port's own recipient list still refuses relaying.
    const rcpt = a.result.steps.find((s) => s.stage === 'rcpt')!;
    assert.equal(rcpt.reply.line, '554 5.7.1 <usuario@mail2.org>: Relay access denied');
    assert.equal(rcpt.decidedBy?.list, 'smtpd_recipient_restrictions');
    assert.match(a.transcript, /check_recipient_access hash:\/etc\/postfix\/relay_ok\s+permite: .*relay_ok línea 1: mail2\.org OK/);
    assert.match(a.transcript, /Destinatarios:/);
  });

  it('takes DNS answers: a listed client gets the RBL reply', async () => {
    const named = { ...VM25, client: { address: '192.168.255.200', hostname: 'pc.example.net' }, to: ['usuario@mail1.org'] };
    const a = (await simulateCommand.run([{ uri: MAIN, ...named, dns: { listed: [{ list: 'zen.spamhaus.org', key: '192.168.255.200', reason: 'listed here' }] } }], context())) as Answer;
    assert.equal(a.result.steps.find((s) => s.stage === 'rcpt')!.reply.line, '554 5.7.1 Service unavailable; Client host [192.168.255.200] blocked using zen.spamhaus.org; listed here');
  });

  it('refuses incomplete arguments and unknown services with a message', async () => {
    await assert.rejects(simulateCommand.run([{ uri: MAIN, port: 25 }], context()), /Expected \{uri, service or port/);
    await assert.rejects(simulateCommand.run([{ uri: MAIN, ...VM25, dns: { listed: 'zen.spamhaus.org' } }], context()), /dns\?: \{listed/);
    await assert.rejects(simulateCommand.run([{ uri: MAIN, ...VM25, port: 2525 }], context()), /no smtpd service listens on port 2525/);
  });
});
