// main.cf completion, hover, quick fixes, outline, folding, definition and formatting.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { mainCfService as s } from '../../../../server/src/languageservice/maincf';
import { MASTER_URI, pair } from './helpers';

const at = (line: number, character: number) => ({ line, character });
const labels = (main: string, line: number, ch: number, master?: string) => {
  const p = pair(main, master);
  return s.completion!(p.mainDoc, at(line, ch), p.ctx).map((i) => i.label);
};
const hoverText = (main: string, line: number, ch: number, master?: string) => {
  const p = pair(main, master);
  const h = s.hover!(p.mainDoc, at(line, ch), p.ctx);
  return h ? (h.contents as { value: string }).value : '';
};

describe('main.cf features', () => {
  describe('completion', () => {
    it('parameter names with the default as detail', () => {
      const p = pair('smtpd_tls_wr');
      const item = s.completion!(p.mainDoc, at(0, 12), p.ctx).find((i) => i.label === 'smtpd_tls_wrappermode');
      assert.equal(item?.detail, 'default: no');
    });
    it('values by type: booleans, enums, time units', () => {
      assert.deepEqual(labels('biff = ', 0, 7), ['yes', 'no']);
      assert.ok(labels('smtpd_tls_security_level = ', 0, 27).includes('encrypt'));
      assert.ok(labels('maximal_queue_lifetime = 5', 0, 26).includes('5d'));
    });
    it('restriction names valid for the list, and map types after a table restriction', () => {
      const etrn = labels('smtpd_etrn_restrictions = ', 0, 26);
      assert.ok(etrn.includes('check_etrn_access'));
      assert.ok(!etrn.includes('reject_unknown_sender_domain'));
      const cont = labels('smtpd_recipient_restrictions = permit_mynetworks,\n    ', 1, 4);
      assert.ok(cont.includes('reject_unauth_destination'));
      assert.ok(labels('smtpd_recipient_restrictions = check_recipient_access ', 0, 54).includes('hash:'));
    });
    it('lookup table types and $references', () => {
      const maps = labels('alias_maps = ', 0, 13);
      assert.ok(maps.includes('hash:') && maps.includes('lmdb:'));
      assert.ok(labels('mine = 1\nmydestination = $my', 1, 19).includes('mine'));
    });
  });

  describe('hover', () => {
    it('a parameter: summary, default, link', () => {
      assert.match(hoverText('myhostname = a.example\n', 0, 2), /postconf\.5\.html#myhostname/);
    });
    it('a $reference: its value, expanded like postconf -x, and where it is defined', () => {
      const text = hoverText('mydomain = example.org\nmyhostname = mx.$mydomain\nmyorigin = $myhostname\n', 2, 13);
      assert.match(text, /Value: `mx\.\$mydomain`/);
      assert.match(text, /Expanded \(postconf -x\): `mx\.example\.org`/);
      assert.match(text, /main\.cf, line 2/);
    });
    it('restriction and map type names', () => {
      assert.match(hoverText('smtpd_relay_restrictions = permit_mynetworks, reject_unauth_destination\n', 0, 50), /\*\*reject_unauth_destination\*\*/);
      assert.match(hoverText('alias_maps = hash:/etc/aliases\n', 0, 14), /Berkeley DB/);
    });
  });

  describe('quick fixes', () => {
    it('did you mean, for an unknown parameter', () => {
      const p = pair('myhostnme = a\n');
      const ds = s.diagnostics(p.mainDoc, p.ctx);
      const [a] = s.codeActions!(p.mainDoc, ds[0].range, ds, p.ctx);
      assert.equal(a.title, "Change to 'myhostname'");
      assert.equal(TextDocument.applyEdits(p.mainDoc, a.edit!.changes![p.mainDoc.uri]), 'myhostname = a\n');
    });
    it('the replacement of a deprecated parameter', () => {
      const p = pair('biff = no\nsmtp_use_tls = yes\n');
      const ds = s.diagnostics(p.mainDoc, p.ctx);
      const [a] = s.codeActions!(p.mainDoc, ds[0].range, ds, p.ctx);
      assert.equal(TextDocument.applyEdits(p.mainDoc, a.edit!.changes![p.mainDoc.uri]), 'biff = no\nsmtp_tls_security_level = may\n');
    });
  });

  it('outline and folding of continued values', () => {
    const p = pair('biff = no\nmydestination = a,\n    b,\n    c\n');
    assert.deepEqual(s.documentSymbols!(p.mainDoc).map((x) => x.name), ['biff', 'mydestination']);
    assert.deepEqual(s.foldingRanges!(p.mainDoc), [{ startLine: 1, endLine: 3 }]);
  });

  it('goes to the definition of a $reference, in main.cf or in master.cf', () => {
    const p = pair('strict = reject\nsmtpd_recipient_restrictions = $strict\n');
    const [loc] = s.definition!(p.mainDoc, at(1, 33), p.ctx);
    assert.deepEqual(loc.range.start, at(0, 0));
    assert.notEqual(loc.uri, MASTER_URI);
  });

  it('formats name = value and keeps continuation lines', () => {
    const p = pair('biff=no\nmydestination   =a,\n        b\nrelayhost =\n');
    assert.equal(TextDocument.applyEdits(p.mainDoc, s.format!(p.mainDoc, { tabSize: 4, insertSpaces: true })), 'biff = no\nmydestination = a,\n        b\nrelayhost =\n');
  });
});
