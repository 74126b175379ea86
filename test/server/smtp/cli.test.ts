// `mailconf smtp-test` argument handling and exit codes that need no mail server.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';

const CLI = resolve(__dirname, '../../../dist/cli.js');
const run = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [CLI, 'smtp-test', ...args], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 20_000 });

describe('mailconf smtp-test arguments', () => {
  it('documents every exit status in --help', () => {
    const r = run(['--help']);
    assert.equal(r.status, 0);
    for (const code of [0, 2, 3, 4, 5, 6, 7, 8, 9]) assert.match(r.stdout, new RegExp(`^  ${code}  `, 'm'), `exit status ${code}`);
    assert.match(r.stdout, /--password-env VAR/);
  });

  it('never takes a password as an argument', () => {
    const r = run(['127.0.0.1', '--port', '25', '--user', 'bob', '--password', 'hunter2']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /passwords are never taken as arguments; use --password-env/);
    assert.ok(!r.stderr.includes('hunter2'));
  });

  it('refuses bad or missing options with exit status 2', () => {
    assert.match(run(['127.0.0.1']).stderr, /--port must be a number/);
    assert.match(run(['127.0.0.1', '--port', '25', '--tls', 'maybe']).stderr, /--tls must be one of auto, starttls, implicit, none/);
    assert.match(run(['127.0.0.1', '--port', '25', '--expect', 'relay']).stderr, /--expect must be one of mx, smtps, submission/);
    assert.match(run(['127.0.0.1', '--port', '25', '--ca', 'x.pem', '--insecure']).stderr, /exclude each other/);
    assert.match(run(['127.0.0.1', '--port', '25', '--user', 'bob', '--password-env', 'NOPE_UNSET_VAR']).stderr, /NOPE_UNSET_VAR is not set/);
    assert.equal(run(['127.0.0.1', '--port', '25', '--ca', '/nonexistent/ca.pem']).status, 2);
  });

  it('exits 3 with the connect stage in the JSON when nothing listens', async () => {
    const server = createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    await new Promise((r) => server.close(r));
    const r = run(['127.0.0.1', '--port', String(port), '--json', '--timeout', '2']);
    assert.equal(r.status, 3);
    const json = JSON.parse(r.stdout);
    assert.equal(json.ok, false);
    assert.deepEqual(json.stages.map((s: { name: string; ok: boolean }) => [s.name, s.ok]), [['connect', false]]);
    assert.equal(json.tls, null);
    assert.ok(!('transcript' in json));
  });
});
