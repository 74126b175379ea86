import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { macExpand } from '../../../../server/src/postfix/postconf/macExpand';

const vars: Record<string, string> = { a: 'A', empty: '', nested: '$a-$a', level: '3.6', loop: '$loop' };
const expand = (v: string) => {
  const warnings: string[] = [];
  const r = macExpand(v, (n) => vars[n], { warn: (w) => warnings.push(w) });
  return { ...r, warnings };
};

describe('macExpand (Postfix $name expansion)', () => {
  it('expands $name, ${name}, $(name) recursively and $$ to $', () => {
    assert.equal(expand('$a ${a} $(a) $nested $$a').text, 'A A A A-A $a');
  });

  it('takes the branches of ${name?..} and ${name:..} by emptiness', () => {
    assert.equal(expand('${a?yes}|${empty?yes}|${a:no}|${empty:no}|${unset:no}').text, 'yes|||no|no');
    assert.equal(expand('${a?{x $a}:{y}} ${empty?{x}:{y $a}}').text, 'x A y A');
  });

  it('compares with ==, != and numbers, and compatibility levels with <level', () => {
    assert.equal(expand('${{$a} == {A} ? {eq} : {ne}}').text, 'eq');
    assert.equal(expand('${{10} > {9} ? {num} : {str}}').text, 'num');
    assert.equal(expand('${{$level} <level {3.10} ? {older} : {newer}}').text, 'older');
  });

  it('marks an undefined name without failing', () => {
    const r = expand('x$nosuch');
    assert.deepEqual([r.text, r.undefined, r.error], ['x', true, false]);
  });

  it('reports syntax errors with postconf\'s words', () => {
    assert.deepEqual(expand('${a').warnings, ['truncated macro reference: "${a"']);
    assert.deepEqual(expand('$ x').warnings, ['empty macro name: "$ x"']);
    assert.deepEqual(expand('${a-b}').warnings, ['attribute name syntax error at: "...a>>>-b"']);
    assert.equal(expand('${{a} = {b}?{x}}').error, true);
  });

  it('stops a self-reference after 100 levels', () => {
    const r = expand('$loop');
    assert.equal(r.error, true);
    assert.match(r.warnings[0], /^unreasonable macro call nesting/);
  });

  it('goes on after a syntax error as Postfix does: a later truncated reference is still reported', () => {
    assert.deepEqual(expand('${a-b} ${c').warnings, ['attribute name syntax error at: "...a>>>-b"', 'truncated macro reference: "${a-b} ${c"']);
  });

  it('counts one more nesting level for each reference after an error, warning past 100', () => {
    const r = expand('${a-b}' + '$a'.repeat(105));
    assert.equal(r.warnings.length, 1 + 5);
    assert.deepEqual(r.warnings.slice(1), Array(5).fill('unreasonable macro call nesting: "a"'));
  });

  it('reads the right compatibility level only when the left one is well-formed', () => {
    assert.deepEqual(expand('${{x} <level {y}}').warnings, ['malformed compatibility level syntax: "x"']);
    assert.equal(expand('${{ +3.6} ==level {3.6.0}?{same}}').text, 'same');
  });

  it('stops with postconf\'s message on a number beyond a long', () => {
    assert.equal(expand('${{99999999999999999999} == {1}}').fatal, 'mac_exp_eval: bad conversion: 99999999999999999999');
  });

  it('visits both branches and every name when scanning', () => {
    const seen: string[] = [];
    macExpand('${x?{$y}:{$(z)}} $w', (n) => void seen.push(n), { scan: true, warn: () => {} });
    assert.deepEqual(seen, ['x', 'y', 'z', 'w']);
  });
});
