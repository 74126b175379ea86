// The committed Dovecot settings against the Dovecot installed here: when Dovecot is upgraded (or
// the file is edited by hand) this fails and says to run `npm run gen:dovecot`.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { requirePeer } from '../../support/peers';

const skip = requirePeer('doveconf', ['dovecot-core']);
const DATA = resolve(__dirname, '../../../server/src/dovecot/data');

describe('the generated Dovecot settings match the installed Dovecot', { skip }, () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'dovecot-data-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('is what the generator writes now, byte for byte', () => {
    const r = spawnSync(process.execPath, [join(DATA, 'generate.mjs'), '--out', dir], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const fresh = readFileSync(join(dir, 'settings.json'), 'utf8');
    const committed = readFileSync(join(DATA, 'settings.json'), 'utf8');
    assert.ok(JSON.parse(fresh).settings.auth_mechanisms !== undefined, 'the generator found no auth_mechanisms');
    assert.equal(committed, fresh, 'the committed data is stale: run `npm run gen:dovecot` and commit server/src/dovecot/data');
  });

  it('has the version doveconf reports', () => {
    const r = spawnSync('doveconf', ['-d', '-c', '/dev/null'], { encoding: 'utf8' });
    const first = /^# (\S+)/.exec(r.stdout);
    assert.ok(first, r.stderr);
    assert.equal(JSON.parse(readFileSync(join(DATA, 'settings.json'), 'utf8')).dovecot, first[1]);
  });
});
