// A server that only takes passwords through keyboard-interactive (PAM), as many distributions
// configure sshd: the same password callback answers its prompt, and a wrong one is refused.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { connect } from '../../../server/src/ssh/connect';
import { SshError } from '../../../server/src/ssh/errors';
import { execArgv } from '../../../server/src/ssh/exec';
import { requirePeer } from '../../support/peers';
import { SSHD_PACKAGES, startSshd, type TestSshd } from '../../support/sshd/sshd';

const skip = requirePeer('/usr/sbin/sshd', SSHD_PACKAGES);

describe('keyboard-interactive login', { skip }, () => {
  let sshd: TestSshd;
  before(async () => {
    sshd = await startSshd({ keyboardInteractive: true });
  });
  after(async () => {
    await sshd?.stop();
  });
  const login = (password: string) =>
    connect({ host: sshd.host, port: sshd.port, user: sshd.user, auth: { agent: false, password: async () => password }, hostKeys: { knownHostsFiles: [sshd.knownHosts] }, timeoutMs: 10_000 });

  it('answers the PAM password prompt', async () => {
    const client = await login(sshd.password);
    try {
      assert.equal((await execArgv(client, ['id', '-un'])).stdout.trim(), sshd.user);
    } finally {
      client.end();
    }
  });

  it('reports a wrong password as an authentication failure without the password', async () => {
    await assert.rejects(login('Bad-kbd-7731'), (e: unknown) => e instanceof SshError && e.kind === 'auth' && /tried keyboard-interactive/.test(e.message) && !e.message.includes('Bad-kbd-7731'));
  });
});
