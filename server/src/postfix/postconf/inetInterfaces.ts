// The check Postfix makes of inet_interfaces when it computes the default of mynetworks: names
// and numbers must resolve, and each address must belong to this host, else postconf stops with
// a fatal error naming the first address (in Postfix's sort order) that is not local.
import type { InterfaceAddress } from './mynetworks';

// Required on first use: node:net pulls in Node's stream modules, several milliseconds of every
// `mailconf postconf` run, and most configurations never get here.
const isIP = (s: string): number => (require('node:net') as typeof import('node:net')).isIP(s);

/**
 * own_inet_addr_init(): unless inet_interfaces is exactly "all" or "loopback-only", each name or
 * address in it must resolve (for the enabled protocols) and be an address of this host; Postfix
 * stops otherwise. Returns the fatal message, if any. `resolve` answers for names (not literals).
 */
export function inetInterfacesError(inetInterfaces: string, protocols: string[], addrs: InterfaceAddress[], resolve: (name: string) => string[]): string | undefined {
  if (inetInterfaces === 'all' || inetInterfaces === 'loopback-only') return undefined;
  const v4 = protocols.includes('all') || protocols.includes('ipv4');
  const v6 = protocols.includes('all') || protocols.includes('ipv6');
  const found: string[] = [];
  for (const host of inetInterfaces.split(/[ \t,]+/).filter(Boolean)) {
    const name = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
    const numeric = isIP(name) ? name : inetAton(name);
    const candidates = numeric !== undefined ? [numeric] : resolve(name);
    const usable = candidates.filter((a) => (isIP(a) === 4 ? v4 : v6)).map(canonical);
    if (usable.length === 0) return `config variable inet_interfaces: host not found: ${host}`;
    found.push(...usable);
  }
  // inet_addr_list_uniq() sorts before it drops duplicates, so the first address reported
  // missing is the first in its order.
  found.sort(compareAddresses);
  const unique = found.filter((a, i) => i === 0 || compareAddresses(found[i - 1], a) !== 0);
  const local = addrs.map((a) => canonical(a.address));
  const missing = unique.find((a) => !local.includes(a));
  return missing === undefined ? undefined : `parameter inet_interfaces: no local interface found for ${missing}`;
}

/**
 * sock_addr_cmp_addr() on Linux/x86: IPv4 (AF_INET, 2) before IPv6 (AF_INET6, 10); IPv4 by the
 * difference of the addresses as little-endian 32-bit words, wrapped to an int; IPv6 bytewise.
 */
function compareAddresses(a: string, b: string): number {
  const fa = isIP(a);
  const fb = isIP(b);
  if (fa !== fb) return fa === 4 ? -1 : 1;
  if (fa === 4) {
    const word = (x: string) => x.split('.').reduce((acc, part, i) => acc + Number(part) * 2 ** (8 * i), 0);
    return (word(a) - word(b)) | 0;
  }
  return Buffer.compare(ipv6Bytes(a), ipv6Bytes(b));
}

function ipv6Bytes(address: string): Buffer {
  const [head, tail] = address.includes('::') ? address.split('::') : [address, undefined];
  const groups = (s: string | undefined) => (s ? s.split(':') : []);
  const h = groups(head);
  const t = groups(tail);
  const all = tail === undefined ? h : [...h, ...Array(8 - h.length - t.length).fill('0'), ...t];
  const out = Buffer.alloc(16);
  all.forEach((g, i) => out.writeUInt16BE(parseInt(g, 16) || 0, 2 * i));
  return out;
}

/** An address as inet_ntop() prints it (IPv6 compressed, lower case). */
function canonical(address: string): string {
  return isIP(address) === 6 ? new URL(`http://[${address}]/`).hostname.slice(1, -1) : address;
}

/**
 * The resolver reads IPv4 numbers the inet_aton() way: one to four parts (decimal, 0 octal or 0x
 * hex), the last one filling the remaining bytes, so "10240000" is 0.156.64.0.
 */
function inetAton(text: string): string | undefined {
  const parts = text.split('.');
  if (parts.length > 4) return undefined;
  const values: number[] = [];
  for (const p of parts) {
    const m = /^(?:0[xX]([0-9a-fA-F]*)|(0[0-7]*)|([1-9][0-9]*))$/.exec(p);
    if (!m) return undefined;
    values.push(m[1] !== undefined ? (m[1] === '' ? 0 : parseInt(m[1], 16)) : m[2] !== undefined ? parseInt(m[2], 8) : Number(m[3]));
  }
  const last = values.pop()!;
  if (values.some((v) => v > 255) || last >= 2 ** (8 * (4 - values.length))) return undefined;
  const bytes = [...values];
  for (let i = 3 - values.length; i >= 0; i--) bytes.push(Math.floor(last / 2 ** (8 * i)) % 256);
  return bytes.join('.');
}
