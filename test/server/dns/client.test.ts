// The DNS client against a real named on loopback (answers, NXDOMAIN, truncation and the TCP
// fallback), and against hostile servers written here, each of which must end in bounded time
// with the right kind of error.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import { createServer, type Server, type Socket } from 'node:net';
import { after, before, describe, it } from 'node:test';
import * as packet from 'dns-packet';
import { DnsError, MAX_STRAY, parseServer, query, serverText, transferZone } from '../../../server/src/dns/client';
import { startNamed, type Named } from '../../support/named';
import { requireNamed } from '../../support/namedPeer';
import { requirePeer } from '../../support/peers';

const BIG_TXT = Array.from({ length: 20 }, (_, i) => `big IN TXT "${String(i).padStart(2, '0')}${'x'.repeat(200)}"`).join('\n');
const ZONE = `$ORIGIN lab.test.
$TTL 300
@ IN SOA ns hostmaster 2026120301 3600 600 86400 300
@ IN NS ns
@ IN MX 10 mail
ns IN A 127.0.0.1
mail IN A 127.0.0.2
mail IN AAAA 2001:db8:0:0::25
smtp IN CNAME mail
_25._tcp.mail IN TLSA 3 1 1 ${'ab'.repeat(32)}
${BIG_TXT}
`;

describe('DNS client against a real named', { skip: requireNamed(), timeout: 60_000 }, () => {
  let named: Named;
  const ask = (name: string, type: Parameters<typeof query>[1], extra = {}) => query(name, type, { server: { host: named.host, port: named.port }, timeoutMs: 3000, ...extra });
  before(async () => {
    named = await startNamed([{ origin: 'lab.test.', text: ZONE }]);
  });
  after(async () => named?.stop());

  it('reads the SOA, MX, AAAA, CNAME and TLSA records named serves', async () => {
    const soa = await ask('lab.test', 'SOA');
    assert.equal(soa.rcode, 'NOERROR');
    assert.equal(soa.authoritative, true);
    assert.deepEqual(soa.answers.map((a) => a.data), ['ns.lab.test. hostmaster.lab.test. 2026120301 3600 600 86400 300']);
    assert.deepEqual((await ask('lab.test.', 'MX')).answers.map((a) => a.data), ['10 mail.lab.test.']);
    assert.deepEqual((await ask('MAIL.lab.test', 'AAAA')).answers.map((a) => a.data), ['2001:db8::25']);
    const cname = await ask('smtp.lab.test', 'A');
    assert.deepEqual(cname.answers.map((a) => `${a.name} ${a.type} ${a.data}`), ['smtp.lab.test. CNAME mail.lab.test.', 'mail.lab.test. A 127.0.0.2']);
    assert.deepEqual((await ask('_25._tcp.mail.lab.test', 'TLSA')).answers.map((a) => a.data), [`3 1 1 ${'ab'.repeat(32)}`]);
  });

  it('reports NXDOMAIN with the SOA in the authority section', async () => {
    const r = await ask('nothing.lab.test', 'A');
    assert.equal(r.rcode, 'NXDOMAIN');
    assert.equal(r.answers.length, 0);
    assert.equal(r.authorities[0]?.type, 'SOA');
  });

  it('falls back to TCP when the UDP answer is truncated, and gets every record', async () => {
    const r = await ask('big.lab.test', 'TXT');
    assert.equal(r.transport, 'tcp');
    assert.equal(r.answers.length, 20);
    const small = await ask('mail.lab.test', 'A', { edns: false });
    assert.equal(small.transport, 'udp');
  });

  it('decodes every answer as dig does: names, TTLs and data', { skip: requirePeer('dig', ['bind9-dnsutils']) }, async () => {
    const questions: Array<[string, Parameters<typeof query>[1]]> = [
      ['lab.test.', 'SOA'], ['lab.test.', 'MX'], ['lab.test.', 'NS'], ['mail.lab.test.', 'A'], ['mail.lab.test.', 'AAAA'],
      ['smtp.lab.test.', 'A'], ['_25._tcp.mail.lab.test.', 'TLSA'], ['big.lab.test.', 'TXT'],
    ];
    let compared = 0;
    for (const [name, type] of questions) {
      const dig = execFileSync('dig', ['+norecurse', '+noall', '+answer', '+nomultiline', '-p', String(named.port), '@127.0.0.1', name, type], { encoding: 'utf8' });
      const theirs = dig.trim().split('\n').map((line) => {
        const [owner, ttl, , rtype, ...data] = line.split(/\s+/);
        // dig writes hex in upper case and may split it into words; names and the rest as we do.
        const text = rtype === 'TLSA' ? `${data.slice(0, 3).join(' ')} ${data.slice(3).join('').toLowerCase()}` : data.join(' ');
        return `${owner.toLowerCase()} ${ttl} ${rtype} ${text}`;
      });
      const ours = (await ask(name, type)).answers.map((a) => `${a.name} ${a.ttl} ${a.type} ${a.data}`);
      assert.deepEqual(ours.sort(), theirs.sort(), `${name} ${type}`);
      compared += ours.length;
    }
    assert.equal(compared, 28);
  });

  it('transfers the whole zone by AXFR, and reports a refusal', async () => {
    const all = await transferZone('lab.test.', { server: { host: named.host, port: named.port }, timeoutMs: 3000 });
    // The SOA once (it opens and closes the stream), the 7 other records and the 20 TXT.
    assert.equal(all.length, 1 + 7 + 20);
    assert.equal(all.filter((r) => r.type === 'SOA').length, 1);
    assert.ok(all.some((r) => r.name === '_25._tcp.mail.lab.test.' && r.type === 'TLSA'));
    const closed = await startNamed([{ origin: 'lab.test.', text: ZONE }], { allowTransfer: false });
    try {
      const { err } = await rejection(transferZone('lab.test.', { server: { host: closed.host, port: closed.port }, timeoutMs: 3000 }));
      assert.equal(err.kind, 'refused');
      assert.match(err.message, /refused the transfer \(REFUSED\)/);
    } finally {
      await closed.stop();
    }
  });

  it('goes straight to TCP when asked', async () => {
    const r = await ask('mail.lab.test', 'A', { tcp: true });
    assert.equal(r.transport, 'tcp');
    assert.deepEqual(r.answers.map((a) => a.data), ['127.0.0.2']);
  });
});

// ---- hostile servers ----

const udpServers: UdpSocket[] = [];
const tcpServers: Server[] = [];
const tcpClients = new Set<Socket>();
after(() => {
  for (const s of udpServers) s.close();
  for (const c of tcpClients) c.destroy();
  for (const s of tcpServers) s.close();
});

type Reply = (query: packet.DecodedPacket, raw: Buffer, send: (b: Buffer) => void) => void;

async function udpServer(reply: Reply, port = 0): Promise<number> {
  const s = createSocket('udp4');
  udpServers.push(s);
  s.on('message', (msg, rinfo) => reply(packet.decode(msg), msg, (b) => s.send(b, rinfo.port, rinfo.address)));
  await new Promise<void>((resolve) => s.bind(port, '127.0.0.1', resolve));
  return s.address().port;
}

async function tcpServer(port: number, behave: (socket: Socket) => void): Promise<void> {
  const server = createServer((socket) => {
    tcpClients.add(socket);
    socket.on('error', () => {});
    socket.on('close', () => tcpClients.delete(socket));
    behave(socket);
  });
  tcpServers.push(server);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', resolve);
  });
}

function answer(q: packet.DecodedPacket, extra: Partial<packet.Packet> = {}): Buffer {
  return packet.encode({
    type: 'response',
    id: q.id,
    flags: packet.AUTHORITATIVE_ANSWER,
    questions: q.questions,
    answers: [{ type: 'A', name: q.questions![0].name, ttl: 60, data: '127.0.0.9' }],
    ...extra,
  });
}

async function rejection(p: Promise<unknown>): Promise<{ err: DnsError; ms: number }> {
  const t0 = Date.now();
  try {
    await p;
  } catch (err) {
    assert.ok(err instanceof DnsError, String(err));
    return { err, ms: Date.now() - t0 };
  }
  assert.fail('the query succeeded');
}

describe('DNS client against hostile servers', { timeout: 30_000 }, () => {
  const at = (port: number, timeoutMs = 600, extra = {}) => ({ server: { host: '127.0.0.1', port }, timeoutMs, ...extra });

  it('a server that never answers: a timeout after the time allowed, having tried three times', async () => {
    let seen = 0;
    const port = await udpServer(() => seen++);
    const { err, ms } = await rejection(query('x.test', 'A', at(port)));
    assert.equal(err.kind, 'timeout');
    assert.match(err.message, /no answer from 127\.0\.0\.1:\d+ \(UDP\) in 600 ms/);
    assert.ok(ms >= 550 && ms < 3000, `${ms} ms`);
    assert.equal(seen, 3);
  });

  it('a server that truncates: the same question again over TCP', async () => {
    const port = await udpServer((q, _raw, send) => send(answer(q, { flags: packet.TRUNCATED_RESPONSE, answers: [] })));
    await tcpServer(port, (socket) => {
      socket.once('data', (d) => {
        const q = packet.decode(d.subarray(2));
        const body = answer(q);
        const framed = Buffer.alloc(2 + body.length);
        framed.writeUInt16BE(body.length);
        body.copy(framed, 2);
        // In two pieces, as a stream may deliver it.
        socket.write(framed.subarray(0, 5));
        setImmediate(() => socket.write(framed.subarray(5)));
      });
    });
    const r = await query('x.test', 'A', at(port));
    assert.equal(r.transport, 'tcp');
    assert.deepEqual(r.answers.map((a) => a.data), ['127.0.0.9']);
  });

  it('a server that answers garbage: malformed, at once', async () => {
    const port = await udpServer((_q, _raw, send) => send(Buffer.from('HTTP/1.1 400 Bad Request\r\n\r\n')));
    const { err, ms } = await rejection(query('x.test', 'A', at(port, 5000)));
    assert.equal(err.kind, 'malformed');
    assert.match(err.message, /not a DNS message|a query, not a response/);
    // Far below the 5 s allowed: the first bad datagram ends it.
    assert.ok(ms < 3000, `${ms} ms`);
  });

  it('a server that answers with another id: ignored, then reported as such', async () => {
    const port = await udpServer((q, _raw, send) => send(answer({ ...q, id: (q.id! + 1) % 65536 })));
    const { err } = await rejection(query('x.test', 'A', at(port)));
    assert.equal(err.kind, 'mismatch');
    assert.match(err.message, /sent only an answer with id \d+ instead of \d+ \(3 in all\)/);
  });

  it('the right answer after a wrong one is taken', async () => {
    const port = await udpServer((q, _raw, send) => {
      send(answer({ ...q, id: (q.id! + 7) % 65536 }));
      send(answer(q));
    });
    const r = await query('x.test', 'A', at(port));
    assert.deepEqual(r.answers.map((a) => a.data), ['127.0.0.9']);
  });

  it('a server that floods: stopped after a bounded number of packets', async () => {
    const port = await udpServer((q, _raw, send) => {
      for (let i = 0; i < MAX_STRAY * 4; i++) send(answer({ ...q, id: (q.id! + 1 + i) % 65536 }));
    });
    const { err, ms } = await rejection(query('x.test', 'A', at(port, 5000)));
    assert.equal(err.kind, 'flood');
    assert.ok(ms < 3000, `${ms} ms`);
  });

  it('a TCP server that announces a message and never finishes it: a timeout, the buffer bounded', async () => {
    const port = await udpServer((q, _raw, send) => send(answer(q, { flags: packet.TRUNCATED_RESPONSE, answers: [] })));
    let written = 0;
    await tcpServer(port, (socket) => {
      const chunk = Buffer.alloc(16384, 0xff);
      const pump = () => {
        // Far more than one DNS message may hold, as fast as the client reads.
        while (written < 4_000_000 && socket.write(chunk)) written += chunk.length;
      };
      socket.on('drain', pump);
      socket.once('data', pump);
    });
    const { err } = await rejection(query('x.test', 'A', at(port, 800)));
    assert.ok(err.kind === 'malformed' || err.kind === 'timeout', err.message);
  });

  it('a transfer that stops before the closing SOA is refused, not taken as the zone', async () => {
    const port = await udpServer(() => {});
    await tcpServer(port, (socket) => {
      socket.once('data', (d) => {
        const q = packet.decode(d.subarray(2));
        const body = answer(q, { answers: [{ type: 'SOA', name: 'x.test', ttl: 1, data: { mname: 'ns.x.test', rname: 'h.x.test', serial: 1, refresh: 1, retry: 1, expire: 1, minimum: 1 } }, { type: 'A', name: 'a.x.test', ttl: 1, data: '127.0.0.1' }] });
        const len = Buffer.alloc(2);
        len.writeUInt16BE(body.length);
        socket.end(Buffer.concat([len, body]));
      });
    });
    const { err } = await rejection(transferZone('x.test', at(port, 2000)));
    assert.equal(err.kind, 'refused');
    assert.match(err.message, /closed the connection before the end of the zone/);
  });

  it('a TCP answer to another id is refused', async () => {
    const port = await udpServer((q, _raw, send) => send(answer(q, { flags: packet.TRUNCATED_RESPONSE, answers: [] })));
    await tcpServer(port, (socket) => {
      socket.once('data', (d) => {
        const q = packet.decode(d.subarray(2));
        const body = answer({ ...q, id: (q.id! + 1) % 65536 });
        const len = Buffer.alloc(2);
        len.writeUInt16BE(body.length);
        socket.write(Buffer.concat([len, body]));
      });
    });
    const { err } = await rejection(query('x.test', 'A', at(port)));
    assert.equal(err.kind, 'mismatch');
  });

  it('a port where nothing listens: unreachable, at once', async () => {
    const probe = createSocket('udp4');
    await new Promise<void>((resolve) => probe.bind(0, '127.0.0.1', resolve));
    const port = probe.address().port;
    probe.close();
    const { err, ms } = await rejection(query('x.test', 'A', at(port, 5000)));
    assert.equal(err.kind, 'unreachable');
    assert.ok(ms < 3000, `${ms} ms`);
  });

  it('cancellation through an AbortSignal ends the query at once', async () => {
    const port = await udpServer(() => {});
    const controller = new AbortController();
    const p = query('x.test', 'A', at(port, 10_000, { signal: controller.signal }));
    setTimeout(() => controller.abort(), 50);
    const { err, ms } = await rejection(p);
    assert.equal(err.kind, 'aborted');
    assert.ok(ms < 3000, `${ms} ms`);
  });
});

describe('name server addresses', () => {
  it('reads ADDR, ADDR:PORT, [V6]:PORT and a bare IPv6 address', () => {
    assert.deepEqual(parseServer('127.0.0.1'), { host: '127.0.0.1', port: 53 });
    assert.deepEqual(parseServer('127.0.0.1:5353'), { host: '127.0.0.1', port: 5353 });
    assert.deepEqual(parseServer('[::1]:5353'), { host: '::1', port: 5353 });
    assert.deepEqual(parseServer('::1'), { host: '::1', port: 53 });
    assert.equal(parseServer('127.0.0.1:99999'), undefined);
    assert.equal(parseServer('a b'), undefined);
    assert.equal(serverText({ host: '::1', port: 5353 }), '[::1]:5353');
    assert.equal(serverText({ host: '127.0.0.1', port: 53 }), '127.0.0.1');
  });
});
