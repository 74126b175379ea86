// $name references inside one Postfix value: ${name?{a}:{b}}, comparisons, $$, nesting.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { checkBraceGrouping, parseExpansion } from '../../../server/src/parsers/expansion';
import { junk, nesting } from '../arbitraries';
import { byteLength, FuzzProperty } from '../property';
import { MAINCF_TOKENS } from './maincf';

const piece = fc.oneof(
  { arbitrary: fc.constantFrom(...MAINCF_TOKENS, 'a', 'b_c', '1', '==', '!=', '<=', '>='), weight: 8 },
  { arbitrary: junk, weight: 1 },
  { arbitrary: nesting(['${x?', '${{']), weight: 1 },
);
const value = fc.array(piece, { maxLength: 30 }).map((p) => p.join(''));
const bigValue = fc.tuple(value, fc.integer({ min: 64, max: 256 })).map(([v, kb]) => (v || '$a').repeat(Math.ceil((kb * 1024) / Math.max(1, v.length || 2))).slice(0, kb * 1024));

function verify(text: string, result: unknown): void {
  const { parsed, braces } = result as { parsed: ReturnType<typeof parseExpansion>; braces: ReturnType<typeof checkBraceGrouping> };
  const inside = (s: number, e: number, what: string) => assert.ok(0 <= s && s <= e && e <= text.length, `${what} [${s}, ${e}) outside [0, ${text.length}]`);
  for (const r of parsed.references) {
    inside(r.start, r.end, `reference ${r.name}`);
    inside(r.nameStart, r.nameEnd, `name of ${r.name}`);
    assert.ok(r.start <= r.nameStart && r.nameEnd <= r.end, `name of ${r.name} outside its reference`);
    assert.equal(text.slice(r.nameStart, r.nameEnd), r.name);
  }
  for (const e of [...parsed.errors, ...braces]) inside(e.start, e.end, `error ${e.code}`);
}

const run = (text: string) => ({ parsed: parseExpansion(text), braces: checkBraceGrouping(text) });

export const properties: FuzzProperty[] = [
  { parser: 'expansion', name: 'no exception, offsets inside the value', arbitrary: value, run, verify, size: byteLength },
  { parser: 'expansion', name: 'linear time on 64-256 KB values', arbitrary: bigValue, run, verify, size: byteLength, share: 0.002 },
];
