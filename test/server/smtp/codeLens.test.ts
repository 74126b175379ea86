// Which master.cf lines get a "▶ Test port N" lens, and with which port and profile.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { masterCfCodeLenses, smtpServices } from '../../../server/src/smtp/codeLens';
import { masterCf } from '../../support/lab/config';
import { labPorts } from '../../support/lab/config';

const LESSON = readFileSync(resolve(__dirname, '../../grammars/postfix-master/lab.master.cf'), 'utf8');

describe('master.cf SMTP port lenses', () => {
  it("finds the lesson's smtp, urd and submission services with their ports and profiles", () => {
    const found = smtpServices(LESSON).map((t) => [t.port, t.profile, t.tls]);
    assert.deepEqual(found, [
      [25, 'mx', 'starttls'],
      [465, 'smtps', 'implicit'],
      [587, 'submission', 'starttls'],
    ]);
  });

  it('titles the lens "▶ Test port N" on the service line and passes the test to run', () => {
    const doc = TextDocument.create('file:///etc/postfix/master.cf', 'postfix-master', 1, LESSON);
    const lenses = masterCfCodeLenses(doc);
    assert.equal(lenses.length, 3);
    const line = LESSON.split('\n').findIndex((l) => l.startsWith('submission'));
    const lens = lenses.find((l) => l.range.start.line === line)!;
    assert.equal(lens.command?.title, '▶ Test port 587');
    assert.equal(lens.command?.command, 'mailconf.smtp.testPort');
    assert.deepEqual(lens.command?.arguments, [{ port: 587, profile: 'submission', tls: 'starttls', address: undefined, line, uri: doc.uri }]);
  });

  it('titles the lens in Spanish with docsLanguage es', () => {
    const doc = TextDocument.create('file:///etc/postfix/master.cf', 'postfix-master', 1, LESSON);
    assert.deepEqual(masterCfCodeLenses(doc, { locale: 'es' }).map((l) => l.command?.title), ['▶ Probar el puerto 25', '▶ Probar el puerto 465', '▶ Probar el puerto 587']);
  });

  it('reads numeric inet ports with an address and guesses the profile from the -o options', () => {
    const ports = labPorts(20000);
    const text = masterCf({ dir: '/l', etc: '/l/etc', spool: '/l/spool', data: '/l/data', log: '/l/log', tls: '/l/tls', dovecotConf: '', users: '' }, ports);
    const byPort = new Map(smtpServices(text).map((t) => [t.port, t]));
    assert.equal(byPort.size, 8);
    assert.equal(byPort.get(ports.smtp)?.profile, 'mx');
    assert.equal(byPort.get(ports.submission)?.profile, 'submission');
    assert.equal(byPort.get(ports.smtps)?.profile, 'smtps');
    assert.equal(byPort.get(ports.smtps)?.tls, 'implicit');
    assert.equal(byPort.get(ports.smtps)?.address, '127.0.0.1');
  });

  it('ignores comments, unix services, continuation lines and impossible ports', () => {
    const text = '#smtp inet n - y - - smtpd\npickup unix n - y 60 1 pickup\n  -o smtp=inet\n99999 inet n - n - - smtpd\nsmtp\n\n';
    assert.deepEqual(smtpServices(text), []);
  });
});
