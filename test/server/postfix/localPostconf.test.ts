// The local postconf's version is asked once per binary: later runs read it from the cache folder
// until the binary on PATH changes. A fake postconf on PATH counts how often it runs.
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { readLocalPostfixVersion } from '../../../server/src/postfix/localPostconf';

const root = mkdtempSync(join(tmpdir(), 'mailconf-postconf-'));
after(() => rmSync(root, { recursive: true, force: true }));

function fakePostconf(dir: string, version: string, status = 0): { runs: () => number } {
  const log = join(dir, 'runs.log');
  writeFileSync(log, '');
  const script = join(dir, 'postconf');
  writeFileSync(script, `#!/bin/sh\necho run >> '${log}'\n[ "$1 $2" = "-dh mail_version" ] || exit 64\necho ${version}\nexit ${status}\n`);
  chmodSync(script, 0o755);
  return { runs: () => readFileSync(log, 'utf8').split('\n').filter(Boolean).length };
}

describe('the local postconf version', () => {
  it('asks postconf once, then reads the cache until the binary changes', () => {
    const bin = mkdtempSync(join(root, 'bin-'));
    const env = { PATH: `${join(root, 'nothing-here')}:${bin}`, XDG_CACHE_HOME: mkdtempSync(join(root, 'cache-')) };
    const fake = fakePostconf(bin, '3.7.11');
    assert.equal(readLocalPostfixVersion(env), '3.7.11');
    assert.equal(readLocalPostfixVersion(env), '3.7.11');
    assert.equal(fake.runs(), 1, 'the second lookup does not run postconf');
    // An upgrade replaces the binary: another size and mtime.
    fakePostconf(bin, '3.9.1');
    utimesSync(join(bin, 'postconf'), new Date(), new Date(Date.now() + 5000));
    assert.equal(readLocalPostfixVersion(env), '3.9.1');
    assert.equal(readLocalPostfixVersion(env), '3.9.1');
  });

  it('asks again when the cache file is damaged, and works without a writable cache folder', () => {
    const bin = mkdtempSync(join(root, 'bin-'));
    const cache = mkdtempSync(join(root, 'cache-'));
    const fake = fakePostconf(bin, '3.6.4');
    writeFileSync(join(cache, 'mailconf'), 'a file where the folder should be');
    assert.equal(readLocalPostfixVersion({ PATH: bin, XDG_CACHE_HOME: cache }), '3.6.4');
    const other = mkdtempSync(join(root, 'cache-'));
    assert.equal(readLocalPostfixVersion({ PATH: bin, XDG_CACHE_HOME: other }), '3.6.4');
    writeFileSync(join(other, 'mailconf', 'postconf-versions.json'), '{"truncat');
    assert.equal(readLocalPostfixVersion({ PATH: bin, XDG_CACHE_HOME: other }), '3.6.4');
    assert.equal(fake.runs(), 3);
  });

  it('is undefined without a postconf on PATH, or when postconf fails (and a failure is not kept)', () => {
    const cache = mkdtempSync(join(root, 'cache-'));
    assert.equal(readLocalPostfixVersion({ PATH: join(root, 'nothing-here'), XDG_CACHE_HOME: cache }), undefined);
    const bin = mkdtempSync(join(root, 'bin-'));
    const fake = fakePostconf(bin, '3.8.0', 1);
    assert.equal(readLocalPostfixVersion({ PATH: bin, XDG_CACHE_HOME: cache }), undefined);
    assert.equal(readLocalPostfixVersion({ PATH: bin, XDG_CACHE_HOME: cache }), undefined);
    assert.equal(fake.runs(), 2);
  });
});
