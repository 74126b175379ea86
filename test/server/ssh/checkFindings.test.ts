// Mapping the server postconf's warnings about our temporary copy back onto the edited files.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { remoteFindings } from '../../../server/src/ssh/checkFindings';

const DIR = '/tmp/mailconf-remotecheck-0123456789abcdef';

describe('remote check findings', () => {
  it('places unused and undefined parameters on their lines, without the temporary path', () => {
    const mainCf = 'myhostname = a.example\nmyhostnme = typo\nrelayhost = $relay_host_x\n';
    const masterCf = 'smtp inet n - y - - smtpd\n  -o bogus_x=1\n';
    const stderr = [
      `/usr/sbin/postconf: warning: ${DIR}/main.cf: undefined parameter: relay_host_x`,
      `postconf: warning: ${DIR}/main.cf: unused parameter: myhostnme=typo`,
      `postconf: warning: ${DIR}/master.cf: unused parameter: bogus_x=1`,
      `postconf: fatal: file ${DIR}/master.cf: line 2: bad field count`,
    ].join('\n');
    assert.deepEqual(remoteFindings(stderr, DIR, { mainCf, masterCf }), [
      { file: 'main.cf', line: 2, startCharacter: 12, endCharacter: 25, severity: 'warning', message: 'main.cf: undefined parameter: relay_host_x' },
      { file: 'main.cf', line: 1, startCharacter: 0, endCharacter: 9, severity: 'warning', message: 'main.cf: unused parameter: myhostnme=typo' },
      { file: 'master.cf', line: 1, startCharacter: 5, endCharacter: 12, severity: 'warning', message: 'master.cf: unused parameter: bogus_x=1' },
      { file: 'master.cf', line: 1, startCharacter: 0, endCharacter: 14, severity: 'error', message: 'file master.cf: line 2: bad field count' },
    ]);
  });
});
