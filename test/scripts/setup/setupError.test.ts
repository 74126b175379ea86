import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { npmFailure } from '../../../scripts/vscode-server.mjs';
import { asSetupError, formatSetupError, SetupError } from '../../../scripts/setup/setupError.mjs';

describe('set-up errors', () => {
  it('print what failed, the fix, then the evidence', () => {
    const text = formatSetupError(new SetupError('It broke.', 'do this', 'log line 1\nlog line 2\n'), 'npm start');
    assert.equal(text, 'npm start: It broke.\n  Fix: do this\n\nlog line 1\nlog line 2');
  });

  it('explain a full disk and a refused permission from the system error', () => {
    const full = asSetupError(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC', path: '/x/.cache' }));
    assert.match(full.message, /disk is full \(writing \/x\/\.cache\)/);
    assert.match(full.fix, /df -h \/x\/\.cache/);
    assert.match(asSetupError(Object.assign(new Error('x'), { code: 'EACCES', path: '/y' })).message, /Permission denied on \/y/);
  });

  it('tell apart the ways a nested npm install fails', () => {
    assert.match(npmFailure('code-server', '/c', 'npm error code E403\nnpm error 403 Forbidden').message, /registry refused or could not be reached/);
    assert.match(npmFailure('code-server', '/c', 'npm error nospc ENOSPC: no space left on device').message, /disk is full/);
    const headers = npmFailure('code-server', '/c', 'gyp info\n../src/kerberos.h:5:10: fatal error: gssapi/gssapi.h: No such file or directory\ngyp ERR! build error');
    assert.match(headers.message, /native modules failed: Debian build packages are missing/);
    assert.match(headers.fix, /apt-get install --no-install-recommends .*libkrb5-dev/);
    assert.match(headers.details ?? '', /gssapi\.h/);
    assert.match(npmFailure('code-server', '/c', 'npm error something else').fix, /rm -rf \/c && npm start/);
  });
});
