// One login per server: concurrent and later callers share the connection, a quiet connection is
// closed after the idle time, and a failed login is not remembered.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { after, before, describe, it } from 'node:test';
import type { Client } from 'ssh2';
import { connect } from '../../../server/src/ssh/connect';
import { execArgv } from '../../../server/src/ssh/exec';
import { SshPool } from '../../../server/src/ssh/pool';
import { requirePeer } from '../../support/peers';
import { SSHD_PACKAGES, startSshd, type TestSshd } from '../../support/sshd/sshd';

const skip = requirePeer('/usr/sbin/sshd', SSHD_PACKAGES);

describe('SSH connection pool', { skip }, () => {
  let sshd: TestSshd;
  let opened = 0;
  before(async () => {
    sshd = await startSshd();
  });
  after(async () => {
    await sshd?.stop();
  });
  const open = (identityFile = sshd.key) => () => {
    opened++;
    return connect({ host: sshd.host, port: sshd.port, user: sshd.user, auth: { agent: false, identityFile }, hostKeys: { knownHostsFiles: [sshd.knownHosts] } });
  };

  it('shares one login between concurrent and later callers, and closes it when idle', async () => {
    const pool = new SshPool(200);
    opened = 0;
    const seen: Client[] = [];
    const use = async (c: Client) => {
      seen.push(c);
      return (await execArgv(c, ['echo', 'hi'])).stdout;
    };
    const outs = await Promise.all([pool.with('lab', open(), use), pool.with('lab', open(), use), pool.with('lab', open(), use)]);
    assert.deepEqual(outs, ['hi\n', 'hi\n', 'hi\n']);
    assert.equal(await pool.with('lab', open(), use), 'hi\n');
    assert.equal(opened, 1);
    assert.ok(seen.every((c) => c === seen[0]));
    await once(seen[0], 'close');
    assert.equal(pool.has('lab'), false);
  });

  it('does not keep a failed login, so the next call tries again', async () => {
    const pool = new SshPool();
    opened = 0;
    await assert.rejects(pool.with('lab', open(sshd.strangerKey), async () => 'never'), /authentication failed/);
    assert.equal(pool.has('lab'), false);
    assert.equal(await pool.with('lab', open(), async () => 'ok'), 'ok');
    assert.equal(opened, 2);
    pool.dispose();
  });
});
