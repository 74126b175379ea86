// The compare view's two sides: the server's postconf -n and our emulation over the edited file,
// normalised alike so that after an edit the only difference is the edited parameter.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { postconf } from '../../../server/src/postfix/postconf';
import { normalisePostconf, postconfDifferences } from '../../../server/src/ssh/compare';
import { requirePeer } from '../../support/peers';

const MAIN_CF = `myhostname = smtp.mail1.org
mydomain = mail1.org
myorigin = $mydomain
mydestination = $myhostname, localhost.$mydomain,
    localhost, $mydomain
inet_interfaces = loopback-only
smtpd_tls_security_level = may
`;

describe('compare with server', () => {
  it('normalises whitespace, order and config_directory', () => {
    const a = 'config_directory = /tmp/x\nmyorigin = $mydomain\nmydestination = a,   b\n';
    assert.equal(normalisePostconf(a), 'mydestination = a, b\nmyorigin = $mydomain\n');
  });

  it('finds exactly the edited parameter, against the real postconf', { skip: requirePeer('postconf', ['postfix']) }, () => {
    const dir = mkdtempSync(join(tmpdir(), 'mailconf-compare-'));
    writeFileSync(join(dir, 'main.cf'), MAIN_CF);
    const server = spawnSync('postconf', ['-c', dir, '-n'], { encoding: 'utf8' });
    assert.equal(server.status, 0, server.stderr);
    const unchanged = postconf({ mainCf: MAIN_CF }, { nonDefault: true }).stdout;
    assert.deepEqual(postconfDifferences(server.stdout, unchanged), []);
    assert.equal(normalisePostconf(server.stdout), normalisePostconf(unchanged));

    const edited = MAIN_CF.replace('smtpd_tls_security_level = may', 'smtpd_tls_security_level = encrypt');
    const local = postconf({ mainCf: edited }, { nonDefault: true }).stdout;
    assert.deepEqual(postconfDifferences(server.stdout, local), [{ name: 'smtpd_tls_security_level', server: 'may', local: 'encrypt' }]);
    const added = postconf({ mainCf: edited + 'relayhost = [10.0.0.1]:587\n' }, { nonDefault: true }).stdout;
    assert.deepEqual(
      postconfDifferences(server.stdout, added).map((d) => d.name),
      ['relayhost', 'smtpd_tls_security_level'],
    );
  });
});
