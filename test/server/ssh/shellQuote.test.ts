// Quoting for the remote login shell, checked against a real POSIX shell: whatever the value, the
// program receives it as exactly one argument and nothing else runs.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { SshError } from '../../../server/src/ssh/errors';
import { postconfArgv } from '../../../server/src/ssh/remotePostconf';
import { commandLine, shellQuote, validateRemotePath } from '../../../server/src/ssh/shellQuote';

const HOSTILE = [`/etc/post fix`, `/tmp/it's`, `/tmp/a;touch /tmp/pwned`, '/tmp/$(id)', '/tmp/`id`', '/tmp/"q"', '/tmp/*', '/tmp/a\\b', '/tmp/${HOME}', '-n', '/tmp/&&', '/tmp/é'];

describe('shell quoting', () => {
  for (const shell of ['/bin/sh', '/bin/bash']) {
    it(`passes every hostile value to ${shell} as one literal argument`, () => {
      for (const value of HOSTILE) {
        const r = spawnSync(shell, ['-c', `printf '%s\\0' ${shellQuote(value)}`], { encoding: 'utf8' });
        assert.equal(r.stdout, `${value}\0`, value);
      }
    });
  }

  it('refuses control characters instead of quoting them', () => {
    for (const value of ['/tmp/a\nid', '/tmp/a\rb', '/tmp/a\0b', '/tmp/\tx']) {
      assert.throws(() => commandLine(['/usr/sbin/postconf', value]), (e: unknown) => e instanceof SshError && e.kind === 'invalid');
    }
  });

  it('requires absolute paths and only known postconf flags', () => {
    assert.throws(() => validateRemotePath('etc/postfix', 'config directory'), /absolute/);
    assert.equal(validateRemotePath('/etc/postfix/', 'config directory'), '/etc/postfix');
    assert.deepEqual(postconfArgv('/usr/sbin/postconf', '/etc/postfix', ['-n']), ['/usr/sbin/postconf', '-n', '-c', '/etc/postfix']);
    assert.deepEqual(postconfArgv('/usr/sbin/postconf', undefined, ['-n']), ['/usr/sbin/postconf', '-n']);
    assert.throws(() => postconfArgv('/usr/sbin/postconf', '/etc/postfix', ['-e']), /not supported/);
    assert.throws(() => postconfArgv('/usr/sbin/postconf', '/etc/postfix', ['-n;id']), /not supported/);
    assert.throws(() => postconfArgv('/usr/sbin/postconf', '/etc/postfix', ['-n'], ['myhostname;id']), /not a parameter name/);
    assert.deepEqual(postconfArgv('/p', '/c', ['-Mx'], ['smtp/inet']), ['/p', '-Mx', '-c', '/c', 'smtp/inet']);
  });
});
