// Destinations and server settings are checked once, with messages naming what is wrong.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { makeTarget, parseDestination } from '../../../server/src/ssh/target';

describe('SSH targets', () => {
  it('parses USER@HOST[:PORT], with IPv6 literals in brackets', () => {
    assert.deepEqual(parseDestination('root@mail1.org'), { user: 'root', host: 'mail1.org', port: 22 });
    assert.deepEqual(parseDestination('alice@127.0.0.1:2222'), { user: 'alice', host: '127.0.0.1', port: 2222 });
    assert.deepEqual(parseDestination('bob@[::1]:2200'), { user: 'bob', host: '::1', port: 2200 });
    assert.throws(() => parseDestination('mail1.org'), /USER@HOST/);
  });

  it('fills the defaults a non-root login needs', () => {
    const t = makeTarget({ host: 'mail1.org', user: 'admin' });
    assert.equal(t.postconfPath, '/usr/sbin/postconf');
    assert.equal(t.configDir, '/etc/postfix');
    assert.equal(t.port, 22);
    assert.equal(t.name, 'admin@mail1.org');
  });

  it('refuses hosts, users and paths that could be read as options or commands', () => {
    assert.throws(() => makeTarget({ host: '-oProxyCommand=id', user: 'a' }), /host/);
    assert.throws(() => makeTarget({ host: 'a b', user: 'a' }), /host/);
    assert.throws(() => makeTarget({ host: 'h', user: 'a;id' }), /user/);
    assert.throws(() => makeTarget({ host: 'h', user: 'a', port: 70000 }), /port/);
    assert.throws(() => makeTarget({ host: 'h', user: 'a', configDir: 'etc/postfix' }), /absolute/);
    assert.throws(() => makeTarget({ host: 'h', user: 'a', postconfPath: '/usr/sbin/postconf\nid' }), /control character/);
  });
});
