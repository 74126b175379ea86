import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { saslauthdService } from '../../../../server/src/languageservice/saslauthd';
import type { ServiceContext } from '../../../../server/src/languageservice/service';

const ctx = (locale: 'en' | 'es' = 'en'): ServiceContext => ({ locale, workspace: { readText: () => undefined } });
const doc = (text: string) => TextDocument.create('file:///lab/default/saslauthd', 'saslauthd', 1, text);
const codes = (text: string) => saslauthdService.diagnostics(doc(text), ctx()).map((d) => [d.code, d.range.start.line, d.range.start.character]);

const LESSON = 'START=yes\nDESC="SASL Authentication Daemon"\nNAME="saslauthd"\nMECHANISMS="pam"\nMECH_OPTIONS=""\nTHREADS=5\nOPTIONS="-c -m /var/spool/postfix/var/run/saslauthd"\n';

describe('/etc/default/saslauthd language service', () => {
  it("accepts the lesson's file", () => {
    assert.deepEqual(codes(LESSON), []);
  });

  it('warns that saslauthd does not start without START=yes', () => {
    assert.deepEqual(codes(LESSON.replace('START=yes', 'START=no')), [['saslauthd/not-started', 0, 6]]);
    assert.deepEqual(codes(LESSON.replace('START=yes\n', '')), [['saslauthd/not-started', 0, 0]]);
  });

  it('reads OPTIONS like the init script and saslauthd do', () => {
    assert.deepEqual(codes('START=yes\nOPTIONS="-c"\n'), [['saslauthd/no-socket-dir', 1, 8]]);
    assert.deepEqual(codes('START=yes\nOPTIONS="-c -d -m run/x -q"\n'), [
      ['saslauthd/unknown-flag', 1, 24],
      ['saslauthd/debug-flag', 1, 12],
      ['saslauthd/relative-dir', 1, 18],
    ]);
    assert.deepEqual(codes('START=yes\nMECHANISMS="pan"\nOPTIONS="-m /run/x -a pam"\n'), [
      ['saslauthd/unknown-mechanism', 1, 11],
      ['saslauthd/mechanism-twice', 2, 19],
    ]);
  });

  it('hovers flags inside OPTIONS and completes variables, in both languages', () => {
    const hover = saslauthdService.hover!(doc(LESSON), { line: 6, character: 13 }, ctx('es'));
    assert.match(JSON.stringify(hover), /\*\*-m\*\*.*enjaulado/);
    const names = saslauthdService.completion!(doc('ST'), { line: 0, character: 2 }, ctx()).map((c) => c.label);
    assert.ok(names.includes('START') && names.includes('OPTIONS'));
    const flags = saslauthdService.completion!(doc('OPTIONS="-c -'), { line: 0, character: 13 }, ctx('es'));
    assert.ok(flags.some((c) => c.label === '-m' && /socket/.test(String(c.documentation))));
    assert.deepEqual(saslauthdService.completion!(doc('OPTIONS="-c x'), { line: 0, character: 13 }, ctx()), []);
  });
});
