// Inputs the fuzzer found on which the zone formatter lost text, minimised.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { zoneService } from '../../../../server/src/languageservice/zone';

function format(text: string): string {
  const doc = TextDocument.create('file:///r.zone', 'dns-zone', 1, text);
  return TextDocument.applyEdits(doc, zoneService.format!(doc, { tabSize: 4, insertSpaces: true }));
}

const chars = (t: string) => [...t.replace(/\s+/g, '').toUpperCase()].sort().join('');

describe('zone formatter regressions', () => {
  for (const input of [')_ MX 10 \n', 'md IN M(D \\# 0\n', 'sel._domainkey  IN  TXT   ( "v=DKIM1; k=rsa; "\n', '"v=spf1 -all"a)$ORIGIN \n']) {
    it(`keeps every character of ${JSON.stringify(input)}`, () => {
      assert.equal(chars(format(input)), chars(input));
    });
  }

  it('still aligns ordinary records', () => {
    assert.equal(format('a IN A 192.0.2.1\nlonger IN A 192.0.2.2\n'), 'a       IN  A  192.0.2.1\nlonger  IN  A  192.0.2.2\n');
  });
});
