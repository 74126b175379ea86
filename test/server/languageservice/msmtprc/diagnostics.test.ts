import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { msmtprcService } from '../../../../server/src/languageservice/msmtprc';
import type { ServiceContext } from '../../../../server/src/languageservice/service';

const ctx = (locale: 'en' | 'es' = 'en'): ServiceContext => ({ locale, workspace: { readText: () => undefined } });
const doc = (text: string) => TextDocument.create('file:///home/u/.msmtprc', 'msmtprc', 1, text);
const codes = (text: string) => msmtprcService.diagnostics(doc(text), ctx()).map((d) => [d.code, d.range.start.line]);

describe('msmtprc diagnostics', () => {
  it('accepts a correct file with certificate checking on', () => {
    assert.deepEqual(codes('defaults\n  tls on\n  tls_trust_file system\naccount vm25\n  auth plain\n  host 192.168.255.1\naccount default : vm25\n'), []);
  });

  it('warns about tls_certcheck off, on its line', () => {
    const [d] = msmtprcService.diagnostics(doc('defaults\n   tls_certcheck off\n'), ctx());
    assert.equal(d.code, 'msmtprc/tls-certcheck-off');
    assert.deepEqual(d.range, { start: { line: 1, character: 3 }, end: { line: 1, character: 20 } });
    assert.match(String(d.message), /lab/);
  });

  it('checks that account default refers to an account defined above', () => {
    assert.deepEqual(codes('account default: vm25\naccount vm25\n  auth on\n'), [['msmtprc/undefined-account', 0]]);
    assert.deepEqual(codes('account vm25\n  auth on\naccount default: vm52\n'), [['msmtprc/undefined-account', 2]]);
    assert.deepEqual(codes('account default\n'), [['msmtprc/default-account-empty', 0]]);
  });

  it('reports unknown commands with a suggestion, bad choices, missing arguments and duplicate accounts', () => {
    const ds = msmtprcService.diagnostics(doc('account a\n  tls_startls on\n  auth yes\n  host\naccount a\n'), ctx());
    assert.deepEqual(ds.map((d) => [d.code, d.range.start.line]), [
      ['msmtprc/unknown-keyword', 1],
      ['msmtprc/bad-value', 2],
      ['msmtprc/missing-argument', 3],
      ['msmtprc/duplicate-account', 4],
    ]);
    assert.match(String(ds[0].message), /Did you mean 'tls_starttls'/);
  });

  it('accepts an on/off command written alone', () => {
    assert.deepEqual(codes('defaults\n  tls\n'), []);
  });

  it('speaks Spanish and completes keywords and choices', () => {
    assert.match(String(msmtprcService.diagnostics(doc('defaults\n tls_certcheck off\n'), ctx('es'))[0].message), /laboratorio/);
    assert.ok(msmtprcService.completion!(doc('  tls_'), { line: 0, character: 6 }, ctx()).some((i) => i.label === 'tls_starttls'));
    assert.deepEqual(msmtprcService.completion!(doc('  tls_starttls '), { line: 0, character: 15 }, ctx()).map((i) => i.label), ['on', 'off']);
  });

  it('hovers a keyword in the locale', () => {
    const h = msmtprcService.hover!(doc('defaults\n  tls_starttls on\n'), { line: 1, character: 4 }, ctx('es'));
    assert.match(JSON.stringify(h?.contents), /STARTTLS tras conectar/);
  });
});

describe('msmtprc quick fixes', () => {
  it('replaces a misspelt command with the suggestion', () => {
    const d = doc('account a\n  tls_startls on\n');
    const diags = msmtprcService.diagnostics(d, ctx());
    const [fix] = msmtprcService.codeActions!(d, diags[0].range, diags, ctx());
    assert.equal(fix.edit?.changes?.[d.uri][0].newText, 'tls_starttls');
    assert.deepEqual(msmtprcService.codeActions!(d, diags[0].range, [], ctx()), []);
  });
});
