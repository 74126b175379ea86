// The JSON reader with places, against JSON.parse as the oracle: the same values for valid text,
// an error for every text JSON.parse refuses, and every node's range holding exactly its own text.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { JsonNode, jsonProperty, jsonValue, parseJson } from '../../../server/src/parsers/json';

function nodes(node: JsonNode | undefined, out: JsonNode[] = []): JsonNode[] {
  if (!node) return out;
  out.push(node);
  if (node.kind === 'object') for (const p of node.properties) nodes(p.value, out);
  if (node.kind === 'array') for (const i of node.items) nodes(i, out);
  return out;
}

const jsonParses = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

describe('JSON with places', () => {
  it('reads what JSON.parse reads, and each node spans exactly its text', () => {
    fc.assert(
      fc.property(fc.json(), fc.constantFrom(0, 2, '\t'), (value, indent) => {
        const text = JSON.stringify(JSON.parse(value), null, indent);
        const file = parseJson(text);
        assert.equal(file.error, undefined);
        assert.deepEqual(jsonValue(file.root), JSON.parse(text));
        for (const n of nodes(file.root)) assert.deepEqual(JSON.parse(text.slice(n.start, n.end)), jsonValue(n));
      }),
      { numRuns: 300 },
    );
  });

  it('refuses what JSON.parse refuses, and never throws', () => {
    const pieces = fc.constantFrom('{', '}', '[', ']', '"', ':', ',', ' ', '\n', '1', '-', '.', 'e', 'true', 'nul', 'null', '"a"', '\\', '\\u00e9', '\t', '0', '01', '\u0001');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 25 }).map((a) => a.join('')), (text) => {
        const file = parseJson(text);
        assert.equal(file.error === undefined, jsonParses(text), text);
        if (file.error) assert.ok(file.error.offset >= 0 && file.error.offset <= text.length);
      }),
      { numRuns: 2000 },
    );
  });

  it('gives line and character positions with \\n, \\r\\n and \\r line ends', () => {
    const text = '{\r\n  "a": 1,\r  "b": [true,\n null]\n}';
    const file = parseJson(text);
    const b = jsonProperty(file.root, 'b')!;
    assert.deepEqual(file.rangeOf(b.keySpan), { start: { line: 2, character: 2 }, end: { line: 2, character: 5 } });
    assert.deepEqual(file.rangeOf(b.value!), { start: { line: 2, character: 7 }, end: { line: 3, character: 6 } });
  });

  it('says where it breaks, keeping what came before', () => {
    const file = parseJson('{"scenarios": [{"name": "a"}, {"name": "b",');
    assert.equal(file.error?.code, 'expected-key');
    assert.equal(file.error?.offset, 43);
    const list = jsonProperty(file.root, 'scenarios')!.value!;
    assert.equal(list.kind === 'array' && list.items.length, 2);
    assert.equal(parseJson('[1,]').error?.code, 'expected-value');
    assert.equal(parseJson('{"a" 1}').error?.code, 'expected-colon');
    assert.equal(parseJson('"abc').error?.code, 'unterminated-string');
    assert.equal(parseJson('[1] x').error?.code, 'trailing-text');
    assert.equal(parseJson('['.repeat(100_000)).error?.code, 'too-deep');
  });

  it('keeps the last of duplicate keys, as JSON.parse does', () => {
    const file = parseJson('{"a": 1, "a": 2}');
    assert.deepEqual(jsonValue(file.root), { a: 2 });
    assert.equal(jsonProperty(file.root, 'a')!.start, 9);
    assert.deepEqual(jsonValue(parseJson('{"__proto__": {"x": 1}}').root), JSON.parse('{"__proto__": {"x": 1}}'));
  });
});
