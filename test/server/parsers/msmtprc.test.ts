import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseMsmtprc } from '../../../server/src/parsers/msmtprc';

const LESSON = `# Valores comunes
defaults
   tls on
   tls_certcheck off
   from usuario@mail1.org

account vm25
   auth plain
   tls_starttls on

account default: vm25
`;

describe('msmtprc parser', () => {
  it('groups commands under defaults and accounts', () => {
    const tree = parseMsmtprc(LESSON);
    assert.deepEqual(tree.sections.map((s) => [s.kind, s.name, s.commands.map((c) => c.keyword)]), [
      ['defaults', '', ['tls', 'tls_certcheck', 'from']],
      ['account', 'vm25', ['auth', 'tls_starttls']],
      ['account', 'default', []],
    ]);
    assert.deepEqual(tree.sections[2].parents, [{ name: 'vm25', range: { start: { line: 10, character: 17 }, end: { line: 10, character: 21 } } }]);
    assert.deepEqual(tree.sections[0].commands[1].argumentRange, { start: { line: 3, character: 17 }, end: { line: 3, character: 20 } });
  });

  it('reads several parents, a quoted argument, and an account without name', () => {
    const tree = parseMsmtprc('account a : b, c\n  password "x y"\naccount\n');
    assert.deepEqual(tree.sections[0].parents.map((p) => p.name), ['b', 'c']);
    assert.equal(tree.sections[0].commands[0].argument, 'x y');
    assert.deepEqual(tree.errors.map((e) => e.code), ['account-without-name']);
  });

  it('keeps commands written before any section in a preamble', () => {
    assert.equal(parseMsmtprc('host x\n').sections[0].kind, 'preamble');
  });

  it('never throws', () => {
    fc.assert(fc.property(fc.string({ unit: fc.constantFrom('account', ':', ',', ' ', '\n', '"', '#', 'x') }), (text) => void parseMsmtprc(text)));
  });
});
