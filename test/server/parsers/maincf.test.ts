import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
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

describe('main.cf parser, Postfix line rules', () => {
  const r = (l1: number, c1: number, l2: number, c2: number) => ({ start: { line: l1, character: c1 }, end: { line: l2, character: c2 } });

  it('keeps the raw value Postfix stores: physical lines glued with their leading blanks', () => {
    const e = parseMainCf('x = a  \n   b\t\n').entries[0];
    assert.equal(e.rawValue, 'a     b');
    assert.equal(e.value, 'a b');
    assert.deepEqual(e.valueRange, r(0, 4, 1, 4));
  });

  it('continues a value across blank lines and comment lines', () => {
    const tree = parseMainCf('mydestination = a,\n\n    b,\n# note\n\tc\nbiff = no\n');
    assert.equal(tree.entries.length, 2);
    assert.equal(tree.entries[0].rawValue, 'a,    b,\tc');
    assert.deepEqual(tree.entries[0].range, r(0, 0, 4, 2));
    assert.equal(tree.comments.length, 1);
    assert.deepEqual(tree.comments[0].range, r(3, 0, 3, 6));
  });

  it('accepts name=value without blanks and an empty value', () => {
    const [a, b] = parseMainCf('a=1\nrelayhost =\n').entries;
    assert.deepEqual([a.name, a.rawValue, b.name, b.rawValue], ['a', '1', 'relayhost', '']);
    assert.deepEqual(a.valueRange, r(0, 2, 0, 3));
    assert.deepEqual(b.valueRange, r(1, 11, 1, 11));
  });

  it('finds the = on a continuation line, like split_nameval', () => {
    const e = parseMainCf('biff\n  = no\n').entries[0];
    assert.deepEqual([e.name, e.rawValue], ['biff', 'no']);
    assert.deepEqual(e.valueRange, r(1, 4, 1, 6));
  });

  it('gives each reference its range, nested ones included', () => {
    const e = parseMainCf('x = $a ${b} $(c) ${d?{$e}:{f}} $$g\n').entries[0];
    assert.deepEqual(
      e.references.map((x) => [x.name, x.form, x.depth, x.test]),
      [
        ['a', 'plain', 0, undefined],
        ['b', 'braces', 0, undefined],
        ['c', 'parens', 0, undefined],
        ['d', 'braces', 0, '?:'],
        ['e', 'plain', 1, undefined],
      ],
    );
    const d = e.references[3];
    assert.deepEqual(d.range, r(0, 17, 0, 30));
    assert.deepEqual(d.nameRange, r(0, 19, 0, 20));
    assert.deepEqual(e.references[4].range, r(0, 22, 0, 24));
  });

  it('maps reference ranges across continuation lines', () => {
    const e = parseMainCf('x = a,\n    $mydomain\n').entries[0];
    assert.deepEqual(e.references[0].range, r(1, 4, 1, 13));
    assert.deepEqual(e.references[0].nameRange, r(1, 5, 1, 13));
  });

  it('reports a bad ${...}, an empty name and unbalanced braces with exact ranges', () => {
    const tree = parseMainCf('a = ${foo\nb = $ x\nc = { x\nd = x }\ne = ${fo-o}\n');
    assert.deepEqual(
      tree.errors.map((e) => [e.code, e.range]),
      [
        ['truncated-reference', r(0, 4, 0, 9)],
        ['empty-reference', r(1, 4, 1, 5)],
        ['unbalanced-braces', r(2, 4, 2, 5)],
        ['unbalanced-braces', r(3, 6, 3, 7)],
        ['bad-reference', r(4, 8, 4, 9)],
      ],
    );
  });

  it('reports a line starting with = and keeps an odd name Postfix would accept', () => {
    const tree = parseMainCf('= x\nfoo:bar = 1\n');
    assert.deepEqual(tree.errors.map((e) => e.code), ['missing-name', 'bad-name']);
    assert.equal(tree.entries[0].name, 'foo:bar');
  });

  it('ignores the continuation at the start of the file, and the lines that continue it', () => {
    const tree = parseMainCf('# c\n  x = 1\n  y\nbiff = no\n');
    assert.deepEqual(tree.orphans, [{ text: '  x = 1  y', line: 1 }]);
    assert.deepEqual(tree.errors[0].range, r(1, 2, 2, 3));
    assert.deepEqual(tree.entries.map((e) => e.name), ['biff']);
  });

  it('treats a CR before the newline as trailing blank', () => {
    const e = parseMainCf('biff = no\r\nx = 1\r\n').entries;
    assert.deepEqual(e.map((x) => [x.name, x.rawValue]), [['biff', 'no'], ['x', '1']]);
    assert.deepEqual(e[0].range, r(0, 0, 0, 9));
  });

  it('never throws, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', '=', ' ', '\t', '\n', '\r', '#', '$', '{', '}', '(', ')', '?', ':', 'é') }), (text) => {
        const tree = parseMainCf(text);
        for (const e of tree.entries) assert.ok(e.valueRange.start.line <= e.valueRange.end.line);
      }),
      { numRuns: 500 },
    );
  });
});
