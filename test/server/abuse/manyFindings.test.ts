// Analyses called directly (as the CLI does, with no size cap in front of them) on a document
// with more findings than a JavaScript spread can pass: `out.push(...list)` of ~120,000 items
// overflows the stack, so a big main.cf made `mailconf check` throw instead of reporting.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { mainCfService } from '../../../server/src/languageservice/maincf';

describe('analyses with very many findings', () => {
  it('reports 150,000 unknown main.cf parameters, one diagnostic each, without overflowing the stack', () => {
    const text = Array.from({ length: 150_000 }, (_, i) => `p${i} = 1\n`).join('');
    const doc = TextDocument.create('file:///many/main.cf', 'postfix-main', 1, text);
    const found = mainCfService.diagnostics(doc, { locale: 'en', workspace: { readText: () => undefined } });
    assert.equal(found.length, 150_000);
    assert.equal(found[149_999].range.start.line, 149_999, 'in file order');
  });
});
