// The CLI must start fast: importing the knowledge base must not read the generated JSON; the
// first question does. (Each test file runs in its own process, so the module cache starts empty.)
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as parameters from '../../../server/src/postfix/parameters';
import * as masterDaemons from '../../../server/src/postfix/masterDaemons';
import * as mapTypes from '../../../server/src/postfix/mapTypes';

const loaded = (file: string) => Object.keys(require.cache).some((k) => k.endsWith(`postfix/data/${file}`));

describe('lazy loading of the generated data', () => {
  it('reads parameters.json and capabilities.json only on first use', () => {
    assert.ok(parameters && masterDaemons && mapTypes);
    assert.equal(loaded('parameters.json'), false, 'parameters.json was read at import');
    assert.equal(loaded('capabilities.json'), false, 'capabilities.json was read at import');
    assert.ok(parameters.getParameter('myhostname'));
    assert.equal(loaded('parameters.json'), true);
    assert.equal(loaded('capabilities.json'), false);
    assert.ok(mapTypes.getMapType('hash'));
    assert.equal(loaded('capabilities.json'), true);
  });
});
