import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { postfixMapService } from '../../../../server/src/languageservice/postfixMap';
import { isAccessMap } from '../../../../server/src/languageservice/postfixMap/access';
import type { ServiceContext } from '../../../../server/src/languageservice/service';
import { requirePeer } from '../../../support/peers';

const ctx = (locale: 'en' | 'es' = 'en'): ServiceContext => ({ locale, workspace: { readText: () => undefined } });
const doc = (name: string, text: string) => TextDocument.create(`file:///etc/postfix/${name}`, 'postfix-map', 1, text);
const codes = (name: string, text: string) => postfixMapService.diagnostics(doc(name, text), ctx()).map((d) => [d.code, d.range.start.line, d.range.start.character]);

describe('lookup table diagnostics', () => {
  it('recognises access maps by file name', () => {
    for (const n of ['access', 'sender_access', 'client_access', 'recipient_access', 'helo_access', 'smtpd-access']) assert.ok(isAccessMap(`file:///x/${n}`), n);
    for (const n of ['transport', 'virtual', 'sender_canonical', 'access.db', 'accessories']) assert.ok(!isAccessMap(`file:///x/${n}`), n);
  });

  it('reads pcre and regexp tables in order: no duplicate-key warning between patterns, actions still checked', () => {
    const checks = '/^Received: from \\[192\\.168\\./ IGNORE\n/^Received: from \\[10\\./ IGNORE\n';
    assert.deepEqual(codes('header_checks', checks), []);
    assert.deepEqual(codes('sender_access', '/^spam@/ REJCET\nif /@example\\.org$/\n/^a@/ OK\nendif\n').map(([c]) => c), ['map/unknown-access-action']);
    assert.deepEqual(codes('transport', 'a.example smtp:x\nA.example smtp:y\n').map(([c]) => c), ['map/duplicate-key']);
  });

  it('accepts valid access actions, reply codes with text and lower-case restrictions', () => {
    const text = ['spam.example REJECT no thanks', '192.168.255 OK', 'friend@x ok', '10.0.0.1 550 5.7.1 go away', 'a@b permit_mynetworks', 'c@d REDIRECT e@f', 'g DUNNO'].join('\n');
    assert.deepEqual(codes('sender_access', text), []);
  });

  it('warns about an unknown upper-case action with a suggestion, at the action word', () => {
    const [d] = postfixMapService.diagnostics(doc('client_access', '192.168.1.10   REJCET\n1.2.3.4 PERMIT\n'), ctx());
    assert.equal(d.code, 'map/unknown-access-action');
    assert.deepEqual(d.range, { start: { line: 0, character: 15 }, end: { line: 0, character: 21 } });
    assert.match(String(d.message), /Did you mean 'REJECT'/);
    assert.deepEqual(codes('client_access', '1.2.3.4 PERMIT\nx RELAY\n').map((c) => c[0]), ['map/unknown-access-action', 'map/unknown-access-action']);
  });

  it('does not check actions outside access maps', () => {
    assert.deepEqual(codes('transport', 'mail2.org RELAY\n'), []);
  });

  it('warns when a bare reply code would be read as OK, and when REDIRECT has no address', () => {
    assert.deepEqual(codes('access', 'a 550\nb REDIRECT\n'), [['map/numeric-is-ok', 0, 2], ['map/action-needs-argument', 1, 2]]);
  });

  it('reports duplicate keys case-insensitively and a key without value', () => {
    assert.deepEqual(codes('virtual', 'Ana@mail1.org ana\nana@mail1.org luis\nlonely\n'), [['map/missing-value', 2, 0], ['map/duplicate-key', 1, 0]]);
  });

  it("warns about a key in the aliases format, as postmap does, and offers to drop the ':'", { skip: requirePeer('postmap', ['postfix']) }, () => {
    const text = 'abuse: postmaster\n/^x:/ y\npostmaster root\n';
    const ds = postfixMapService.diagnostics(doc('virtual', text), ctx());
    assert.deepEqual(ds.map((d) => [d.code, d.range.start.line]), [['map/alias-format', 0]]);
    const fix = postfixMapService.codeActions!(doc('virtual', text), ds[0].range, ds, ctx());
    assert.equal(fix[0].edit!.changes![doc('virtual', '').uri][0].newText, 'abuse');
    // postmap says the same of the same line.
    const dir = mkdtempSync(join(tmpdir(), 'map-alias-'));
    try {
      writeFileSync(join(dir, 'main.cf'), '');
      writeFileSync(join(dir, 'virtual'), text);
      const r = spawnSync('postmap', ['-c', dir, `hash:${join(dir, 'virtual')}`], { encoding: 'utf8' });
      assert.match(r.stderr, /line 1: record is in "key: value" format/);
      assert.doesNotMatch(r.stderr, /line [23]:/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('localises the messages', () => {
    const [d] = postfixMapService.diagnostics(doc('access', 'x PERMIT\n'), ctx('es'));
    assert.match(String(d.message), /no es una acción de access\(5\)/);
  });

  it('completes actions after the key in access maps only', () => {
    const items = postfixMapService.completion!(doc('access', 'x '), { line: 0, character: 2 }, ctx());
    assert.ok(items.some((i) => i.label === 'REJECT'));
    assert.deepEqual(postfixMapService.completion!(doc('transport', 'x '), { line: 0, character: 2 }, ctx()), []);
  });
});

describe('lookup table hover and fixes', () => {
  it('explains an access action in the locale, only on the action word', () => {
    const d = doc('access', 'x@y REDIRECT a@b\n');
    assert.match(JSON.stringify(postfixMapService.hover!(d, { line: 0, character: 6 }, ctx('es'))?.contents), /Enviar el mensaje a esta dirección/);
    assert.equal(postfixMapService.hover!(d, { line: 0, character: 14 }, ctx()), null);
    assert.equal(postfixMapService.hover!(doc('transport', 'x REJECT\n'), { line: 0, character: 3 }, ctx()), null);
  });

  it('offers the suggested action as a quick fix', () => {
    const d = doc('access', 'x REJCET\n');
    const diags = postfixMapService.diagnostics(d, ctx());
    const [fix] = postfixMapService.codeActions!(d, diags[0].range, diags, ctx());
    assert.deepEqual(fix.edit?.changes?.[d.uri], [{ range: diags[0].range, newText: 'REJECT' }]);
  });
});
