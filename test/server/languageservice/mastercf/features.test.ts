// master.cf completion, hover, outline, definition across files and formatting.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { masterCfService as s } from '../../../../server/src/languageservice/mastercf';
import { MAIN_URI, pair } from '../maincf/helpers';

const at = (line: number, character: number) => ({ line, character });
const labels = (master: string, line: number, ch: number, main = '') => {
  const p = pair(main, master);
  return s.completion!(p.masterDoc, at(line, ch), p.ctx).map((i) => i.label);
};

describe('master.cf features', () => {
  it('completes each column', () => {
    assert.ok(labels('', 0, 0).includes('submission (587)'));
    assert.deepEqual(labels('smtp ', 0, 5), ['inet', 'unix', 'unix-dgram', 'fifo', 'pass']);
    assert.deepEqual(labels('smtp inet ', 0, 10), ['n', 'y', '-']);
    assert.ok(labels('smtp inet n - y - - ', 0, 20).includes('smtpd'));
  });
  it('completes -o parameter names and their values', () => {
    assert.ok(labels('smtp inet n - y - - smtpd\n  -o ', 1, 5).includes('smtpd_sasl_auth_enable'));
    assert.deepEqual(labels('smtp inet n - y - - smtpd\n  -o smtpd_sasl_auth_enable=', 1, 28), ['yes', 'no']);
  });
  it('gives the port of a service name on hover, as the code lens knows it', () => {
    const master = 'smtp inet n - y - - smtpd\nurd inet n - y - - smtpd\nsubmission inet n - y - - smtpd\nsmtps inet n - y - - smtpd\n127.0.0.1:2525 inet n - y - - smtpd\n';
    const hover = (line: number, locale: 'en' | 'es' = 'en') => {
      const p = pair('', master, locale);
      return ((s.hover!(p.masterDoc, at(line, 1), p.ctx)?.contents as { value: string }) ?? { value: '' }).value;
    };
    assert.match(hover(1), /`urd` is TCP port 465/);
    assert.match(hover(2), /`submission` is TCP port 587/);
    assert.match(hover(3), /`smtps` is TCP port 465/);
    assert.match(hover(0), /`smtp` is TCP port 25/);
    assert.match(hover(1, 'es'), /`urd` es el puerto TCP 465/);
    assert.doesNotMatch(hover(4), /is TCP port/, 'a port written as a number needs no saying');
  });

  it('explains each column and -o settings on hover', () => {
    const p = pair('', 'smtp inet n - y 60 - smtpd\n  -o smtpd_tls_wrappermode=yes\n');
    const text = (l: number, c: number) => ((s.hover!(p.masterDoc, at(l, c), p.ctx)?.contents as { value: string }) ?? { value: '' }).value;
    assert.match(text(0, 10), /private/i);
    assert.match(text(0, 16), /Wakeup/);
    assert.match(text(0, 22), /SMTP server/);
    assert.match(text(1, 8), /postconf\.5\.html#smtpd_tls_wrappermode/);
  });
  it('lists services in the outline', () => {
    const p = pair('', 'smtp inet n - y - - smtpd\n  -o smtpd_sasl_auth_enable=no\npickup unix n - y 60 1 pickup\n');
    const symbols = s.documentSymbols!(p.masterDoc);
    assert.deepEqual(symbols.map((x) => x.name), ['smtp/inet', 'pickup/unix']);
    assert.equal(symbols[0].children?.[0].name, 'smtpd_sasl_auth_enable');
  });
  it('goes from a -o $reference to its main.cf line', () => {
    const p = pair('biff = no\nport25 = reject\n', 'smtp inet n - y - - smtpd\n  -o smtpd_recipient_restrictions=$port25\n');
    const [loc] = s.definition!(p.masterDoc, at(1, 36), p.ctx);
    assert.equal(loc.uri, MAIN_URI);
    assert.equal(loc.range.start.line, 1);
  });
  it('formats like postconf -Mf', () => {
    const p = pair('', 'smtp inet n - y - - smtpd\n   -o smtpd_sasl_auth_enable=no\n');
    const out = TextDocument.applyEdits(p.masterDoc, s.format!(p.masterDoc, { tabSize: 4, insertSpaces: true }));
    assert.equal(out, 'smtp       inet  n       -       y       -       -       smtpd\n    -o smtpd_sasl_auth_enable=no\n');
  });
});
