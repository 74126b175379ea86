// The chain a receiving server walks before it accepts mail, as served: the domain's MX, each MX
// host's addresses, the PTR of each address, and the PTR name's own addresses, which must include
// the address again (forward confirmation; Postfix's reject_unknown_client_hostname needs it).
// Beside it, the aliases the lesson sets up (smtp, imap) followed to an address.
import { isIP } from 'node:net';
import { t } from '../../l10n';
import { canonicalIPv6 } from '../presentation';
import type { QueryType } from '../wire';
import { errorText, fail, mxHosts, pass, recordsAt, type CheckContext, type DnsCheck, type Served } from './types';

/** Aliases a chain may go through before we call it too long (resolvers give up near here too). */
export const MAX_CNAME_HOPS = 8;

/** The reverse-lookup name of an address: d.c.b.a.in-addr.arpa. or the ip6.arpa nibbles. */
export function reverseName(address: string): string {
  if (isIP(address) === 4) return address.split('.').reverse().join('.') + '.in-addr.arpa.';
  const full = canonicalIPv6(address)
    .split('::')
    .map((half) => (half === '' ? [] : half.split(':')));
  const missing = 8 - full.reduce((n, h) => n + h.length, 0);
  const groups = full.length === 2 ? [...full[0], ...Array(missing).fill('0'), ...full[1]] : full[0];
  return groups.map((g) => g.padStart(4, '0')).join('').split('').reverse().join('.') + '.ip6.arpa.';
}

interface Addresses {
  addresses: string[];
  /** The alias target when the name is a CNAME. */
  alias?: string;
  /** Why no address could be read, when a question failed. */
  error?: string;
  /** The answer's code when it was not NOERROR (NXDOMAIN: the name does not exist). */
  rcode?: string;
}

async function askSafely(ctx: CheckContext, name: string, type: QueryType): Promise<Served | string> {
  try {
    return await ctx.ask(name, type);
  } catch (err) {
    return errorText(err);
  }
}

/** A and AAAA of `name`, following a CNAME the server put in the answer. */
export async function addressesOf(ctx: CheckContext, name: string): Promise<Addresses> {
  const out: Addresses = { addresses: [] };
  for (const type of ['A', 'AAAA'] as const) {
    const served = await askSafely(ctx, name, type);
    if (typeof served === 'string') {
      out.error = served;
      continue;
    }
    if (served.rcode !== 'NOERROR') out.rcode = served.rcode;
    const alias = recordsAt(served, name, 'CNAME')[0];
    if (alias) out.alias = alias.data;
    out.addresses.push(...served.answers.filter((r) => r.type === type).map((r) => r.data));
  }
  return out;
}

export async function checkMailChain(ctx: CheckContext): Promise<DnsCheck[]> {
  const { locale, domain } = ctx;
  const out: DnsCheck[] = [];
  const mx = await askSafely(ctx, domain, 'MX');
  if (typeof mx === 'string') return [fail('mx-missing', 'error', t(locale, 'dns.query-failed', domain, 'MX', mx), { name: domain })];
  const hosts = mxHosts(mx, domain);
  if (hosts.length === 0) {
    out.push(fail('mx-missing', 'error', t(locale, 'dns.mx-missing', domain), { name: domain, expected: 'MX', served: mx.rcode === 'NOERROR' ? '' : mx.rcode }));
    return out;
  }
  out.push(pass('mx-missing', t(locale, 'dns.mx-ok', domain, hosts.map((h) => h.data).join(', ')), { name: domain, served: hosts.map((h) => h.data).join('; ') }));
  const checkedAddresses = new Set<string>();
  for (const { host } of hosts) {
    if (host === '.') continue; // null MX (RFC 7505): the domain accepts no mail, on purpose
    const a = await addressesOf(ctx, host);
    if (a.alias) out.push(fail('mx-cname', 'warning', t(locale, 'dns.mx-cname', host, a.alias), { name: host, served: `CNAME ${a.alias}` }));
    if (a.addresses.length === 0) {
      out.push(fail('mx-no-address', 'error', t(locale, 'dns.mx-no-address', host, domain), { name: host, expected: 'A/AAAA', served: a.error ?? '' }));
      continue;
    }
    out.push(pass('mx-no-address', t(locale, 'dns.mx-address-ok', host, a.addresses.join(', ')), { name: host, served: a.addresses.join('; ') }));
    for (const address of a.addresses) {
      if (checkedAddresses.has(address)) continue;
      checkedAddresses.add(address);
      out.push(...(await checkPtr(ctx, address)));
    }
  }
  return out;
}

/** The PTR of `address` and the forward confirmation of the name it gives. */
export async function checkPtr(ctx: CheckContext, address: string): Promise<DnsCheck[]> {
  const { locale } = ctx;
  const rev = reverseName(address);
  const served = await askSafely(ctx, rev, 'PTR');
  if (typeof served === 'string') return [fail('ptr-missing', 'error', t(locale, 'dns.query-failed', rev, 'PTR', served), { name: rev })];
  const names = recordsAt(served, rev, 'PTR').map((r) => r.data);
  if (names.length === 0) return [fail('ptr-missing', 'error', t(locale, 'dns.ptr-missing', address, rev), { name: rev, expected: 'PTR', served: served.rcode === 'NOERROR' ? '' : served.rcode })];
  const out: DnsCheck[] = [];
  for (const name of names) {
    const forward = await addressesOf(ctx, name);
    if (forward.addresses.includes(address)) out.push(pass('ptr-mismatch', t(locale, 'dns.ptr-ok', address, name), { name: rev, served: name }));
    else {
      const shown = forward.addresses.join(', ') || forward.error || '—';
      out.push(fail('ptr-mismatch', 'error', t(locale, 'dns.ptr-mismatch', address, name, shown), { name: rev, expected: address, served: `${name} → ${shown}` }));
    }
  }
  return out;
}

/** The PTR names of `address` (for comparing with what the SMTP server calls itself). */
export async function ptrNames(ctx: CheckContext, address: string): Promise<string[]> {
  const served = await askSafely(ctx, reverseName(address), 'PTR');
  return typeof served === 'string' ? [] : recordsAt(served, reverseName(address), 'PTR').map((r) => r.data);
}

/** Each of `names` that is an alias, followed hop by hop to a name with an address. */
export async function checkAliases(ctx: CheckContext, names: string[]): Promise<DnsCheck[]> {
  const { locale } = ctx;
  const out: DnsCheck[] = [];
  for (const name of names) {
    const chain = [name];
    let problem: DnsCheck | undefined;
    for (;;) {
      const cur = chain[chain.length - 1];
      const served = await askSafely(ctx, cur, 'CNAME');
      if (typeof served === 'string') {
        problem = fail('cname-chain-broken', 'warning', t(locale, 'dns.query-failed', cur, 'CNAME', served), { name });
        break;
      }
      const next = recordsAt(served, cur, 'CNAME')[0]?.data;
      if (next === undefined) break;
      if (chain.includes(next)) {
        chain.push(next);
        problem = fail('cname-chain-broken', 'error', t(locale, 'dns.cname-loop', name, chain.join(' → ')), { name, served: chain.join(' → ') });
        break;
      }
      chain.push(next);
      if (chain.length > MAX_CNAME_HOPS + 1) {
        problem = fail('cname-chain-broken', 'error', t(locale, 'dns.cname-too-long', name, MAX_CNAME_HOPS, chain.join(' → ')), { name, served: chain.join(' → ') });
        break;
      }
    }
    if (problem) {
      out.push(problem);
      continue;
    }
    if (chain.length === 1) continue; // not an alias: nothing to follow
    const end = chain[chain.length - 1];
    const a = await addressesOf(ctx, end);
    if (a.addresses.length === 0) {
      const why = a.error ?? a.rcode ?? 'NODATA';
      out.push(fail('cname-chain-broken', 'error', t(locale, 'dns.cname-dangling', name, end, why), { name, expected: 'A/AAAA', served: chain.join(' → ') }));
    } else out.push(pass('cname-chain-broken', t(locale, 'dns.cname-ok', name, `${chain.join(' → ')} (${a.addresses.join(', ')})`), { name, served: chain.join(' → ') }));
  }
  return out;
}
