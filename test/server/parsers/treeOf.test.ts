// One tree per text (server/src/parsers/treeOf.ts): the pair, the simulator and the SASL side get
// the very tree the document's own parse made, and a new text gets a new parse.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseMasterCf } from '../../../server/src/parsers/mastercf';
import { mainCfTree, masterCfTree } from '../../../server/src/parsers/treeOf';

const MASTER = readFileSync(join(__dirname, '../../../examples/lab/master.cf'), 'utf8');

describe('treeOf', () => {
  it('gives the same tree for an equal text, even as another string', () => {
    const first = masterCfTree(MASTER);
    assert.equal(masterCfTree((' ' + MASTER).slice(1)), first);
    assert.deepEqual(first, parseMasterCf(MASTER));
  });

  it('parses a changed text anew', () => {
    const before = masterCfTree(MASTER);
    const after = masterCfTree(MASTER + 'extra unix - - n - - pipe\n');
    assert.notEqual(after, before);
    assert.equal(after.entries.length, before.entries.length + 1);
  });

  it('forgets the oldest texts past its bound, and parses them again when asked', () => {
    const first = mainCfTree('a = 1\n');
    for (let i = 0; i < 10; i++) mainCfTree(`b = ${i}\n`);
    const again = mainCfTree('a = 1\n');
    assert.notEqual(again, first);
    assert.deepEqual(again, first);
  });
});
