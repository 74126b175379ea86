// The V8 code cache of the CLI's command bundles (server/src/cli/codeCache.ts), through the real
// dist/cli.js with its own cache directory: NODE_DEBUG=mailconf makes each run say what the cache
// did, and whatever it did, the output must be the output of a run without a cache.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, describe, it } from 'node:test';
import { withChecksum } from '../../../server/src/cli/checksum';
import { codeCacheFile, HASH_BANNER, UNHASHED } from '../../../server/src/cli/codeCache';

const CLI = resolve(__dirname, '../../../dist/cli.js');
const LAB = resolve(__dirname, '../../../examples/lab');
const scratch = mkdtempSync(join(tmpdir(), 'mailconf-code-cache-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

function postconfN(cacheHome: string, extra: NodeJS.ProcessEnv = { NODE_DEBUG: 'mailconf' }) {
  const env: NodeJS.ProcessEnv = { ...process.env, XDG_CACHE_HOME: cacheHome, ...extra };
  delete env.MAIL_CONFIG;
  if (!('MAILCONF_CODE_CACHE' in extra)) delete env.MAILCONF_CODE_CACHE;
  const r = spawnSync(process.execPath, [CLI, 'postconf', '-n', '-c', LAB], { encoding: 'utf8', env });
  const debug = r.stderr.split('\n').filter((l) => /^MAILCONF \d+: /.test(l));
  const stderr = r.stderr.split('\n').filter((l) => !/^MAILCONF \d+: /.test(l)).join('\n');
  const state = debug.map((l) => /code cache (\w+) for postconf\.js/.exec(l)?.[1]).find(Boolean);
  return { status: r.status, stdout: r.stdout, stderr, debug: debug.join('\n'), state };
}

const cacheFiles = (cacheHome: string) => {
  try {
    return readdirSync(join(cacheHome, 'mailconf')).filter((f) => /^postconf-.*\.cache$/.test(f));
  } catch {
    return [];
  }
};

/** What a run without any cache prints: every other run must print exactly this. */
const reference = postconfN(join(scratch, 'unused'), { MAILCONF_CODE_CACHE: '0' });

describe('the CLI code cache', () => {
  it('has a reference run to compare with', () => {
    assert.equal(reference.status, 0);
    assert.match(reference.stdout, /^myhostname = smtp\.mail1\.org$/m);
  });

  it('writes the cache on the first run and compiles from it on the second', () => {
    const home = join(scratch, 'second-run');
    const first = postconfN(home);
    assert.equal(first.state, 'missing');
    assert.deepEqual([first.status, first.stdout, first.stderr], [0, reference.stdout, reference.stderr]);
    assert.equal(cacheFiles(home).length, 1, first.debug);

    const second = postconfN(home);
    assert.equal(second.state, 'accepted', second.debug);
    assert.deepEqual([second.status, second.stdout, second.stderr], [0, reference.stdout, reference.stderr]);
    assert.doesNotMatch(second.debug, /code cache written/, 'an accepted cache is not written again');
  });

  it('rejects a corrupt cache file, prints the right output, and replaces the file', () => {
    const home = join(scratch, 'corrupt');
    postconfN(home);
    const [name] = cacheFiles(home);
    const file = join(home, 'mailconf', name);
    // Bytes changed in the middle, the length kept: V8 alone would run this (and crash).
    const bytes = readFileSync(file);
    for (let i = 0; i < 64; i++) bytes[(bytes.length >> 1) + i] ^= 0x5a;
    writeFileSync(file, bytes);
    const corrupt = postconfN(home);
    assert.equal(corrupt.state, 'rejected', corrupt.debug);
    assert.match(corrupt.debug, /checksum mismatch/);
    assert.deepEqual([corrupt.status, corrupt.stdout, corrupt.stderr], [0, reference.stdout, reference.stderr]);
    assert.equal(postconfN(home).state, 'accepted', 'the rejected file was replaced');

    for (const text of ['', 'abc', 'not a code cache at all']) {
      writeFileSync(file, text);
      const garbage = postconfN(home);
      assert.equal(garbage.state, 'rejected', `${JSON.stringify(text)}: ${garbage.debug}`);
      assert.deepEqual([garbage.status, garbage.stdout, garbage.stderr], [0, reference.stdout, reference.stderr]);
    }
  });

  it('leaves a file with a right checksum but bytes V8 does not take to V8, which rejects it', () => {
    const home = join(scratch, 'v8-rejects');
    postconfN(home);
    const file = join(home, 'mailconf', cacheFiles(home)[0]);
    const data = Buffer.from('bytes that are no V8 code cache, with a checksum that matches them');
    writeFileSync(file, withChecksum(data));
    const r = postconfN(home);
    assert.equal(r.state, 'rejected', r.debug);
    assert.doesNotMatch(r.debug, /checksum mismatch/);
    assert.deepEqual([r.status, r.stdout, r.stderr], [0, reference.stdout, reference.stderr]);
  });

  it('runs as before when the cache directory cannot be created', () => {
    // A regular file where the directory should be: mkdir fails even for root.
    const home = join(scratch, 'a-file');
    writeFileSync(home, '');
    for (let i = 0; i < 2; i++) {
      const r = postconfN(home);
      assert.equal(r.state, 'missing', r.debug);
      assert.match(r.debug, /code cache not written: ENOTDIR/);
      assert.deepEqual([r.status, r.stdout, r.stderr], [0, reference.stdout, reference.stderr]);
    }
  });

  it('keeps the three most recent caches of other builds of the bundle, and other bundles\' caches', () => {
    const home = join(scratch, 'prune');
    const dir = join(home, 'mailconf');
    mkdirSync(dir, { recursive: true });
    const older = [1, 2, 3, 4, 5].map((age) => {
      const name = `postconf-0.0.9-${String(age).repeat(16)}-v8-1.cache`;
      writeFileSync(join(dir, name), 'x');
      const when = new Date(Date.now() - age * 3600_000);
      utimesSync(join(dir, name), when, when);
      return name;
    });
    writeFileSync(join(dir, 'check-0.0.9-0123456789abcdef-v8-1.cache'), 'x');
    const r = postconfN(home);
    assert.equal(r.state, 'missing', r.debug);
    const left = readdirSync(dir);
    assert.deepEqual(older.filter((n) => left.includes(n)), older.slice(0, 3));
    assert.ok(left.includes('check-0.0.9-0123456789abcdef-v8-1.cache'));
    assert.equal(cacheFiles(home).length, 4, left.join(' '));
  });

  it('is off with MAILCONF_CODE_CACHE=0', () => {
    const home = join(scratch, 'off');
    const r = postconfN(home, { NODE_DEBUG: 'mailconf', MAILCONF_CODE_CACHE: '0' });
    assert.equal(r.state, 'off');
    assert.equal(r.stdout, reference.stdout);
    assert.deepEqual(cacheFiles(home), []);
  });
});

describe('code cache file names', () => {
  const env = { HOME: '/home/someone' };
  const bundle = '/opt/mailconf/dist/cli/postconf.js';
  const hashed = (hash: string) => `${HASH_BANNER}${hash}\n"use strict";\n`;

  it('name the bundle, the version, the bundle hash and the V8 version', () => {
    const file = codeCacheFile(bundle, hashed('0123456789abcdef'), '1.2.3', env);
    assert.equal(file, `/home/someone/.cache/mailconf/postconf-1.2.3-0123456789abcdef-v8-${process.versions.v8}.cache`);
    assert.notEqual(codeCacheFile(bundle, hashed('fedcba9876543210'), '1.2.3', env), file, 'another build, another file');
  });

  it('are not given to bundles without a hash, or when the cache is off', () => {
    assert.equal(codeCacheFile(bundle, '"use strict";\n', '1.2.3', env), undefined);
    assert.equal(codeCacheFile(bundle, hashed(UNHASHED), '1.2.3', env), undefined);
    assert.equal(codeCacheFile(bundle, hashed('0123456789abcdef'), '1.2.3', { ...env, MAILCONF_CODE_CACHE: '0' }), undefined);
  });
});
