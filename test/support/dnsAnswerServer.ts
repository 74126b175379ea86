// A name server on a loopback address, port 53, that answers from the simulator's DnsAnswers, so
// that the real smtpd's DNS restrictions meet exactly the world the simulator is told about. A
// DNS list query (<reversed address or name>.<list>) answers the listing's address (127.0.0.2) and TXT
// reason when the list has the key, NXDOMAIN when not (the server is told the lists' domains); any other name answers NXDOMAIN when it is
// "missing" and an address (no MX, no AAAA) when not. UDP only: every answer is small.
import { createSocket, type Socket } from 'node:dgram';
import * as packet from 'dns-packet';
import type { DnsAnswers } from '../../server/src/postfix/simulator/dnsAnswers';

export interface DnsAnswerServer {
  address: string;
  /** What the server answers now; a test sets it before each batch of sessions. */
  answers: DnsAnswers;
  /** The DNS lists' domains: a name under one that no listing names is not listed (NXDOMAIN). */
  lists: string[];
  /** Every name asked, lower case, for tests that check what smtpd looked up. */
  asked: string[];
  stop(): Promise<void>;
}

/**
 * The DNS list query key of an IPv4 client address: its octets reversed. (The oracle's Postfix
 * listens on IPv4 only, so the differential has no IPv6 clients.)
 */
function reversedKey(address: string): string {
  return address.split('.').reverse().join('.');
}

function answer(answers: DnsAnswers, lists: string[], name: string, type: string): { rcode: 'NOERROR' | 'NXDOMAIN'; records: packet.Answer[] } {
  const lower = name.toLowerCase().replace(/\.$/, '');
  for (const l of answers.listed ?? []) {
    const list = l.list.toLowerCase().replace(/\.$/, '');
    const key = /^[0-9.]+$/.test(l.key) ? reversedKey(l.key) : l.key.toLowerCase().replace(/\.$/, '');
    if (lower !== `${key}.${list}`) continue;
    if (type === 'A') return { rcode: 'NOERROR', records: [{ name, type: 'A', ttl: 60, data: l.address ?? '127.0.0.2' }] };
    if (type === 'TXT' && l.reason) return { rcode: 'NOERROR', records: [{ name, type: 'TXT', ttl: 60, data: l.reason }] };
    return { rcode: 'NOERROR', records: [] };
  }
  // A query under a list's domain that no listing names: not listed.
  if (lists.some((l) => lower.endsWith(`.${l.toLowerCase().replace(/\.$/, '')}`))) return { rcode: 'NXDOMAIN', records: [] };
  if ((answers.missing ?? []).some((m) => m.toLowerCase().replace(/\.$/, '') === lower)) return { rcode: 'NXDOMAIN', records: [] };
  if (type === 'A') return { rcode: 'NOERROR', records: [{ name, type: 'A', ttl: 60, data: '192.0.2.250' }] };
  return { rcode: 'NOERROR', records: [] };
}

export async function startDnsAnswerServer(address = '127.0.53.53'): Promise<DnsAnswerServer> {
  const socket: Socket = createSocket('udp4');
  const server: DnsAnswerServer = {
    address,
    answers: {},
    lists: [],
    asked: [],
    stop: () => new Promise((resolve) => socket.close(() => resolve())),
  };
  socket.on('message', (msg, peer) => {
    let query: packet.Packet;
    try {
      query = packet.decode(msg);
    } catch {
      return;
    }
    const q = query.questions?.[0];
    if (!q) return;
    server.asked.push(`${q.type} ${q.name.toLowerCase()}`);
    const a = answer(server.answers, server.lists, q.name, q.type);
    const reply = packet.encode({ id: query.id, type: 'response', flags: packet.AUTHORITATIVE_ANSWER | packet.RECURSION_DESIRED | packet.RECURSION_AVAILABLE | (a.rcode === 'NXDOMAIN' ? 3 : 0), questions: [q], answers: a.records });
    socket.send(reply, peer.port, peer.address);
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(53, address, () => resolve());
  });
  return server;
}
