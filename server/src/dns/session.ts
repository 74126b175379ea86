// The network side of dns-check: one name server asked through the client, each question once
// (the checks ask some names several times), and the SMTP probe run for its certificate chain.
import { getServers } from 'node:dns';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { probe } from '../smtp/probe';
import { greetingName, type SmtpFacts } from './check/liveSmtp';
import { mtaStsId, type PolicyFetch } from './check/mtaSts';
import { txtJoined } from './presentation';
import { mxHosts, type Ask, type Served } from './check/types';
import { parseServer, query, type DnsServer } from './client';
import type { QueryType } from './wire';

/** The system resolver's first server (from resolv.conf, as node:dns reads it). */
export function systemServer(): DnsServer | undefined {
  for (const s of getServers()) {
    const parsed = parseServer(s);
    if (parsed) return parsed;
  }
  return undefined;
}

/** An Ask that sends each distinct question to `server` once. */
export function cachedAsk(server: DnsServer, timeoutMs: number, signal?: AbortSignal): Ask {
  const cache = new Map<string, Promise<Served>>();
  return (name: string, type: QueryType) => {
    const key = `${name.toLowerCase()} ${type}`;
    let p = cache.get(key);
    if (!p) {
      p = query(name, type, { server, timeoutMs, signal }).then((r) => ({ rcode: r.rcode, authoritative: r.authoritative, recursive: r.recursive, answers: r.answers }));
      cache.set(key, p);
    }
    return p;
  };
}

export interface SmtpTarget {
  host: string;
  port: number;
  /** The MX host the TLSA records are for. */
  tlsaHost: string;
  /** The address connected to, when known (an IP given, or the MX host's first address). */
  address?: string;
  ca?: string;
  timeoutMs: number;
  signal?: AbortSignal;
}

/** Probes the SMTP server through STARTTLS (any certificate accepted: DANE judges it, not the CA list). */
export async function smtpFacts(target: SmtpTarget): Promise<SmtpFacts> {
  let chain: Buffer[] = [];
  const shown = `${isIP(target.host) === 6 ? `[${target.host}]` : target.host}:${target.port}`;
  const r = await probe({
    host: target.host,
    port: target.port,
    tls: 'starttls',
    servername: target.tlsaHost.replace(/\.$/, ''),
    ca: target.ca,
    insecure: target.ca === undefined,
    timeoutMs: target.timeoutMs,
    signal: target.signal,
    onPeerChain: (c) => (chain = c),
  });
  const failed = r.stages.find((s) => !s.ok);
  return {
    server: shown,
    address: target.address ?? (isIP(target.host) ? target.host : undefined),
    tlsaHost: target.tlsaHost,
    chain,
    bannerName: greetingName(r.banner),
    // The probe keeps the first line of the EHLO reply (the server's name) as the stage's detail.
    ehloName: greetingName(`250 ${r.stages.find((s) => s.name === 'ehlo' && s.ok)?.detail ?? ''}`),
    error: chain.length ? undefined : failed ? `${failed.name}: ${failed.detail}` : undefined,
  };
}

/** RFC 8461 §3.3: senders limit the policy body to 64 KiB. */
const POLICY_MAX = 64 * 1024;

export interface PolicyTarget {
  domain: string;
  /** The address of mta-sts.<domain>, as the name server gives it. */
  address: string;
  port?: number;
  ca?: string;
  timeoutMs: number;
  signal?: AbortSignal;
}

/**
 * GETs https://mta-sts.<domain>/.well-known/mta-sts.txt from `address` as a sender does: the
 * certificate must be valid for mta-sts.<domain> (system CAs, or `ca`), no redirect is followed,
 * the answer must be 200 text/plain and at most 64 KiB.
 */
export function fetchMtaStsPolicy(target: PolicyTarget): Promise<PolicyFetch> {
  const host = `mta-sts.${target.domain.replace(/\.$/, '')}`;
  const url = `https://${host}/.well-known/mta-sts.txt`;
  return new Promise((resolve) => {
    let settled = false;
    const done = (r: { text: string } | { error: string }) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      resolve({ ...r, url });
    };
    const req = httpsRequest({
      host: target.address,
      port: target.port ?? 443,
      path: '/.well-known/mta-sts.txt',
      servername: host,
      headers: { Host: host, 'User-Agent': 'mailconf dns-check' },
      ca: target.ca,
      signal: target.signal,
    });
    const timer = setTimeout(() => done({ error: `no answer in ${target.timeoutMs} ms` }), target.timeoutMs);
    req.on('error', (err: NodeJS.ErrnoException) => done({ error: err.code ? `${err.code}: ${err.message}` : err.message }));
    req.on('response', (res) => {
      if (res.statusCode !== 200) return done({ error: `HTTP ${res.statusCode}${res.headers.location ? ` (redirects are not followed: ${res.headers.location})` : ''}` });
      const type = String(res.headers['content-type'] ?? '');
      if (!/^text\/plain\b/i.test(type)) return done({ error: `the media type is '${type}', not text/plain` });
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => {
        size += c.length;
        if (size > POLICY_MAX) return done({ error: `the policy is larger than ${POLICY_MAX} bytes` });
        chunks.push(c);
      });
      res.on('end', () => done({ text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', (err) => done({ error: err.message }));
    });
    req.end();
  });
}

/** `HOST`, `HOST:PORT`, `[V6]:PORT` (port 25 by default), or `mx` for the first MX host on port 25. */
export function parseSmtpTarget(text: string): { host: string; port: number } | 'mx' | undefined {
  if (text.trim().toLowerCase() === 'mx') return 'mx';
  const s = parseServer(text);
  return s && { host: s.host, port: /(^[^:]*|\]):\d+$/.test(text.trim()) ? s.port : 25 };
}

/** The MTA-STS policy file and the TXT record's id, when the domain's _mta-sts TXT record announces one. */
export async function mtaStsPolicyOf(domain: string, ask: Ask, ca: string | undefined, timeoutMs: number, signal: AbortSignal): Promise<(PolicyFetch & { id: string }) | undefined> {
  const txt = (await ask(`_mta-sts.${domain}`, 'TXT')).answers.filter((r) => r.type === 'TXT').map((r) => txtJoined(r.data));
  const record = txt.find((s) => /^\s*v\s*=\s*STSv1/i.test(s));
  if (record === undefined) return undefined;
  const id = mtaStsId(record) ?? '';
  const host = `mta-sts.${domain}`;
  const address = (await ask(host, 'A')).answers.find((r) => r.type === 'A')?.data;
  if (!address) return { id, url: `https://${host.replace(/\.$/, '')}/.well-known/mta-sts.txt`, error: `${host} has no A record` };
  return { id, ...(await fetchMtaStsPolicy({ domain, address, ca, timeoutMs, signal })) };
}

/** Probes the SMTP server given (or the first MX host on port 25) for dns-check's live checks. */
export async function liveSmtpFacts(
  smtp: { host: string; port: number } | 'mx',
  domain: string,
  ask: Ask,
  ca: string | undefined,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<SmtpFacts> {
  const mx = mxHosts(await ask(domain, 'MX'), domain)[0]?.host;
  const named = smtp !== 'mx' && isIP(smtp.host) === 0 ? smtp.host.toLowerCase().replace(/\.?$/, '.') : undefined;
  const tlsaHost = named ?? mx ?? domain;
  let host = smtp === 'mx' ? tlsaHost : smtp.host;
  let address = isIP(host) ? host : undefined;
  if (!address) {
    address = (await ask(tlsaHost, 'A')).answers.find((r) => r.type === 'A')?.data;
    if (address) host = address;
  }
  return smtpFacts({ host, port: smtp === 'mx' ? 25 : smtp.port, tlsaHost, address, ca, timeoutMs, signal });
}
