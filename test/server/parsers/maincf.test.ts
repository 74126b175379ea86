import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseMainCf } from '../../../server/src/parsers/maincf';

describe('main.cf parser', () => {
  it('joins continuation lines and keeps exact ranges', () => {
    const tree = parseMainCf('# c\nsmtpd_recipient_restrictions = permit_mynetworks,\n    reject\nbiff=no\n');
    assert.equal(tree.entries.length, 2);
    const [r, b] = tree.entries;
    assert.equal(r.value, 'permit_mynetworks, reject');
    assert.deepEqual(r.valueRange, { start: { line: 1, character: 31 }, end: { line: 2, character: 10 } });
    assert.equal(b.name, 'biff');
    assert.equal(b.value, 'no');
    assert.deepEqual(b.nameRange, { start: { line: 3, character: 0 }, end: { line: 3, character: 4 } });
    assert.equal(tree.comments.length, 1);
  });

  it('keeps a # inside a value literal', () => {
    assert.equal(parseMainCf('smtpd_banner = a # b').entries[0].value, 'a # b');
  });

  it('reports a line without = and a continuation at the start of the file', () => {
    const tree = parseMainCf('  indented = 1\nfoo\n');
    assert.deepEqual(
      tree.errors.map((e) => [e.code, e.range.start.line]),
      [
        ['leading-continuation', 0],
        ['missing-equals', 1],
      ],
    );
  });
});
