// The SMTP probe "from the server": through an SSH forward from our loopback OpenSSH to the mail
// lab's ports, with the same verdicts as the probe "from here".
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Client } from 'ssh2';
import { probe } from '../../../server/src/smtp/probe';
import { connect } from '../../../server/src/ssh/connect';
import { SshError } from '../../../server/src/ssh/errors';
import { forwardOut, probeFromServer } from '../../../server/src/ssh/forward';
import { startSmtpLab, type SmtpLab } from '../../support/lab/smtpLab';
import { requirePeer } from '../../support/peers';
import { keyLogin, SSHD_PACKAGES, startSshd, type TestSshd } from '../../support/sshd/sshd';

const skip = requirePeer('/usr/sbin/sshd', SSHD_PACKAGES) ?? requirePeer('postfix', ['postfix']) ?? requirePeer('dovecot', ['dovecot-core']);

describe('SMTP probe from the server through forwardOut', { skip, timeout: 60_000 }, () => {
  let sshd: TestSshd;
  let lab: SmtpLab;
  let client: Client;
  before(async () => {
    [sshd, lab] = await Promise.all([startSshd(), startSmtpLab()]);
    client = await connect(keyLogin(sshd));
  });
  after(async () => {
    client?.end();
    lab?.stop();
    await sshd?.stop();
  });

  it('walks the submission port through STARTTLS and AUTH, saying it ran from the server', async () => {
    const options = { host: '127.0.0.1', port: lab.ports.submission, servername: lab.servername, ca: lab.caAll, user: lab.user, password: lab.password, expect: 'submission' as const, timeoutMs: 5000 };
    const remote = await probeFromServer(client, 'lab', options);
    const local = await probe(options);
    assert.equal(remote.ok, true, JSON.stringify(remote.stages));
    assert.match(remote.stages[0].detail, /from the server lab/);
    assert.deepEqual(
      remote.stages.map((s) => [s.name, s.ok]),
      local.stages.map((s) => [s.name, s.ok]),
    );
    assert.equal(remote.tls?.fingerprint256, local.tls?.fingerprint256);
    assert.ok(!JSON.stringify(remote).includes(lab.password));
  });

  it('implicit TLS on the smtps port works through the forward too', async () => {
    const r = await probeFromServer(client, 'lab', { host: '127.0.0.1', port: lab.ports.smtps, tls: 'implicit', servername: lab.servername, ca: lab.caAll, timeoutMs: 5000 });
    assert.equal(r.stages.find((s) => s.name === 'tls')?.ok, true, JSON.stringify(r.stages));
  });

  it('reports a closed port on the server as a failed connect stage', async () => {
    const r = await probeFromServer(client, 'lab', { host: '127.0.0.1', port: 1, timeoutMs: 5000 });
    assert.equal(r.ok, false);
    assert.equal(r.stages[0].name, 'connect');
    assert.equal(r.stages[0].ok, false);
    assert.match(r.stages[0].detail, /could not connect to 127\.0\.0\.1:1/);
  });

  it('refuses a host name that is not one', async () => {
    await assert.rejects(forwardOut(client, '-oProxyCommand=x', 25), (e: unknown) => e instanceof SshError && e.kind === 'invalid');
  });
});
