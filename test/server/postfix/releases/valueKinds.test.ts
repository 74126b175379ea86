// valueKinds.json is what generateValueKinds.mjs extracts from Postfix's own configuration tables.
// With a Postfix source clone (POSTFIX_SOURCE=/path/to/postfix.git, tags as in
// ../shared/postfix-releases/SOURCES.txt) the committed file must equal a fresh run; without one
// that comparison is a named skip, and the facts below are still checked.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { postfixValueKind } from '../../../../server/src/postfix/valueKinds';

const DIR = resolve(__dirname, '../../../../server/src/postfix/releases');
const source = process.env.POSTFIX_SOURCE;
const noSource = source && existsSync(source) ? undefined : 'no Postfix source clone: set POSTFIX_SOURCE=/path/to/postfix.git (github.com/vdukhovni/postfix)';

describe('value kinds from Postfix configuration tables', () => {
  it('hold the kinds and bounds Postfix declares', () => {
    assert.deepEqual(postfixValueKind('unknown_local_recipient_reject_code'), { kind: 'int' });
    assert.deepEqual(postfixValueKind('virtual_minimum_uid'), { kind: 'int', min: 1 });
    assert.deepEqual(postfixValueKind('smtpd_sasl_auth_enable'), { kind: 'bool' });
    assert.equal(postfixValueKind('mailbox_command')?.kind, 'raw');
    assert.equal(postfixValueKind('message_size_limit')?.kind, 'long');
    assert.equal(postfixValueKind('maximal_queue_lifetime')?.kind, 'time');
    assert.equal(postfixValueKind('no_such_parameter'), undefined);
  });

  it('are current with the Postfix source', { skip: noSource }, () => {
    const out = mkdtempSync(join(tmpdir(), 'mailconf-kinds-'));
    try {
      const r = spawnSync(process.execPath, [join(DIR, 'generateValueKinds.mjs'), '--source', source!, '--out', out], { encoding: 'utf8' });
      assert.equal(r.status, 0, r.stderr);
      assert.equal(readFileSync(join(out, 'valueKinds.json'), 'utf8'), readFileSync(join(DIR, 'valueKinds.json'), 'utf8'), 'run: node server/src/postfix/releases/generateValueKinds.mjs --source DIR');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
