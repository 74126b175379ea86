// "▶ Simulate" lenses: one per smtpd service of master.cf (not per other daemon, not on -o lines),
// one per smtpd_*_restrictions line of main.cf with the services that take that list as it is;
// Spanish titles; through the language server too, beside "▶ Test port".
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { mainCfSimulateLenses, masterCfSimulateLenses } from '../../../server/src/languageservice/simulateLenses';
import { serviceFor } from '../../../server/src/languageservice/languages';

const LAB = resolve(__dirname, '../../../examples/lab');
const read = (name: string) => readFileSync(`${LAB}/${name}`, 'utf8');
const uri = (name: string) => pathToFileURL(`${LAB}/${name}`).href;
const workspace = { readText: (u: string) => { try { return readFileSync(new URL(u), 'utf8'); } catch { return undefined; } } };
const lineOf = (text: string, re: RegExp) => text.split('\n').findIndex((l) => re.test(l));

describe('simulate lenses', () => {
  it("puts one on each of the lab's three smtpd services", () => {
    const text = read('master.cf');
    const lenses = masterCfSimulateLenses(TextDocument.create(uri('master.cf'), 'postfix-master', 1, text), { locale: 'en' });
    assert.deepEqual(
      lenses.map((l) => [l.range.start.line, l.command?.title, l.command?.command, (l.command?.arguments?.[0] as { service: string }).service]),
      [
        [lineOf(text, /^smtp\s+inet/), '▶ Simulate', 'mailconf.simulate', 'smtp'],
        [lineOf(text, /^urd\s+inet/), '▶ Simulate', 'mailconf.simulate', 'urd'],
        [lineOf(text, /^submission\s+inet/), '▶ Simulate', 'mailconf.simulate', 'submission'],
      ],
    );
  });

  it("puts one on each of main.cf's restriction lists, naming the services that use it", () => {
    const text = read('main.cf');
    const lenses = mainCfSimulateLenses(TextDocument.create(uri('main.cf'), 'postfix-main', 1, text), { locale: 'es', workspace });
    assert.deepEqual(
      lenses.map((l) => [l.range.start.line, l.command?.title, l.command?.arguments?.[0]]),
      [
        [lineOf(text, /^smtpd_relay_restrictions/), '▶ Simular', { uri: uri('main.cf'), list: 'smtpd_relay_restrictions', services: ['smtp', 'urd', 'submission'] }],
        // port 25 sets its own recipient list in master.cf
        [lineOf(text, /^smtpd_recipient_restrictions/), '▶ Simular', { uri: uri('main.cf'), list: 'smtpd_recipient_restrictions', services: ['urd', 'submission'] }],
      ],
    );
    // Not on a list that is not smtpd's, nor on a continuation line.
    assert.equal(lenses.some((l) => l.range.start.line === lineOf(text, /^port25_recipient_restrictions/)), false);
  });

  it('works without master.cf and on broken text', () => {
    const doc = TextDocument.create('untitled:main.cf', 'postfix-main', 1, 'smtpd_client_restrictions = {\nsmtpd_helo_restrictions=\n  smtpd_sender_restrictions = x\n');
    assert.deepEqual(mainCfSimulateLenses(doc, { locale: 'en', workspace }).map((l) => [l.range.start.line, l.command?.arguments?.[0]]), [
      [0, { uri: 'untitled:main.cf', list: 'smtpd_client_restrictions' }],
      [1, { uri: 'untitled:main.cf', list: 'smtpd_helo_restrictions' }],
    ]);
    assert.deepEqual(masterCfSimulateLenses(TextDocument.create('file:///m/master.cf', 'postfix-master', 1, 'smtp inet n - y - - smtpd -o\n\t{\n'), { locale: 'en' }).length, 1);
  });

  it('come with the test-port lenses from the master.cf language service', () => {
    const doc = TextDocument.create(uri('master.cf'), 'postfix-master', 1, read('master.cf'));
    const titles = serviceFor('postfix-master')!.codeLenses!(doc, { locale: 'en', workspace }).map((l) => l.command?.title);
    assert.equal(titles.filter((t) => t === '▶ Simulate').length, 3);
    assert.ok(titles.includes('▶ Test port 25'));
  });
});
