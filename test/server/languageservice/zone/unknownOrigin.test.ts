// A zone file that does not say its zone gets one note on how to say it, not errors about ".".
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { zoneService as svc } from '../../../../server/src/languageservice/zone';
import { ctx, zoneDoc } from './helpers';

const untitled = (text: string) => TextDocument.create('untitled:Untitled-1', 'dns-zone', 1, text);
const codes = (doc: TextDocument, locale: 'en' | 'es' = 'en') => svc.diagnostics(doc, { ...ctx, locale });

describe('zone files whose zone is unknown', () => {
  it('a new empty zone file gets one note on how to give the zone, and no error about the zone "."', () => {
    const ds = codes(untitled(''));
    assert.deepEqual(ds.map((d) => [d.code, d.severity]), [['no-origin', 3]]);
    assert.match(String(ds[0].message), /\$ORIGIN mail1\.org\./);
    assert.match(String(ds[0].message), /mailconf\.zone\.origins/);
    assert.doesNotMatch(String(ds[0].message), /zone \./);
  });

  it('keeps the findings that do not depend on the zone', () => {
    assert.deepEqual(codes(untitled('@ IN A 192.0.2.1\n')).map((d) => d.code), ['no-origin', 'no-ttl']);
  });

  it('underlines the first line without its break, whichever break ends it', () => {
    for (const text of ['; first\n@ IN A 192.0.2.1\n', '; first\r\n@ IN A 192.0.2.1\r\n', '; first\r', '; first']) {
      const [note] = codes(untitled(text));
      assert.deepEqual(note.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 7 } }, JSON.stringify(text));
    }
  });

  it('says it in Spanish', () => {
    assert.match(String(codes(untitled(''), 'es')[0].message), /^¿De qué zona es esto\?/);
  });

  it('checks the apex as before once $ORIGIN or the file name gives the zone', () => {
    assert.deepEqual(codes(untitled('$ORIGIN mail1.org.\n')).map((d) => d.code), ['no-soa', 'no-ns']);
    assert.deepEqual(codes(zoneDoc('', 'mail1.org.zone')).map((d) => d.code), ['no-soa', 'no-ns']);
  });
});
