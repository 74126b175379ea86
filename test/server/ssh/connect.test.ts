// Logging in to a real OpenSSH server on loopback with every method the issue lists, and refusing
// to when the host key is unknown or changed, before anything of ours reaches the server.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Client } from 'ssh2';
import { connect, type ConnectOptions } from '../../../server/src/ssh/connect';
import { SshError } from '../../../server/src/ssh/errors';
import { execArgv } from '../../../server/src/ssh/exec';
import { requirePeer } from '../../support/peers';
import { hashedCopy, SSHD_PACKAGES, sshRefusal, startAgent, startSshd, type TestSshd } from '../../support/sshd/sshd';

const skip = requirePeer('/usr/sbin/sshd', SSHD_PACKAGES);

describe('ssh connect against a loopback OpenSSH', { skip }, () => {
  let sshd: TestSshd;
  const logs: string[] = [];
  before(async () => {
    sshd = await startSshd();
  });
  after(async () => {
    await sshd?.stop();
  });

  const options = (over: Partial<ConnectOptions> = {}): ConnectOptions => ({
    host: sshd.host,
    port: sshd.port,
    user: sshd.user,
    auth: { agent: false },
    hostKeys: { knownHostsFiles: [sshd.knownHosts] },
    timeoutMs: 10_000,
    log: (m) => logs.push(m),
    ...over,
  });

  async function whoami(client: Client): Promise<string> {
    try {
      const r = await execArgv(client, ['id', '-un']);
      return r.stdout.trim();
    } finally {
      client.end();
    }
  }

  it('logs in with an identity file', async () => {
    assert.equal(await whoami(await connect(options({ auth: { agent: false, identityFile: sshd.key } }))), sshd.user);
  });

  it('logs in with an encrypted identity file, asking for the passphrase once', async () => {
    let asked = 0;
    const passphrase = async () => {
      asked++;
      return sshd.passphrase;
    };
    const client = await connect(options({ auth: { agent: false, identityFile: sshd.encryptedKey, passphrase } }));
    assert.equal(await whoami(client), sshd.user);
    assert.equal(asked, 1);
  });

  it('falls back to the password when the key is not authorized', async () => {
    const client = await connect(options({ auth: { agent: false, identityFile: sshd.strangerKey, password: async () => sshd.password } }));
    assert.equal(await whoami(client), sshd.user);
  });

  it('logs in through an ssh-agent before trying anything else', async () => {
    const agent = await startAgent(sshd.dir, [sshd.key]);
    try {
      let asked = false;
      const client = await connect(
        options({
          auth: {
            agent: agent.socket,
            password: async () => {
              asked = true;
              return 'not-used';
            },
          },
        }),
      );
      assert.equal(await whoami(client), sshd.user);
      assert.equal(asked, false, 'the agent should have been enough');
      assert.match(logs.at(-1) ?? '', /logged in with ssh-agent/);
    } finally {
      await agent.stop();
    }
  });

  it('says authentication failed, naming the methods and never the password, for a wrong password', async () => {
    const wrong = 'Wrong-pw-55aa-secret';
    const t0 = Date.now();
    const err = await sshRefusal(connect(options({ auth: { agent: false, password: async () => wrong } })));
    assert.equal(err.kind, 'auth');
    assert.match(err.message, /authentication failed; tried password/);
    assert.ok(!err.message.includes(wrong));
    assert.ok(Date.now() - t0 < 10_000);
  });

  it('says the passphrase is wrong without showing it', async () => {
    const err = await sshRefusal(
      connect(options({ auth: { agent: false, identityFile: sshd.encryptedKey, passphrase: async () => 'nope-9d1c' } })),
    );
    assert.equal(err.kind, 'auth');
    assert.match(err.message, /passphrase for .* is wrong/);
    assert.ok(!err.message.includes('nope-9d1c'));
  });

  it('gives a clear error for a closed port, well within the timeout', async () => {
    const t0 = Date.now();
    const err = await sshRefusal(connect(options({ port: 1, auth: { agent: false, identityFile: sshd.key } })));
    assert.equal(err.kind, 'connect');
    assert.match(err.message, /connection refused/);
    assert.ok(Date.now() - t0 < 5_000);
  });

  it('times out on a port that accepts but never speaks SSH', async () => {
    const { createServer } = await import('node:net');
    const silent = createServer(() => {});
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    try {
      const port = (silent.address() as { port: number }).port;
      const err = await sshRefusal(connect(options({ port, timeoutMs: 500, auth: { agent: false, identityFile: sshd.key } })));
      assert.equal(err.kind, 'timeout');
      assert.match(err.message, /no SSH session within 500 ms/);
    } finally {
      silent.close();
    }
  });

  it('refuses an unknown host key before authenticating, naming its SHA256 fingerprint', async () => {
    const empty = join(sshd.dir, 'empty_known_hosts');
    writeFileSync(empty, '');
    const fingerprint = readFingerprint(sshd.hostKeyLine);
    const before = acceptedLogins(sshd);
    let asked = false;
    const err = await sshRefusal(
      connect(
        options({
          hostKeys: { knownHostsFiles: [empty] },
          auth: { agent: false, password: async () => ((asked = true), sshd.password) },
        }),
      ),
    );
    assert.equal(err.kind, 'host-key-unknown');
    assert.equal(err.hostKey?.fingerprint, fingerprint);
    assert.ok(err.message.includes(fingerprint));
    assert.equal(asked, false, 'no credential may be asked for before the host key is trusted');
    assert.equal(acceptedLogins(sshd), before);
  });

  it('asks about an unknown key and remembers "always" in its own store only', async () => {
    const empty = join(sshd.dir, 'empty_known_hosts2');
    writeFileSync(empty, '');
    const store = join(sshd.dir, 'store', 'known_hosts');
    let questions = 0;
    const hostKeys = { knownHostsFiles: [empty], storeFile: store, askUnknown: async () => (questions++, 'always' as const) };
    assert.equal(await whoami(await connect(options({ hostKeys, auth: { agent: false, identityFile: sshd.key } }))), sshd.user);
    assert.equal(await whoami(await connect(options({ hostKeys, auth: { agent: false, identityFile: sshd.key } }))), sshd.user);
    assert.equal(questions, 1);
    assert.equal(readFileSync(empty, 'utf8'), '');
    assert.match(readFileSync(store, 'utf8'), new RegExp(`^\\[127\\.0\\.0\\.1\\]:${sshd.port} ssh-ed25519 `));
  });

  it('refuses a changed host key loudly, naming the old and new fingerprints, without asking', async () => {
    const changed = join(sshd.dir, 'changed_known_hosts');
    writeFileSync(changed, `[127.0.0.1]:${sshd.port} ${sshd.otherHostKeyLine}\n`);
    let asked = false;
    const err = await sshRefusal(
      connect(
        options({
          hostKeys: { knownHostsFiles: [changed], askUnknown: async () => ((asked = true), 'always') },
          auth: { agent: false, identityFile: sshd.key },
        }),
      ),
    );
    assert.equal(err.kind, 'host-key-changed');
    assert.equal(asked, false);
    assert.match(err.message, /HAS CHANGED/);
    assert.ok(err.message.includes(readFingerprint(sshd.hostKeyLine)));
    assert.ok(err.message.includes(readFingerprint(sshd.otherHostKeyLine)));
  });

  it('accepts hashed known_hosts entries written by ssh-keygen -H', async () => {
    const hashed = hashedCopy(sshd.knownHosts, join(sshd.dir, 'hashed_known_hosts'));
    assert.match(readFileSync(hashed, 'utf8'), /^\|1\|/);
    const client = await connect(options({ hostKeys: { knownHostsFiles: [hashed] }, auth: { agent: false, identityFile: sshd.key } }));
    assert.equal(await whoami(client), sshd.user);
  });

  it('cancels a login in progress', async () => {
    const ctl = new AbortController();
    const pending = connect(options({ signal: ctl.signal, auth: { agent: false, password: () => new Promise(() => {}) } }));
    setImmediate(() => ctl.abort());
    const err = await sshRefusal(pending);
    assert.equal(err.kind, 'cancelled');
  });

  it('stops a remote command at its deadline and on cancel', async () => {
    const client = await connect(options({ auth: { agent: false, identityFile: sshd.key } }));
    try {
      const t0 = Date.now();
      await assert.rejects(execArgv(client, ['sleep', '30'], { timeoutMs: 300 }), (e: unknown) => e instanceof SshError && e.kind === 'timeout');
      const ctl = new AbortController();
      const pending = execArgv(client, ['sleep', '30'], { signal: ctl.signal });
      setImmediate(() => ctl.abort());
      await assert.rejects(pending, (e: unknown) => e instanceof SshError && e.kind === 'cancelled');
      assert.ok(Date.now() - t0 < 5_000);
      assert.equal((await execArgv(client, ['echo', 'still usable'])).stdout, 'still usable\n');
    } finally {
      client.end();
    }
  });

  it('never logs a secret', () => {
    const text = logs.join('\n');
    for (const secret of [sshd.password, sshd.passphrase]) assert.ok(!text.includes(secret));
    assert.ok(logs.length > 0);
  });
});

function readFingerprint(line: string): string {
  const blob = Buffer.from(line.split(' ')[1], 'base64');
  return 'SHA256:' + createHash('sha256').update(blob).digest('base64').replace(/=+$/, '');
}

/** How many logins sshd has accepted so far, from its log. */
function acceptedLogins(sshd: TestSshd): number {
  return (readFileSync(sshd.log, 'utf8').match(/Accepted (?:publickey|password|keyboard-interactive)/g) ?? []).length;
}
