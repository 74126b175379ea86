import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { userCacheDir } from '../../server/src/userCacheDir';

describe('the user cache folder', () => {
  it('is $XDG_CACHE_HOME/mailconf, or ~/.cache/mailconf when that is unset or relative', () => {
    const env = { HOME: '/home/someone' };
    assert.equal(userCacheDir({ ...env, XDG_CACHE_HOME: '/var/cache/u' }), '/var/cache/u/mailconf');
    assert.equal(userCacheDir({ ...env, XDG_CACHE_HOME: 'relative' }), '/home/someone/.cache/mailconf');
    assert.equal(userCacheDir(env), '/home/someone/.cache/mailconf');
  });
});
