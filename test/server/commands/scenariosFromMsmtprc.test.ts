// mailconf.lsp.scenarios.fromMsmtprc and the lens that offers it: the lesson's three msmtp accounts
// against the lab become three scenarios whose expectations are what the lab does now.
import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { scenariosFromMsmtprcCommand } from '../../../server/src/commands/scenariosFromMsmtprc';
import { commandContext } from '../../support/commandContext';
import { serviceFor } from '../../../server/src/languageservice/languages';
import { parseScenarios } from '../../../server/src/postfix/simulator/scenarios';

const LAB = resolve(__dirname, '../../../examples/lab');
const MAIN = pathToFileURL(`${LAB}/main.cf`).href;
const MSMTPRC = 'file:///home/usuario/.msmtprc';

// The accounts of the lesson's ~/.msmtprc: shared defaults, then one account per port.
const ACCOUNTS = `defaults
  tls on
  tls_certcheck off
  from usuario@mail1.org
  host smtp.mail1.org
  user usuario

account vm25
  auth off
  tls_starttls on

account vm465
  port 465
  auth on
  tls_starttls off

account vm587
  port 587
  auth on
  tls_starttls on
`;


describe('scenarios from an msmtprc', () => {
  it("writes one scenario per account, expecting what the lab does now (vm25 to mail2.org: 454 4.7.1)", async () => {
    const a = (await scenariosFromMsmtprcCommand.run([{ uri: MSMTPRC, mainUri: MAIN, client: '192.168.255.200', to: ['usuario@mail1.org', 'usuario@mail2.org'] }], commandContext({ open: { [MSMTPRC]: ACCOUNTS } }))) as { text: string; count: number };
    assert.equal(a.count, 3);
    const scenarios = parseScenarios(a.text);
    assert.deepEqual(scenarios.map((s) => [s.name, s.port, s.sasl ?? null, s.tls]), [
      ['msmtp account vm25', 25, null, true],
      ['msmtp account vm465', 465, 'usuario', true],
      ['msmtp account vm587', 587, 'usuario', true],
    ]);
    assert.equal(scenarios[0].expect['usuario@mail2.org'], '454 4.7.1');
    assert.equal(scenarios[2].expect['usuario@mail2.org'], 'accepted');
  });

  it('refuses incomplete arguments with a message', async () => {
    await assert.rejects(scenariosFromMsmtprcCommand.run([{ uri: MSMTPRC, mainUri: MAIN, client: '', to: ['a@b'] }], commandContext({ open: { [MSMTPRC]: ACCOUNTS } })), /Expected \{uri, mainUri/);
  });

  it('is offered by a lens above the first account, in the user language', () => {
    const doc = TextDocument.create(MSMTPRC, 'msmtprc', 1, ACCOUNTS);
    const [lens, ...more] = serviceFor('msmtprc')!.codeLenses!(doc, { locale: 'es', workspace: { readText: () => undefined } });
    assert.equal(more.length, 0);
    assert.equal(lens.range.start.line, ACCOUNTS.split('\n').indexOf('account vm25'));
    assert.deepEqual([lens.command?.command, lens.command?.arguments], ['mailconf.scenarios.fromMsmtprc', [{ uri: MSMTPRC }]]);
    assert.match(lens.command?.title ?? '', /Crear escenarios/);
    assert.deepEqual(serviceFor('msmtprc')!.codeLenses!(TextDocument.create(MSMTPRC, 'msmtprc', 1, 'defaults\n  tls on\n'), { locale: 'en', workspace: { readText: () => undefined } }), []);
  });
});
