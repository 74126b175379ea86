// Hostile SMTP peers beyond hostile.test.ts: servers that send gigabytes (in plaintext and inside
// TLS) and a server that renegotiates TLS. The probe must cut each one off in bounded time and
// memory, with a clear failure of the right stage, or carry on correctly; never hang or crash.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { TLSSocket } from 'node:tls';
import { probe } from '../../../server/src/smtp/probe';
import type { ProbeOptions, ProbeResult } from '../../../server/src/smtp/types';
import { makeCertificates } from '../../support/lab/certificates';
import { requirePeer } from '../../support/peers';
import { hostile } from '../../support/hostileServer';

const GIB = 1024 ** 3;
const CHUNK = 1024 * 1024;
/** Far below what a gigabyte would cost if the probe buffered it. */
const MAX_RSS_GROWTH_MB = 64;


/** Writes `chunk` over and over, as fast as the peer reads, until a gigabyte or the peer is gone. */
function flood(socket: Socket, chunk: Buffer, sent: { bytes: number }): void {
  const pump = () => {
    while (!socket.destroyed && sent.bytes < GIB) {
      sent.bytes += chunk.length;
      if (!socket.write(chunk)) return void socket.once('drain', pump);
    }
    socket.end();
  };
  pump();
}

/** Reads lines from a socket until `onLine` returns true (it took over the socket). */
function lines(socket: Socket, onLine: (line: string) => boolean | void): void {
  let pending = '';
  const onData = (chunk: Buffer) => {
    pending += chunk.toString('latin1');
    let nl;
    while ((nl = pending.indexOf('\n')) >= 0) {
      const line = pending.slice(0, nl).replace(/\r$/, '');
      pending = pending.slice(nl + 1);
      if (onLine(line)) return void socket.off('data', onData);
    }
  };
  socket.on('data', onData);
}

function failedStage(r: ProbeResult) {
  const failed = r.stages.filter((s) => !s.ok);
  assert.equal(failed.length, 1, `exactly one failed stage in ${JSON.stringify(r.stages)}`);
  return failed[0];
}

const rssMb = () => process.memoryUsage().rss / (1024 * 1024);

/** Runs the probe, returning its result and how much this process's resident memory grew. */
async function measured(opts: ProbeOptions): Promise<{ r: ProbeResult; grewMb: number }> {
  const before = rssMb();
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb())), 5);
  try {
    const r = await probe(opts);
    return { r, grewMb: Math.max(peak, rssMb()) - before };
  } finally {
    clearInterval(sampler);
  }
}

describe('SMTP probe against peers that send gigabytes', { timeout: 60_000 }, () => {
  it('cuts off a banner that never ends a line', async () => {
    const sent = { bytes: 0 };
    const port = await hostile((socket) => flood(socket, Buffer.alloc(CHUNK, 'A'), sent));
    const { r, grewMb } = await measured({ host: '127.0.0.1', port, tls: 'starttls', timeoutMs: 5000 });
    const stage = failedStage(r);
    assert.equal(stage.name, 'banner');
    assert.match(stage.detail, /longer than 4096 bytes/);
    assert.ok(sent.bytes < 256 * CHUNK, `the server got ${sent.bytes} bytes out before the probe hung up`);
    assert.ok(grewMb < MAX_RSS_GROWTH_MB, `RSS grew by ${grewMb.toFixed(1)} MB`);
  });

  it('cuts off a multi-line banner that never ends', async () => {
    const sent = { bytes: 0 };
    const port = await hostile((socket) => flood(socket, Buffer.from('220-more to come\r\n'.repeat(CHUNK / 18)), sent));
    const { r, grewMb } = await measured({ host: '127.0.0.1', port, tls: 'starttls', timeoutMs: 5000 });
    const stage = failedStage(r);
    assert.equal(stage.name, 'banner');
    assert.match(stage.detail, /reply longer than 65536 bytes/);
    assert.ok(sent.bytes < 256 * CHUNK, `the server got ${sent.bytes} bytes out before the probe hung up`);
    assert.ok(grewMb < MAX_RSS_GROWTH_MB, `RSS grew by ${grewMb.toFixed(1)} MB`);
  });

  it('cuts off a stream of complete replies nobody asked for', async () => {
    const sent = { bytes: 0 };
    // The first one is the banner; the probe must not queue the rest.
    const port = await hostile((socket) => flood(socket, Buffer.from('220 flood.example ESMTP\r\n'.repeat(CHUNK / 25)), sent));
    const { r, grewMb } = await measured({ host: '127.0.0.1', port, tls: 'starttls', timeoutMs: 5000 });
    const stage = failedStage(r);
    assert.ok(r.stages.some((s) => s.name === 'banner' && s.ok), 'the first reply was the banner');
    assert.match(stage.detail, /keeps sending replies nobody asked for/);
    assert.ok(sent.bytes < 256 * CHUNK, `the server got ${sent.bytes} bytes out before the probe hung up`);
    assert.ok(grewMb < MAX_RSS_GROWTH_MB, `RSS grew by ${grewMb.toFixed(1)} MB`);
  });
});

describe('SMTP probe against hostile TLS peers', { timeout: 60_000 }, () => {
  let cert: { key: string; cert: string } | undefined;
  let skip: string | undefined;
  before(() => {
    skip = requirePeer('openssl', ['openssl']);
    if (skip) return;
    const dir = join(tmpdir(), 'mailconf-hostile-extra-certs');
    mkdirSync(dir, { recursive: true });
    makeCertificates(dir);
    cert = { key: readFileSync(join(dir, 'good.key'), 'utf8'), cert: readFileSync(join(dir, 'good.pem'), 'utf8') };
  });

  /** A plaintext SMTP server that agrees to STARTTLS, then hands the TLS socket to `secure`. */
  function starttlsServer(secure: (tls: TLSSocket) => void, maxVersion: 'TLSv1.2' | 'TLSv1.3' = 'TLSv1.3') {
    return hostile((socket) => {
      socket.write('220 hostile.example ESMTP\r\n');
      lines(socket, (line) => {
        if (/^EHLO/i.test(line)) socket.write('250-hostile.example\r\n250 STARTTLS\r\n');
        else if (/^STARTTLS/i.test(line)) {
          socket.write('220 go ahead\r\n');
          const tls = new TLSSocket(socket, { isServer: true, key: cert!.key, cert: cert!.cert, maxVersion });
          tls.on('error', () => {});
          secure(tls);
          return true;
        } else socket.write('250 ok\r\n');
      });
    });
  }

  it('cuts off gigabytes sent inside TLS after STARTTLS', async (t) => {
    if (skip) return t.skip(skip);
    const sent = { bytes: 0 };
    const port = await starttlsServer((tls) => tls.once('secure', () => flood(tls as unknown as Socket, Buffer.alloc(CHUNK, 'B'), sent)));
    const { r, grewMb } = await measured({ host: '127.0.0.1', port, tls: 'starttls', insecure: true, timeoutMs: 5000 });
    const stage = failedStage(r);
    assert.equal(stage.name, 'ehlo-tls');
    assert.match(stage.detail, /longer than 4096 bytes/);
    assert.ok(sent.bytes < 256 * CHUNK, `the server got ${sent.bytes} bytes out before the probe hung up`);
    assert.ok(grewMb < MAX_RSS_GROWTH_MB, `RSS grew by ${grewMb.toFixed(1)} MB`);
  });

  it('carries on through a TLS 1.2 renegotiation the server starts, and reports the session', async (t) => {
    if (skip) return t.skip(skip);
    let renegotiated: Error | null | undefined;
    const port = await starttlsServer((tls) => {
      tls.once('secure', () => {
        // Before answering the first command over TLS: the client must handle a HelloRequest.
        tls.renegotiate({ rejectUnauthorized: false }, (err) => {
          renegotiated = err ?? null;
          lines(tls as unknown as Socket, (line) => {
            if (/^EHLO/i.test(line)) tls.write('250-hostile.example\r\n250 AUTH PLAIN\r\n');
            else if (/^QUIT/i.test(line)) tls.end('221 bye\r\n');
            else tls.write('250 ok\r\n');
          });
        });
      });
    }, 'TLSv1.2');
    const r = await probe({ host: '127.0.0.1', port, tls: 'starttls', insecure: true, timeoutMs: 3000 });
    // Either outcome is acceptable as long as it is clear: a finished session, or a TLS stage failure.
    if (renegotiated === null) {
      assert.ok(r.stages.find((s) => s.name === 'ehlo-tls')?.ok, `EHLO over TLS after the renegotiation: ${JSON.stringify(r.stages)}`);
      assert.match(r.tls?.protocol ?? '', /TLSv1\.2/);
    } else {
      const stage = failedStage(r);
      assert.match(stage.name, /tls/);
      assert.ok(stage.detail.length > 0);
    }
  });

  it('times out on a server that renegotiates over and over instead of answering', async (t) => {
    if (skip) return t.skip(skip);
    let rounds = 0;
    const port = await starttlsServer((tls) => {
      const again = () => {
        if (tls.destroyed || rounds >= 1000) return;
        rounds++;
        tls.renegotiate({ rejectUnauthorized: false }, (err) => (err ? undefined : again()));
      };
      tls.once('secure', again);
    }, 'TLSv1.2');
    const started = Date.now();
    const r = await probe({ host: '127.0.0.1', port, tls: 'starttls', insecure: true, timeoutMs: 1000 });
    const stage = failedStage(r);
    assert.equal(stage.name, 'ehlo-tls');
    assert.match(stage.detail, /no complete reply within 1000 ms|closed/);
    assert.ok(Date.now() - started < 10_000, 'bounded by the reply deadline');
  });
});
