import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { aptCommand, installMissingPackages, missingPackages, readPackageList } from '../../../scripts/setup/debianPackages.mjs';
import { SetupError } from '../../../scripts/setup/setupError.mjs';

describe('the Debian package list', () => {
  it('reads sections in file order, without comments or blank lines', () => {
    const text = '# c\n[start]\nbuild-essential # for code-server\n\n[test]\npostfix\nchromium\n';
    assert.deepEqual(readPackageList(['start'], text), ['build-essential']);
    assert.deepEqual(readPackageList(['start', 'test'], text), ['build-essential', 'postfix', 'chromium']);
  });

  it('refuses a package before any section and an unknown section', () => {
    assert.throws(() => readPackageList(['start'], 'postfix\n[start]\n'), /before any \[section\]/);
    assert.throws(() => readPackageList(['nope'], '[start]\nx\n'), /no \[nope\] section/);
  });

  it('keeps what npm start needs apart from what the tests add', () => {
    const start = readPackageList(['start']);
    const test = readPackageList(['test']);
    assert.ok(start.includes('libkrb5-dev'), 'code-server native modules need the Kerberos headers');
    assert.ok(test.includes('bind9-utils') && test.includes('swaks'));
    assert.deepEqual(start.filter((p) => test.includes(p)), []);
  });
});

describe('missing packages', () => {
  it('asks dpkg, and tells installed from missing', () => {
    assert.deepEqual(missingPackages(['dpkg', 'mailconf-no-such-package']), ['mailconf-no-such-package']);
  });

  it('names the exact apt-get command for someone who is not root, and installs nothing', () => {
    let error: unknown;
    try {
      installMissingPackages(['dpkg', 'mailconf-no-such-package'], { why: '`npm start`', root: false });
    } catch (err) {
      error = err;
    }
    assert.ok(error instanceof SetupError);
    assert.match(error.message, /`npm start` needs these Debian packages, which are not installed: mailconf-no-such-package\./);
    assert.match(error.fix, /sudo apt-get install --no-install-recommends mailconf-no-such-package\n/);
  });

  it('does nothing when all are there', () => {
    assert.deepEqual(installMissingPackages(['dpkg'], { why: 'x', root: false }), []);
    assert.equal(aptCommand(['a', 'b'], { root: true }), 'apt-get install --no-install-recommends a b');
  });
});
