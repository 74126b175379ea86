import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parsePostfixMap } from '../../../server/src/parsers/postfixMap';

describe('lookup table parser', () => {
  it('splits key and value at the first whitespace, with exact ranges', () => {
    const tree = parsePostfixMap('# transport\nmail2.org   smtp:[192.168.255.129]\n');
    const [e] = tree.entries;
    assert.equal(e.key, 'mail2.org');
    assert.equal(e.value, 'smtp:[192.168.255.129]');
    assert.deepEqual(e.valueRange, { start: { line: 1, character: 12 }, end: { line: 1, character: 34 } });
    assert.equal(tree.comments.length, 1);
  });

  it('reads a regexp or pcre table: a pattern with blanks is one key, if/endif need no value', () => {
    const text = '/^Received: from \\[10\\./   IGNORE\n!/^From: a\\/b /i REJECT no\nif /^Subject: /\n/x y/ WARN\nendif\n';
    const tree = parsePostfixMap(text);
    assert.deepEqual(tree.errors, []);
    assert.deepEqual(tree.entries.map((e) => [e.key, e.value, !!e.pattern]), [
      ['/^Received: from \\[10\\./', 'IGNORE', true],
      ['!/^From: a\\/b /i', 'REJECT no', true],
      ['if /^Subject: /', '', true],
      ['/x y/', 'WARN', true],
      ['endif', '', true],
    ]);
    assert.deepEqual(tree.entries[1].valueRange, { start: { line: 1, character: 17 }, end: { line: 1, character: 26 } });
    assert.equal(parsePostfixMap('/unclosed REJECT\n').entries[0].key, '/unclosed');
  });

  it('joins continuation lines into the value', () => {
    const tree = parsePostfixMap('list@mail1.org ana@mail1.org,\n    luis@mail1.org\n');
    assert.equal(tree.entries[0].value, 'ana@mail1.org, luis@mail1.org');
    assert.deepEqual(tree.entries[0].valueRange.end, { line: 1, character: 18 });
  });

  it('reports a key without value and a continuation without entry', () => {
    const tree = parsePostfixMap('  stray value\nlonely\nok value\n');
    assert.deepEqual(tree.errors.map((e) => [e.code, e.range.start.line]), [['leading-continuation', 0], ['missing-value', 1]]);
  });

  it('accepts a value that only arrives on a continuation line', () => {
    const tree = parsePostfixMap('key\n  value\n');
    assert.deepEqual(tree.errors, []);
    assert.equal(tree.entries[0].value, 'value');
  });

  it('never throws', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('k', ' ', '\t', '\n', '#', '\r') }), (text) => void parsePostfixMap(text)));
  });
});
