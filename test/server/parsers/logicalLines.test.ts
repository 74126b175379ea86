// Logical lines handed over one by one: the same lines, in the same order, as the whole list, with
// comments and orphaned continuations kept apart.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { eachLogicalLine, isAlnum, LogicalLine, readLogicalLines } from '../../../server/src/parsers/logicalLines';

const TEXT = '  orphan = 1\n# comment\na = 1\n  continued\n\n# between\n    more\nb=2\r\n \t\nc =\n';

describe('logical lines, one by one', () => {
  it('visits each complete logical line in order, never a comment or an orphan', () => {
    const visited: LogicalLine[] = [];
    const rest = eachLogicalLine(TEXT, (l) => visited.push(l));
    const whole = readLogicalLines(TEXT);
    assert.deepEqual(visited, whole.lines);
    assert.deepEqual(
      visited.map((l) => [l.text, l.pieces.map((p) => p.line)]),
      [
        ['a = 1  continued    more', [2, 3, 6]],
        ['b=2\r', [7]],
        ['c =', [9]],
      ],
    );
    assert.deepEqual(rest, { comments: whole.comments, orphans: whole.orphans });
    assert.deepEqual(rest.orphans.map((o) => o.text), ['  orphan = 1']);
    assert.deepEqual(rest.comments.map((c) => c.text), ['# comment', '# between']);
  });
});

describe("Postfix's character classes", () => {
  it('takes one ASCII letter or digit as ISALNUM, nothing else', () => {
    assert.deepEqual(['a', 'z', 'A', 'Z', '0', '9'].map(isAlnum), [true, true, true, true, true, true]);
    assert.deepEqual(['_', '-', ' ', 'é', 'ñ', '٣', 'ab', '', undefined].map(isAlnum), [false, false, false, false, false, false, false, false, false]);
  });
});
