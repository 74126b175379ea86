// known_hosts matching without a server: plain, wildcard, negated, [host]:port and hashed names.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { describe, it } from 'node:test';
import { hostId, keyTypeOf, sha256Fingerprint } from '../../../server/src/ssh/fingerprint';
import { hostMatches, lookupHostKey, parseKnownHosts } from '../../../server/src/ssh/knownHosts';

function blob(type: string, fill: number): Buffer {
  const name = Buffer.from(type);
  const len = Buffer.alloc(4);
  len.writeUInt32BE(name.length);
  return Buffer.concat([len, name, Buffer.alloc(32, fill)]);
}
const keyA = blob('ssh-ed25519', 1);
const keyB = blob('ssh-ed25519', 2);
const rsa = blob('ssh-rsa', 3);
const line = (hosts: string, key: Buffer) => `${hosts} ${keyTypeOf(key)} ${key.toString('base64')}`;

function hashed(name: string, salt = Buffer.alloc(20, 7)): string {
  return `|1|${salt.toString('base64')}|${createHmac('sha1', salt).update(name).digest('base64')}`;
}

describe('known_hosts', () => {
  it('names hosts on other ports as [host]:port', () => {
    assert.equal(hostId('mx.example', 22), 'mx.example');
    assert.equal(hostId('127.0.0.1', 2222), '[127.0.0.1]:2222');
  });

  it('fingerprints keys the way ssh-keygen -l does', () => {
    assert.match(sha256Fingerprint(keyA), /^SHA256:[A-Za-z0-9+/]{43}$/);
  });

  it('matches plain, wildcard and negated patterns', () => {
    assert.ok(hostMatches('mx.example,10.0.0.1', 'mx.example'));
    assert.ok(hostMatches('*.example', 'mx.example'));
    assert.ok(!hostMatches('*.example,!mx.example', 'mx.example'));
    assert.ok(hostMatches('[127.0.0.1]:2222', '[127.0.0.1]:2222'));
    assert.ok(!hostMatches('127.0.0.1', '[127.0.0.1]:2222'));
  });

  it('matches hashed names only for the exact host and port', () => {
    assert.ok(hostMatches(hashed('[127.0.0.1]:2222'), '[127.0.0.1]:2222'));
    assert.ok(!hostMatches(hashed('[127.0.0.1]:2222'), '[127.0.0.1]:2223'));
  });

  it('says known, changed, unknown or revoked', () => {
    const entries = parseKnownHosts([line('a.example', keyA), line(hashed('b.example'), keyB), line('c.example', rsa), `@revoked * ${keyTypeOf(keyB)} ${keyB.toString('base64')}`].join('\n'), 'kh');
    assert.deepEqual(lookupHostKey(entries, 'a.example', keyA), { status: 'known', source: 'kh:1' });
    const changed = lookupHostKey(entries, 'a.example', blob('ssh-ed25519', 9));
    assert.equal(changed.status, 'changed');
    assert.deepEqual(lookupHostKey(entries, 'c.example', keyA), { status: 'unknown', otherTypes: ['ssh-rsa'] });
    assert.deepEqual(lookupHostKey(entries, 'b.example', keyB), { status: 'revoked', source: 'kh:4' });
    assert.deepEqual(lookupHostKey(entries, 'z.example', keyA), { status: 'unknown', otherTypes: [] });
  });

  it('skips comments, junk and lines whose type disagrees with the key', () => {
    const text = ['# comment', 'garbage', `x.example ssh-rsa ${keyA.toString('base64')}`, line('x.example', keyA)].join('\n');
    assert.equal(parseKnownHosts(text, 'kh').length, 1);
  });
});
