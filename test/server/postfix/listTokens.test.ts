// A list value's tokens with their offsets: the same whether the value holds `{ }` groups (read
// character by character) or not (read as plain runs).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { listTokens } from '../../../server/src/postfix/listTokens';

const tokens = (value: string) => listTokens(value).map((t) => [t.text, t.start, t.end]);

describe('list tokens', () => {
  it('cuts at commas and at every Postfix blank, and nowhere else', () => {
    assert.deepEqual(tokens(' a,b ,\tc\r\n d\ve\ff,,'), [
      ['a', 1, 2],
      ['b', 3, 4],
      ['c', 7, 8],
      ['d', 11, 12],
      ['e', 13, 14],
      ['f', 15, 16],
    ]);
    // A no-break space or a line separator is part of a name to Postfix, not a blank.
    assert.deepEqual(tokens('a\u00a0b c\u2028d'), [
      ['a\u00a0b', 0, 3],
      ['c\u2028d', 4, 7],
    ]);
    assert.deepEqual(tokens(''), []);
    assert.deepEqual(tokens(' ,\t'), []);
  });

  it('keeps a { } group whole, and cuts the same around it', () => {
    assert.deepEqual(tokens('check_policy_service { inet:127.0.0.1:10023, timeout=10s }, reject'), [
      ['check_policy_service', 0, 20],
      ['{ inet:127.0.0.1:10023, timeout=10s }', 21, 58],
      ['reject', 60, 66],
    ]);
    assert.deepEqual(tokens('a} b'), [
      ['a}', 0, 2],
      ['b', 3, 4],
    ]);
  });

  it('reads nested, unclosed and stray braces as a reading of one character at a time does', () => {
    // The rule spelled out: a separator ends a token only outside every group; a '}' with no
    // group open is an ordinary character.
    const oneByOne = (value: string) => {
      const out: (string | number)[][] = [];
      let depth = 0;
      let start = -1;
      for (let i = 0; i <= value.length; i++) {
        const ch = value[i];
        const sep = ch === undefined || (depth === 0 && /[, \t\r\n\v\f]/.test(ch));
        if (ch === '{') depth++;
        else if (ch === '}') depth = Math.max(0, depth - 1);
        if (sep) {
          if (start >= 0) out.push([value.slice(start, i), start, i]);
          start = -1;
        } else if (start < 0) start = i;
      }
      return out;
    };
    const alphabet = ['{', '}', ',', ' ', '\t', 'a', 'b', '\n'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    const samples = ['inline:{ {a=b}, {c = d e} } x', 'x { a { b } c', '}} {a}}{ b', '{', '}', 'a{b,c}d e'];
    for (let n = 0; n < 500; n++) samples.push(Array.from({ length: 1 + (next() % 24) }, () => alphabet[next() % alphabet.length]).join('') + '{');
    for (const value of samples) assert.deepEqual(tokens(value), oneByOne(value), JSON.stringify(value));
  });
});
