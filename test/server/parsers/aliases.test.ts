import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseAliases } from '../../../server/src/parsers/aliases';

describe('aliases parser', () => {
  it('reads the lesson entries with exact ranges', () => {
    const tree = parseAliases('# lab\npostmaster:    root\nroot:    usuario\n');
    assert.deepEqual(tree.entries.map((e) => [e.name, e.targets.map((t) => t.local)]), [['postmaster', ['root']], ['root', ['usuario']]]);
    assert.deepEqual(tree.entries[1].targets[0].range, { start: { line: 2, character: 9 }, end: { line: 2, character: 16 } });
    assert.deepEqual(tree.entries[0].nameRange, { start: { line: 1, character: 0 }, end: { line: 1, character: 10 } });
    assert.equal(tree.comments.length, 1);
    assert.deepEqual(tree.errors, []);
  });

  it('classifies includes, pipes, files and addresses, and keeps quoted commas in one target', () => {
    const tree = parseAliases('list: :include:/etc/mail/list, "|/usr/bin/prog -a, b", /var/log/copy, pepe@mail2.org, \\root\n');
    const targets = tree.entries[0].targets;
    assert.deepEqual(targets.map((t) => t.kind), ['include', 'pipe', 'file', 'address', 'local']);
    assert.equal(targets[1].text, '"|/usr/bin/prog -a, b"');
    assert.equal(targets[4].local, 'root');
  });

  it('joins continuation lines and ranges a target on its own line', () => {
    const tree = parseAliases('staff: ana,\n  luis,\n\tmarta\nnext: root\n');
    assert.deepEqual(tree.entries[0].targets.map((t) => t.text), ['ana', 'luis', 'marta']);
    assert.deepEqual(tree.entries[0].targets[2].range, { start: { line: 3 - 1, character: 1 }, end: { line: 2, character: 6 } });
    assert.equal(tree.entries[1].name, 'next');
  });

  it('reports a missing colon, an empty target list, a stray continuation and an unclosed quote', () => {
    const tree = parseAliases('  orphan\nnocolon root\nempty:\nq: "|prog\nbad: a,,b\ninc: :include:\n');
    assert.deepEqual(tree.errors.map((e) => [e.code, e.range.start.line]), [
      ['leading-continuation', 0],
      ['missing-colon', 1],
      ['no-targets', 2],
      ['unclosed-quote', 3],
      ['empty-target', 4],
      ['include-without-file', 5],
    ]);
  });

  it('never throws and keeps ranges inside the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ':', ',', '"', ' ', '\n', '\r', '#', '|', '/', '\\', 'é') }), (text) => {
        const tree = parseAliases(text);
        const lines = text.split(/\r\n|\r|\n/);
        for (const e of tree.entries)
          for (const t of e.targets) {
            assert.ok(t.range.end.line < lines.length);
            assert.ok(t.range.end.character <= lines[t.range.end.line].length);
          }
      }),
    );
  });
});
