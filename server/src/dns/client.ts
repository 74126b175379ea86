// Asks one name server one question: UDP first, TCP when the answer comes back truncated (or when
// asked to). Every way a hostile or broken server can misbehave ends in bounded time and memory
// with a DnsError that says what happened: silence (timeout), a refused port, bytes that are not
// DNS, answers to another id or question (ignored, as resolvers do against spoofing, up to a
// bound past which the server is flooding us), a TCP stream that never ends.
import { randomInt } from 'node:crypto';
import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import { connect, isIP, type Socket } from 'node:net';
import { decodeResponse, encodeQuery, messageId, type DnsResponse, type QueryType, type ServedRecord } from './wire';

export interface DnsServer {
  host: string;
  port: number;
}

export interface QueryOptions {
  server: DnsServer;
  /** The whole query, UDP tries and TCP fallback included. */
  timeoutMs: number;
  signal?: AbortSignal;
  /** Go straight to TCP. */
  tcp?: boolean;
  /** Send EDNS0 (default true); without it UDP answers stop at 512 bytes. */
  edns?: boolean;
}

export type DnsErrorKind = 'timeout' | 'unreachable' | 'malformed' | 'mismatch' | 'flood' | 'aborted' | 'refused' | 'too-large';

export class DnsError extends Error {
  override readonly name = 'DnsError';
  constructor(
    readonly kind: DnsErrorKind,
    message: string,
  ) {
    super(message);
  }
}

export interface QueryResult extends DnsResponse {
  transport: 'udp' | 'tcp';
  ms: number;
}

/** UDP sends of one question before giving up (spread over the timeout). */
const UDP_TRIES = 3;
/** Datagrams that are not our answer (other id, other question) tolerated before calling it a flood. */
export const MAX_STRAY = 64;
/** A TCP message is at most 65535 bytes after its two-byte length. */
const TCP_MAX = 2 + 65535;

/** `ADDR`, `ADDR:PORT`, `[V6]:PORT` or a bare IPv6 address; port 53 by default. */
export function parseServer(text: string): DnsServer | undefined {
  const t = text.trim();
  let host = t;
  let port = 53;
  const bracket = /^\[([^\]]+)\](?::(\d+))?$/.exec(t);
  const v4 = /^([^:]+):(\d+)$/.exec(t);
  if (bracket) {
    host = bracket[1];
    if (bracket[2] !== undefined) port = Number(bracket[2]);
  } else if (v4) {
    host = v4[1];
    port = Number(v4[2]);
  }
  if (!Number.isInteger(port) || port < 1 || port > 65535) return undefined;
  if (isIP(host) === 0 && !/^[A-Za-z0-9.-]+$/.test(host)) return undefined;
  return { host, port };
}

export function serverText(s: DnsServer): string {
  const host = isIP(s.host) === 6 ? `[${s.host}]` : s.host;
  return s.port === 53 ? host : `${host}:${s.port}`;
}

/** Asks `server` for `name`/`type`. Resolves with the answer whatever its rcode; rejects with DnsError. */
export async function query(name: string, type: QueryType, opts: QueryOptions): Promise<QueryResult> {
  const started = Date.now();
  const deadline = started + opts.timeoutMs;
  if (opts.signal?.aborted) throw aborted();
  if (!opts.tcp) {
    const r = await overUdp(name, type, opts, deadline);
    if (!r.truncated) return { ...r, transport: 'udp', ms: Date.now() - started };
  }
  const r = await overTcp(name, type, opts, deadline);
  return { ...r, transport: 'tcp', ms: Date.now() - started };
}

const aborted = () => new DnsError('aborted', 'the query was cancelled');

function sameQuestion(r: DnsResponse, name: string, type: string): boolean {
  if (!r.question) return r.rcode !== 'NOERROR';
  return r.question.type === type && r.question.name === (name.toLowerCase().endsWith('.') ? name.toLowerCase() : name.toLowerCase() + '.');
}

/** Settles once: clears the timers, listeners and socket of one attempt whichever way it ends. */
function attempt<T>(
  opts: QueryOptions,
  deadline: number,
  onTimeout: () => DnsError,
  body: (ok: (v: T) => void, fail: (e: DnsError) => void, onCleanup: (f: () => void) => void) => void,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const cleanups: Array<() => void> = [];
    let done = false;
    const finish = (f: () => void) => {
      if (done) return;
      done = true;
      for (const c of cleanups) c();
      f();
    };
    const ok = (v: T) => finish(() => resolve(v));
    const fail = (e: DnsError) => finish(() => reject(e));
    const timer = setTimeout(() => fail(onTimeout()), Math.max(0, deadline - Date.now()));
    cleanups.push(() => clearTimeout(timer));
    const onAbort = () => fail(aborted());
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    cleanups.push(() => opts.signal?.removeEventListener('abort', onAbort));
    body(ok, fail, (f) => cleanups.push(f));
  });
}

function overUdp(name: string, type: QueryType, opts: QueryOptions, deadline: number): Promise<DnsResponse> {
  const { host, port } = opts.server;
  const what = `${serverText(opts.server)} (UDP)`;
  let stray = 0;
  let lastStray = '';
  // A wrong-id answer is not the end (the real one may still come), but if nothing else came it
  // is what the timeout reports.
  const onTimeout = () =>
    stray > 0 ? new DnsError('mismatch', `${what} sent only ${lastStray} (${stray} in all)`) : new DnsError('timeout', `no answer from ${what} in ${opts.timeoutMs} ms`);
  return attempt<DnsResponse>(opts, deadline, onTimeout, (ok, fail, onCleanup) => {
    const id = randomInt(65536);
    const message = encodeQuery(id, name, type, opts.edns ?? true);
    const socket: UdpSocket = createSocket(isIP(host) === 6 ? 'udp6' : 'udp4');
    onCleanup(() => socket.close());
    socket.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'ECONNREFUSED') fail(new DnsError('unreachable', `${what} refused the query (nothing listens on port ${port})`));
      else fail(new DnsError('unreachable', `cannot reach ${what}: ${err.code ?? err.message}`));
    });
    socket.on('message', (msg) => {
      const r = decodeResponse(msg);
      if (typeof r === 'string') {
        fail(new DnsError('malformed', `${what} answered with ${r}`));
        return;
      }
      if (r.id !== id || !sameQuestion(r, name, type)) {
        stray++;
        lastStray = r.id !== id ? `an answer with id ${messageId(msg)} instead of ${id}` : `an answer to another question (${r.question?.name} ${r.question?.type})`;
        if (stray > MAX_STRAY) fail(new DnsError('flood', `${what} sent more than ${MAX_STRAY} packets that answer nothing we asked`));
        return;
      }
      ok(r);
    });
    let tries = 0;
    const slot = Math.max(50, Math.floor((deadline - Date.now()) / UDP_TRIES));
    const send = () => {
      tries++;
      socket.send(message, (err) => {
        if (err) fail(new DnsError('unreachable', `cannot send to ${what}: ${(err as NodeJS.ErrnoException).code ?? err.message}`));
      });
      if (tries < UDP_TRIES) {
        const again = setTimeout(send, slot);
        onCleanup(() => clearTimeout(again));
      }
    };
    socket.connect(port, host, send);
  });
}

function overTcp(name: string, type: QueryType, opts: QueryOptions, deadline: number): Promise<DnsResponse> {
  const what = `${serverText(opts.server)} (TCP)`;
  const onTimeout = () => new DnsError('timeout', `no whole answer from ${what} in ${opts.timeoutMs} ms`);
  return attempt<DnsResponse>(opts, deadline, onTimeout, (ok, fail, onCleanup) => {
    const id = randomInt(65536);
    const message = encodeQuery(id, name, type, opts.edns ?? true);
    const socket: Socket = connect({ host: opts.server.host, port: opts.server.port });
    onCleanup(() => socket.destroy());
    // Bounded: at most one length prefix and the message it announces are ever kept.
    const buffer = Buffer.alloc(TCP_MAX);
    let have = 0;
    socket.on('error', (err: NodeJS.ErrnoException) => {
      fail(new DnsError('unreachable', err.code === 'ECONNREFUSED' ? `${what} refused the connection` : `cannot reach ${what}: ${err.code ?? err.message}`));
    });
    socket.on('connect', () => socket.write(tcpFramed(message)));
    socket.on('data', (chunk: Buffer) => {
      const take = Math.min(chunk.length, TCP_MAX - have);
      chunk.copy(buffer, have, 0, take);
      have += take;
      if (have < 2) return;
      const length = buffer.readUInt16BE(0);
      if (have < 2 + length) return;
      const r = decodeResponse(buffer.subarray(2, 2 + length));
      if (typeof r === 'string') fail(new DnsError('malformed', `${what} answered with ${r}`));
      else if (r.id !== id) fail(new DnsError('mismatch', `${what} answered with id ${r.id} instead of ${id}`));
      else if (!sameQuestion(r, name, type)) fail(new DnsError('mismatch', `${what} answered another question (${r.question?.name} ${r.question?.type})`));
      else ok(r);
    });
    socket.on('end', () => fail(new DnsError('malformed', `${what} closed the connection after ${have} bytes, before a whole answer`)));
  });
}

/** A DNS message as TCP carries it: after its length, in two bytes (RFC 1035 4.2.2). */
function tcpFramed(message: Buffer): Buffer {
  const framed = Buffer.alloc(2 + message.length);
  framed.writeUInt16BE(message.length, 0);
  message.copy(framed, 2);
  return framed;
}

/** Records a zone transfer may bring before we stop it (a lab zone has dozens; a big one, thousands). */
export const MAX_TRANSFER_RECORDS = 200_000;

/**
 * The whole zone by AXFR over TCP (RFC 5936): a stream of messages from the SOA to the same SOA
 * again. Servers usually refuse it to strangers ('refused'); a stream past MAX_TRANSFER_RECORDS
 * ends as 'too-large'. Only the message being read is kept besides the records.
 */
export function transferZone(zone: string, opts: QueryOptions): Promise<ServedRecord[]> {
  const deadline = Date.now() + opts.timeoutMs;
  const what = `${serverText(opts.server)} (AXFR)`;
  if (opts.signal?.aborted) return Promise.reject(aborted());
  const onTimeout = () => new DnsError('timeout', `the transfer of ${zone} from ${what} did not end in ${opts.timeoutMs} ms`);
  return attempt<ServedRecord[]>(opts, deadline, onTimeout, (ok, fail, onCleanup) => {
    const id = randomInt(65536);
    const message = encodeQuery(id, zone, 'AXFR', false);
    const socket: Socket = connect({ host: opts.server.host, port: opts.server.port });
    onCleanup(() => socket.destroy());
    const records: ServedRecord[] = [];
    let soas = 0;
    let pending: Buffer = Buffer.alloc(0);
    socket.on('error', (err: NodeJS.ErrnoException) => fail(new DnsError('unreachable', `cannot reach ${what}: ${err.code ?? err.message}`)));
    socket.on('connect', () => socket.write(tcpFramed(message)));
    socket.on('data', (chunk: Buffer) => {
      pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
      while (pending.length >= 2 && pending.length >= 2 + pending.readUInt16BE(0)) {
        const length = pending.readUInt16BE(0);
        const r = decodeResponse(pending.subarray(2, 2 + length));
        pending = pending.subarray(2 + length);
        if (typeof r === 'string') return fail(new DnsError('malformed', `${what} sent ${r}`));
        if (r.id !== id) return fail(new DnsError('mismatch', `${what} answered with id ${r.id} instead of ${id}`));
        if (r.rcode !== 'NOERROR') return fail(new DnsError('refused', `${what} refused the transfer (${r.rcode})`));
        if (r.answers.length === 0) return fail(new DnsError('refused', `${what} sent an empty transfer`));
        for (const rec of r.answers) {
          if (rec.type === 'SOA' && ++soas === 2) return ok(records);
          records.push(rec);
        }
        if (records.length > MAX_TRANSFER_RECORDS) return fail(new DnsError('too-large', `${what}: the zone has more than ${MAX_TRANSFER_RECORDS} records`));
      }
    });
    socket.on('end', () => fail(new DnsError('refused', `${what} closed the connection ${soas ? 'before the end of the zone' : 'without a transfer'}`)));
  });
}
