// Quick fixes for the lesson's zone: an alias of itself gets the zone's hosts with addresses.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { zoneService as svc } from '../../../../server/src/languageservice/zone';
import { ctx, zoneDoc } from './helpers';

const LAB = readFileSync(resolve(__dirname, '../../../../examples/lab/mail1.org.zone'), 'utf8');

describe('zone quick fix for an alias of itself', () => {
  const loopFixes = (text: string, locale: 'en' | 'es' = 'en') => {
    const doc = zoneDoc(text, 'mail1.org.zone');
    const diags = svc.diagnostics(doc, ctx).filter((d) => d.code === 'cname-loop');
    assert.equal(diags.length, 1, 'one CNAME loop');
    return { doc, actions: svc.codeActions!(doc, diags[0].range, diags, { ...ctx, locale }) };
  };

  it('offers the in-zone hosts that have addresses for the lesson\'s imap IN CNAME imap, mail first', () => {
    const { doc, actions } = loopFixes(LAB);
    assert.deepEqual(actions.map((a) => a.title), ['Make imap an alias of mail', 'Make imap an alias of ns']);
    assert.equal(actions[0].isPreferred, true);
    const fixed = TextDocument.applyEdits(doc, actions[0].edit!.changes![doc.uri]);
    assert.match(fixed, /^imap {4}IN {2}CNAME {2}mail$/m);
    assert.deepEqual(svc.diagnostics(zoneDoc(fixed, 'mail1.org.zone'), ctx).filter((d) => d.code === 'cname-loop'), []);
  });

  it('names hosts of any zone, never the alias itself nor names outside the zone, and says it in Spanish', () => {
    const text = [
      '$ORIGIN example.net.',
      '$TTL 1h',
      '@ IN SOA ns hostmaster 1 1h 1h 1w 1h',
      '@ IN NS ns',
      '@ IN A 192.0.2.1',
      'ns IN A 192.0.2.2',
      'www IN AAAA 2001:db8::1',
      'web IN A 192.0.2.3',
      'web IN CNAME web',
      'other.example.com. IN A 192.0.2.9',
      '',
    ].join('\n');
    const { actions } = loopFixes(text, 'es');
    assert.deepEqual(actions.map((a) => a.title), ['Hacer de web un alias de @', 'Hacer de web un alias de ns', 'Hacer de web un alias de www']);
    assert.ok(actions.every((a) => !a.isPreferred), 'no host is preferred when the zone has no mail');
  });
});
