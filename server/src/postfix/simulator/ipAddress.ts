// IPv4 and IPv6 addresses as numbers, and network blocks (a.b.c.d/n, [v6]/n), for mynetworks and
// cidr: tables. Only the forms Postfix itself accepts are parsed; anything else is undefined.
import { isValidIpv4, isValidIpv6 } from './hostnames';

export interface IpAddress {
  family: 4 | 6;
  value: bigint;
}

export interface Network {
  address: IpAddress;
  prefix: number;
}

export function parseIp(text: string): IpAddress | undefined {
  if (isValidIpv4(text)) return { family: 4, value: text.split('.').reduce((a, p) => (a << 8n) | BigInt(Number(p)), 0n) };
  if (!isValidIpv6(text)) return undefined;
  let head = text;
  let tail = '';
  const gap = text.indexOf('::');
  if (gap >= 0) {
    head = text.slice(0, gap);
    tail = text.slice(gap + 2);
  }
  const groups = (s: string): number[] =>
    s === ''
      ? []
      : s.split(':').flatMap((g) => {
          if (!g.includes('.')) return [parseInt(g, 16)];
          const b = g.split('.').map(Number);
          return [b[0] * 256 + b[1], b[2] * 256 + b[3]];
        });
  const h = groups(head);
  const t = groups(tail);
  const all = [...h, ...new Array(Math.max(0, 8 - h.length - t.length)).fill(0), ...t];
  if (all.length !== 8) return undefined;
  return { family: 6, value: all.reduce((a, g) => (a << 16n) | BigInt(g), 0n) };
}

/** "192.0.2.0/24", "[2001:db8::]/32", "[::1]" or a bare address (a /32 or /128). */
export function parseNetwork(text: string): Network | undefined {
  const slash = text.lastIndexOf('/');
  let addr = slash >= 0 ? text.slice(0, slash) : text;
  if (addr.startsWith('[') && addr.endsWith(']')) addr = addr.slice(1, -1);
  const address = parseIp(addr);
  if (!address) return undefined;
  const max = address.family === 4 ? 32 : 128;
  if (slash < 0) return { address, prefix: max };
  const p = text.slice(slash + 1);
  if (!/^[0-9]+$/.test(p) || Number(p) > max) return undefined;
  const prefix = Number(p);
  // Postfix refuses a network whose address has bits set past the prefix.
  if ((address.value & hostMask(address.family, prefix)) !== 0n) return undefined;
  return { address, prefix };
}

function hostMask(family: 4 | 6, prefix: number): bigint {
  const bits = family === 4 ? 32 : 128;
  return (1n << BigInt(bits - prefix)) - 1n;
}

export function inNetwork(ip: IpAddress, net: Network): boolean {
  if (ip.family !== net.address.family) return false;
  return (ip.value & ~hostMask(ip.family, net.prefix)) === net.address.value;
}
