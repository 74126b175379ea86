// Broken and hostile SMTP servers, written here with net on loopback: each one must end the probe
// in bounded time with a clear failure of the right stage, and never crash it.
import assert from 'node:assert/strict';
import { createServer, type Socket } from 'node:net';
import { describe, it } from 'node:test';
import { probe } from '../../../server/src/smtp/probe';
import type { ProbeOptions, ProbeResult } from '../../../server/src/smtp/types';
import { hostile } from '../../support/hostileServer';


/** Replies line by line: `script` maps each received command to the reply to send. */
function scripted(banner: string, script: (command: string, socket: Socket) => string | undefined) {
  return (socket: Socket) => {
    socket.write(banner);
    let pending = '';
    socket.on('data', (chunk) => {
      pending += chunk.toString('latin1');
      let nl;
      while ((nl = pending.indexOf('\n')) >= 0) {
        const line = pending.slice(0, nl).replace(/\r$/, '');
        pending = pending.slice(nl + 1);
        const reply = script(line, socket);
        if (reply !== undefined && !socket.destroyed) socket.write(reply);
      }
    });
  };
}

function failedStage(r: ProbeResult) {
  const failed = r.stages.filter((s) => !s.ok);
  assert.equal(failed.length, 1, `exactly one failed stage in ${JSON.stringify(r.stages)}`);
  assert.equal(r.ok, false);
  return failed[0];
}

const run = (port: number, extra: Partial<ProbeOptions> = {}) =>
  probe({ host: '127.0.0.1', port, tls: 'starttls', timeoutMs: 400, ...extra });

describe('SMTP probe against hostile servers', { timeout: 15_000 }, () => {
  it('fails the banner stage when the banner never comes', async () => {
    const port = await hostile(() => {});
    const stage = failedStage(await run(port));
    assert.equal(stage.name, 'banner');
    assert.match(stage.detail, /no complete reply within 400 ms/);
  });

  it('fails the banner stage when the banner trickles one byte per second', async () => {
    const port = await hostile((socket) => {
      const text = '220 slow.example ESMTP\r\n';
      let i = 0;
      socket.write(text[i++]);
      const timer = setInterval(() => (i < text.length && !socket.destroyed ? socket.write(text[i++]) : clearInterval(timer)), 1000);
      socket.on('close', () => clearInterval(timer));
    });
    const r = await run(port, { timeoutMs: 1500 });
    const stage = failedStage(r);
    assert.equal(stage.name, 'banner');
    assert.match(stage.detail, /no complete reply within 1500 ms/);
  });

  it('cuts a never-ending line at 4 KiB', async () => {
    const port = await hostile((socket) => {
      const chunk = Buffer.alloc(1024, 'A');
      const pump = () => {
        while (!socket.destroyed && socket.write(chunk));
        if (!socket.destroyed) socket.once('drain', pump);
      };
      pump();
    });
    const stage = failedStage(await run(port, { timeoutMs: 5000 }));
    assert.equal(stage.name, 'banner');
    assert.match(stage.detail, /line longer than 4096 bytes/);
  });

  it('cuts a multi-line reply over 64 KiB', async () => {
    const line = `250-${'x'.repeat(1000)}\r\n`;
    const port = await hostile(
      scripted('220 big.example ESMTP\r\n', (cmd) => (cmd.startsWith('EHLO') ? line.repeat(80) + '250 OK\r\n' : undefined)),
    );
    const stage = failedStage(await run(port, { timeoutMs: 5000 }));
    assert.equal(stage.name, 'ehlo');
    assert.match(stage.detail, /reply longer than 65536 bytes/);
  });

  it('rejects binary garbage as not SMTP', async () => {
    const port = await hostile((socket) => socket.write(Buffer.from([0x16, 0x03, 0x01, 0x00, 0xff, 0x0a, 0x00, 0x01, 0x0d, 0x0a])));
    const stage = failedStage(await run(port));
    assert.equal(stage.name, 'banner');
    assert.match(stage.detail, /not an SMTP reply/);
  });

  it('reports a 421 greeting as a refused session with its text', async () => {
    const port = await hostile(scripted('421 4.3.2 busy.example Service shutting down\r\n', () => undefined));
    const r = await run(port);
    const stage = failedStage(r);
    assert.equal(stage.name, 'banner');
    assert.match(stage.detail, /refused the session: 421 4\.3\.2 busy\.example Service shutting down/);
    assert.match(r.banner, /^421 /);
  });

  it('fails the TLS stage when the server drops the connection mid-handshake', async () => {
    let upgraded = false;
    const port = await hostile(
      scripted('220 drop.example ESMTP\r\n', (cmd, socket) => {
        if (upgraded) return socket.destroy(), undefined;
        if (cmd.startsWith('EHLO')) return '250-drop.example\r\n250 STARTTLS\r\n';
        if (cmd === 'STARTTLS') {
          upgraded = true;
          socket.once('data', () => socket.destroy());
          return '220 2.0.0 Ready to start TLS\r\n';
        }
        return undefined;
      }),
    );
    const stage = failedStage(await run(port));
    assert.equal(stage.name, 'tls');
    assert.match(stage.detail, /TLS handshake|closed the connection|reset/);
  });

  it('fails the TLS stage when implicit TLS meets a plaintext server', async () => {
    const port = await hostile(scripted('220 plain.example ESMTP\r\n', () => undefined));
    const stage = failedStage(await run(port, { tls: 'implicit' }));
    assert.equal(stage.name, 'tls');
    assert.match(stage.detail, /TLS handshake/);
  });

  it('refuses plaintext that follows the 220 to STARTTLS (command injection)', async () => {
    const port = await hostile(
      scripted('220 inject.example ESMTP\r\n', (cmd) => {
        if (cmd.startsWith('EHLO')) return '250-inject.example\r\n250 STARTTLS\r\n';
        if (cmd === 'STARTTLS') return '220 Ready\r\n250 injected\r\n';
        return undefined;
      }),
    );
    const stage = failedStage(await run(port));
    assert.equal(stage.name, 'starttls');
    assert.match(stage.detail, /sent data right after agreeing to STARTTLS/);
  });

  it('fails the connect stage when the connection is refused', async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as { port: number }).port;
    await new Promise((resolve) => server.close(resolve));
    const stage = failedStage(await run(port));
    assert.equal(stage.name, 'connect');
    assert.match(stage.detail, /connection refused/);
  });

  it('says what failed in the language asked for', async () => {
    const silent = await hostile(() => {});
    const stage = failedStage(await run(silent, { locale: 'es' }));
    assert.deepEqual([stage.name, stage.detail], ['banner', 'ninguna respuesta completa en 400 ms']);
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const closed = (server.address() as { port: number }).port;
    await new Promise((resolve) => server.close(resolve));
    assert.match(failedStage(await run(closed, { locale: 'es' })).detail, /^conexión rechazada: nada escucha en ese puerto/);
    const noTls = await hostile(scripted('220 plain.example ESMTP\r\n', (cmd) => (cmd.startsWith('EHLO') ? '250 plain.example\r\n' : '250 OK\r\n')));
    assert.equal(failedStage(await run(noTls, { locale: 'es' })).detail, 'el servidor no ofrece STARTTLS');
  });

  it('stops when cancelled, with the stage marked cancelled', async () => {
    const controller = new AbortController();
    const port = await hostile(() => controller.abort());
    const stage = failedStage(await run(port, { timeoutMs: 10_000, signal: controller.signal }));
    assert.equal(stage.detail, 'cancelled');
  });

  it('stops while the password is being asked when cancelled, and closes the connection', async () => {
    const controller = new AbortController();
    let closed!: () => void;
    const connectionClosed = new Promise<void>((resolve) => (closed = resolve));
    const port = await hostile((socket) => {
      socket.on('close', closed);
      scripted('220 auth.example ESMTP\r\n', (cmd) => (cmd.startsWith('EHLO') ? '250-auth.example\r\n250 AUTH PLAIN\r\n' : '250 OK\r\n'))(socket);
    });
    // The question waits for a person who never answers; the run is cancelled meanwhile.
    const passwordWhenNeeded = () => {
      controller.abort();
      return new Promise<string | undefined>(() => {});
    };
    const r = await run(port, { tls: 'none', user: 'bob', allowPlaintextAuth: true, timeoutMs: 10_000, signal: controller.signal, passwordWhenNeeded });
    const stage = failedStage(r);
    assert.deepEqual([stage.name, stage.detail], ['auth', 'cancelled']);
    await connectionClosed;
  });

  it('falls back to HELO when EHLO is refused', async () => {
    const port = await hostile(
      scripted('220 old.example SMTP\r\n', (cmd) => (cmd.startsWith('EHLO') ? '502 5.5.2 Error: command not recognized\r\n' : cmd.startsWith('HELO') ? '250 old.example\r\n' : '250 OK\r\n')),
    );
    const r = await run(port, { tls: 'none' });
    assert.deepEqual(r.stages.map((s) => [s.name, s.ok]), [['connect', true], ['banner', true], ['ehlo', true]]);
    assert.match(r.stages[2].detail, /HELO accepted/);
    assert.equal(r.ok, true);
  });

  it('never sends credentials over plaintext unless allowed, and redacts them when allowed', async () => {
    const password = 'plain-Pw-3391';
    const received: string[] = [];
    const port = await hostile(
      scripted('220 plain.example ESMTP\r\n', (cmd) => {
        received.push(cmd);
        if (cmd.startsWith('EHLO')) return '250-plain.example\r\n250 AUTH PLAIN LOGIN\r\n';
        if (cmd.startsWith('AUTH PLAIN')) return '235 2.7.0 Authentication successful\r\n';
        return '250 OK\r\n';
      }),
    );
    const refused = await run(port, { tls: 'none', user: 'bob', password });
    assert.equal(failedStage(refused).name, 'auth');
    assert.match(failedStage(refused).detail, /never sent over an unencrypted connection/);
    assert.ok(!received.some((c) => c.startsWith('AUTH')), 'no AUTH command reached the server');

    const allowed = await run(port, { tls: 'none', user: 'bob', password, allowPlaintextAuth: true });
    assert.equal(allowed.ok, true);
    assert.deepEqual(allowed.auth, { mechanisms: ['PLAIN', 'LOGIN'], tried: 'PLAIN', ok: true, code: 235 });
    const json = JSON.stringify(allowed);
    assert.ok(!json.includes(password), 'the password is not in the result');
    assert.ok(!json.includes(Buffer.from(`\0bob\0${password}`).toString('base64')), 'nor its base64 form');
    assert.ok(allowed.transcript.some((l) => l.dir === 'C' && l.text === 'AUTH PLAIN ***'));
  });
});
