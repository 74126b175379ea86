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

  // BIND splits fields at spaces and tabs only (named-checkzone reads `SRV\v10` as type "SRV10"):
  // a vertical tab or no-break space starts the data token, and the type must stay apart from it.
  for (const [input, expected] of [
    ['ns IN A 192.0.2.7\n_sip._tcp IN SRV \v10 5 5060 ns\n', 'ns         IN  A    192.0.2.7\n_sip._tcp  IN  SRV  \v10 5 5060 ns\n'],
    [' TYPE65534 \u00a0\nsshfp IN SSHFP \\# 0\n', '           TYPE65534  \u00a0\nsshfp  IN  SSHFP      \\# 0\n'],
  ]) {
    it(`keeps the type apart from data that starts with a non-blank control or space character: ${JSON.stringify(input)}`, () => {
      const once = format(input);
      assert.equal(once, expected);
      assert.equal(format(once), once);
    });
  }

  it('still aligns ordinary records', () => {
    assert.equal(format('a IN A 192.0.2.1\nlonger IN A 192.0.2.2\n'), 'a       IN  A  192.0.2.1\nlonger  IN  A  192.0.2.2\n');
  });
});
