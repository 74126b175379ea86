// Scenario offsets: each object of the top-level "scenarios" array, whatever the strings hold.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import { scenarioOffsets } from '../../../../server/src/postfix/simulator/scenarioOffsets';

describe('scenario offsets', () => {
  it("finds the lab's seven scenarios at their opening braces", () => {
    const text = readFileSync(resolve(__dirname, '../../../../examples/lab/mailflow.scenarios.json'), 'utf8');
    const offsets = scenarioOffsets(text);
    assert.equal(offsets.length, JSON.parse(text).scenarios.length);
    for (const o of offsets) assert.match(text.slice(o), /^\{\s*"name"/);
  });

  it('skips braces in strings and objects nested elsewhere', () => {
    const text = '{"other": [{"x": 1}], "scenarios": [ {"name": "a { [\\" }", "expect": {"b": "c"}},\n  {"name": "b"} ], "z": {"scenarios": [{}]}}';
    const offsets = scenarioOffsets(text);
    assert.deepEqual(offsets.map((o) => text.slice(o, o + 9)), ['{"name": ', '{"name": ']);
  });

  it('answers what it can of broken text', () => {
    assert.deepEqual(scenarioOffsets(''), []);
    assert.deepEqual(scenarioOffsets('{"scenarios": [{"name": "a'), [15]);
  });
});
