// The SMTP probe and the port lenses through the language server, as Neovim or VS Code use them.
import assert from 'node:assert/strict';
import { createServer, type Server, type Socket } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { LspClient } from '../../support/lspClient';

const PASSWORD = 'srv-Pw-55e1b0';

describe('mailconf.lsp.smtp.probe and code lenses over LSP', { timeout: 20_000 }, () => {
  let client: LspClient;
  let init: any;
  let server: Server;
  let port: number;
  const sockets = new Set<Socket>();
  let hanging: () => void = () => {};
  /** A plaintext server that accepts AUTH PLAIN; with `hang` in the EHLO name it never greets. */
  before(async () => {
    server = createServer((socket) => {
      sockets.add(socket);
      socket.on('error', () => {});
      socket.write('220 fake.example ESMTP\r\n');
      socket.on('data', (d) => {
        for (const line of d.toString('latin1').split('\r\n').filter(Boolean)) {
          if (line.startsWith('EHLO hang')) {
            hanging();
            continue;
          }
          if (line.startsWith('EHLO')) socket.write('250-fake.example\r\n250 AUTH PLAIN\r\n');
          else if (line.startsWith('AUTH')) socket.write('235 2.7.0 Authentication successful\r\n');
          else if (line === 'QUIT') socket.end('221 Bye\r\n');
          else socket.write('250 OK\r\n');
        }
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as { port: number }).port;
    client = new LspClient();
    init = await client.initialize();
  });
  after(async () => {
    await client.shutdown();
    for (const s of sockets) s.destroy();
    server.close();
  });

  it('announces the probe command and code lenses', () => {
    assert.ok(init.capabilities.executeCommandProvider.commands.includes('mailconf.lsp.smtp.probe'));
    assert.ok(init.capabilities.codeLensProvider);
  });

  it('runs the probe and answers the result without the password anywhere', async () => {
    const r = await client.request('workspace/executeCommand', {
      command: 'mailconf.lsp.smtp.probe',
      arguments: [{ host: '127.0.0.1', port, tls: 'none', user: 'bob', password: PASSWORD, allowPlaintextAuth: true, timeoutMs: 2000 }],
    });
    assert.equal(r.ok, true);
    assert.deepEqual(r.stages.map((s: any) => s.name), ['connect', 'banner', 'ehlo', 'auth']);
    assert.equal(r.auth.ok, true);
    const everything = JSON.stringify(r) + JSON.stringify(client.notifications) + client.stderr;
    assert.ok(!everything.includes(PASSWORD));
    assert.ok(!everything.includes(Buffer.from(`\0bob\0${PASSWORD}`).toString('base64')));
  });

  it('asks the client for the password only when the session reaches AUTH, with askPassword', async () => {
    const asked: unknown[] = [];
    client.answers.set('mailconf/smtp/password', (params) => (asked.push(params), PASSWORD));
    try {
      const probe = (p: number) =>
        client.request('workspace/executeCommand', {
          command: 'mailconf.lsp.smtp.probe',
          arguments: [{ host: '127.0.0.1', port: p, tls: 'none', user: 'bob', askPassword: true, allowPlaintextAuth: true, timeoutMs: 2000 }],
        });
      const closed = createServer();
      await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
      const closedPort = (closed.address() as { port: number }).port;
      await new Promise((r) => closed.close(r));
      const refused = await probe(closedPort);
      assert.equal(refused.stages.at(-1).name, 'connect');
      assert.deepEqual(asked, [], 'nobody is asked for a password for a port that does not answer');

      const r = await probe(port);
      assert.deepEqual(asked, [{ host: '127.0.0.1', port, user: 'bob' }]);
      assert.deepEqual(r.stages.map((s: any) => s.name), ['connect', 'banner', 'ehlo', 'auth']);
      assert.equal(r.auth.ok, true);
      assert.ok(!JSON.stringify(r).includes(PASSWORD));
    } finally {
      client.answers.delete('mailconf/smtp/password');
    }
  });

  it('skips AUTH when the client gives no password', async () => {
    const r = await client.request('workspace/executeCommand', {
      command: 'mailconf.lsp.smtp.probe',
      arguments: [{ host: '127.0.0.1', port, tls: 'none', user: 'bob', askPassword: true, allowPlaintextAuth: true, timeoutMs: 2000 }],
    });
    assert.deepEqual(r.stages.map((s: any) => s.name), ['connect', 'banner', 'ehlo']);
    assert.equal(r.ok, true);
  });

  it('refuses bad arguments with a message naming the field', async () => {
    await assert.rejects(
      client.request('workspace/executeCommand', { command: 'mailconf.lsp.smtp.probe', arguments: [{ host: 'x', port: 'twenty-five' }] }),
      /'port' must be a number/,
    );
  });

  it('stops the probe when the request is cancelled', async () => {
    const id = (client as any).nextId as number;
    const waiting = new Promise<void>((r) => (hanging = r));
    const pending = client.request('workspace/executeCommand', {
      command: 'mailconf.lsp.smtp.probe',
      arguments: [{ host: '127.0.0.1', port, tls: 'none', ehloName: 'hang.example', timeoutMs: 60_000 }],
    });
    await waiting; // the probe now waits for an EHLO reply that never comes
    client.notify('$/cancelRequest', { id });
    const outcome = await pending.then((r) => r, (e: Error) => e);
    if (outcome instanceof Error) assert.match(outcome.message, /cancel/i);
    else assert.equal(outcome.stages.at(-1).detail, 'cancelled');
  });

  it('stops and withdraws the password question when the request is cancelled while asking', async () => {
    let asked!: () => void;
    const asking = new Promise<void>((r) => (asked = r));
    // A person who never answers.
    client.answers.set('mailconf/smtp/password', () => (asked(), new Promise(() => {})));
    try {
      const id = (client as any).nextId as number;
      const pending = client.request('workspace/executeCommand', {
        command: 'mailconf.lsp.smtp.probe',
        arguments: [{ host: '127.0.0.1', port, tls: 'none', user: 'bob', askPassword: true, allowPlaintextAuth: true, timeoutMs: 60_000 }],
      });
      await asking;
      client.notify('$/cancelRequest', { id });
      const outcome = await pending.then((r) => r, (e: Error) => e);
      if (outcome instanceof Error) assert.match(outcome.message, /cancel/i);
      else assert.deepEqual([outcome.stages.at(-1).name, outcome.stages.at(-1).detail, outcome.ok], ['auth', 'cancelled', false]);
      // The server takes its question back, so the editor can close the prompt.
      await client.waitFor((m) => m.method === '$/cancelRequest');
    } finally {
      client.answers.delete('mailconf/smtp/password');
    }
  });

  it('offers "▶ Test port 587" above a master.cf submission line', async () => {
    const uri = 'file:///lab/postfix/master.cf';
    client.open(uri, 'postfix-master', 'smtp inet n - y - - smtpd\nsubmission inet n - y - - smtpd\n  -o smtpd_sasl_auth_enable=yes\n');
    const lenses = await client.request('textDocument/codeLens', { textDocument: { uri } });
    // (each smtpd line also has "▶ Simulate")
    const tests = lenses.filter((l: any) => l.command.title.startsWith('▶ Test port'));
    assert.deepEqual(tests.map((l: any) => [l.range.start.line, l.command.title]), [[0, '▶ Test port 25'], [1, '▶ Test port 587']]);
  });
});
