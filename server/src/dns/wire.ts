// DNS messages on the wire. Encoding and decoding are dns-packet's (a small, widely used codec
// with no dependencies besides an IP codec); this module only builds the one query shape mailconf
// sends and turns a decoded answer into the plain records the checks compare, so nothing else in
// mailconf depends on the codec's types. Decoding never throws: a packet the codec cannot read
// comes back as an error string.
import * as packet from 'dns-packet';
import { presentRecord } from './presentation';

/** The record types mailconf asks for. */
export type QueryType = 'A' | 'AAAA' | 'CNAME' | 'MX' | 'NS' | 'PTR' | 'SOA' | 'TXT' | 'TLSA' | 'SRV' | 'CAA' | 'DNAME' | 'SSHFP' | 'DS';

/** Largest answer we ask for over UDP: the size DNS flag day 2020 settled on, below common MTUs. */
export const EDNS_UDP_SIZE = 1232;

/** One record of an answer, with its data in canonical presentation form (see presentation.ts). */
export interface ServedRecord {
  /** Absolute, lower case, with the trailing dot. */
  name: string;
  type: string;
  ttl: number;
  data: string;
}

export interface DnsResponse {
  id: number;
  rcode: string;
  authoritative: boolean;
  /** RA: the server resolves for its clients (a recursive resolver, not the zone's own server). */
  recursive: boolean;
  truncated: boolean;
  /** The question echoed by the server (absent when it sent none). */
  question?: { name: string; type: string };
  answers: ServedRecord[];
  authorities: ServedRecord[];
}

/** The query for `name`/`type` with message id `id`, recursion desired, EDNS0 unless `edns` is false. */
export function encodeQuery(id: number, name: string, type: QueryType | 'AXFR', edns = true): Buffer {
  return packet.encode({
    type: 'query',
    id,
    flags: packet.RECURSION_DESIRED,
    questions: [{ type, name: relativeToRoot(name), class: 'IN' }],
    additionals: edns ? [{ type: 'OPT', name: '.', udpPayloadSize: EDNS_UDP_SIZE, flags: 0 } as packet.Answer] : [],
  });
}

/** The message in `buf`, or a sentence saying why it is not a DNS response. */
export function decodeResponse(buf: Buffer): DnsResponse | string {
  if (buf.length < 12) return `${buf.length} bytes, shorter than a DNS header (12)`;
  let p: packet.DecodedPacket;
  try {
    p = packet.decode(buf);
  } catch (err) {
    return `not a DNS message (${(err as Error).message})`;
  }
  if (p.type !== 'response') return 'a query, not a response';
  const q = p.questions?.[0];
  return {
    id: p.id ?? 0,
    rcode: (p as { rcode?: string }).rcode ?? 'NOERROR',
    authoritative: ((p.flags ?? 0) & packet.AUTHORITATIVE_ANSWER) !== 0,
    recursive: ((p.flags ?? 0) & packet.RECURSION_AVAILABLE) !== 0,
    truncated: ((p.flags ?? 0) & packet.TRUNCATED_RESPONSE) !== 0,
    question: q ? { name: absolute(q.name), type: String(q.type) } : undefined,
    answers: records(p.answers),
    authorities: records(p.authorities),
  };
}

/** The id of a message, read from its first two bytes, when it has them. */
export function messageId(buf: Buffer): number | undefined {
  return buf.length >= 2 ? buf.readUInt16BE(0) : undefined;
}

function records(list: packet.Answer[] | undefined): ServedRecord[] {
  const out: ServedRecord[] = [];
  for (const a of list ?? []) {
    if (a.type === 'OPT') continue;
    out.push({ name: absolute(a.name), type: String(a.type), ttl: (a as { ttl?: number }).ttl ?? 0, data: presentRecord(String(a.type), (a as { data?: unknown }).data) });
  }
  return out;
}

/** dns-packet writes names without the root dot. */
export function absolute(name: string): string {
  const n = name.toLowerCase();
  return n === '' || n === '.' ? '.' : n.endsWith('.') ? n : n + '.';
}

function relativeToRoot(name: string): string {
  return name === '.' ? '.' : name.replace(/\.$/, '');
}
