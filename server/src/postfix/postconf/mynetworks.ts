// The default of mynetworks, computed like Postfix does from the host's interface addresses:
// mynetworks_style "host" lists each address alone, "subnet" each address's network, "class" the
// old class A/B/C network of each IPv4 address. inet_interfaces and inet_protocols select which
// addresses count. The caller supplies the addresses (os.networkInterfaces() on this machine, or
// another host's when previewing a remote configuration).

export interface InterfaceAddress {
  address: string;
  /** Prefix length of the interface's network. */
  prefix: number;
  family: 'IPv4' | 'IPv6';
}

/** From Node's os.networkInterfaces() shape. */
export function interfaceAddresses(ifaces: Record<string, { address: string; cidr: string | null; family: string | number }[] | undefined>): InterfaceAddress[] {
  const out: InterfaceAddress[] = [];
  for (const list of Object.values(ifaces)) {
    for (const a of list ?? []) {
      const family = a.family === 'IPv4' || a.family === 4 ? 'IPv4' : 'IPv6';
      const prefix = a.cidr ? Number(a.cidr.slice(a.cidr.lastIndexOf('/') + 1)) : family === 'IPv4' ? 32 : 128;
      out.push({ address: a.address.replace(/%.*$/, ''), prefix, family });
    }
  }
  // Postfix lists the IPv4 addresses first, then the IPv6 ones, each in interface order.
  return [...out.filter((a) => a.family === 'IPv4'), ...out.filter((a) => a.family === 'IPv6')];
}

export function mynetworksDefault(addrs: InterfaceAddress[], style: string, inetInterfaces: string, inetProtocols: string): string | undefined {
  const protocols = inetProtocols.toLowerCase().split(/[, \t\r\n]+/).filter(Boolean);
  const v4 = protocols.includes('all') || protocols.includes('ipv4');
  const v6 = protocols.includes('all') || protocols.includes('ipv6');
  const wanted = inetInterfaces.toLowerCase().split(/[, \t\r\n]+/).filter(Boolean);
  let chosen: InterfaceAddress[];
  if (wanted.includes('all')) chosen = addrs;
  else if (wanted.length === 1 && wanted[0] === 'loopback-only') chosen = addrs.filter((a) => a.address === '127.0.0.1' || a.address === '::1');
  else if (wanted.every((w) => addrs.some((a) => a.address === w.replace(/^\[|\]$/g, '')))) {
    chosen = addrs.filter((a) => wanted.includes(a.address) || wanted.includes(`[${a.address}]`));
  } else return undefined;
  chosen = chosen.filter((a) => (a.family === 'IPv4' ? v4 : v6));
  const s = style.toLowerCase();
  if (s !== 'host' && s !== 'subnet' && s !== 'class') return undefined;
  return chosen
    .map((a) => {
      const bits = s === 'host' ? (a.family === 'IPv4' ? 32 : 128) : s === 'class' && a.family === 'IPv4' ? classBits(a.address) : a.prefix;
      return a.family === 'IPv4' ? `${maskV4(a.address, bits)}/${bits}` : `[${maskV6(a.address, bits)}]/${bits}`;
    })
    .join(' ');
}

function classBits(address: string): number {
  const first = Number(address.split('.')[0]);
  return first < 128 ? 8 : first < 192 ? 16 : first < 224 ? 24 : 32;
}

function maskV4(address: string, bits: number): string {
  const n = address.split('.').reduce((acc, p) => acc * 256 + Number(p), 0);
  const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
  const m = (n & mask) >>> 0;
  return [24, 16, 8, 0].map((sh) => (m >>> sh) & 255).join('.');
}

function maskV6(address: string, bits: number): string {
  const groups = expandV6(address);
  const out = groups.map((g, i) => {
    const keep = Math.max(0, Math.min(16, bits - i * 16));
    return keep === 0 ? 0 : g & ((0xffff << (16 - keep)) & 0xffff);
  });
  return compressV6(out);
}

function expandV6(address: string): number[] {
  let head = address;
  let tail = '';
  if (address.includes('::')) [head, tail] = address.split('::');
  const parse = (s: string) => (s === '' ? [] : s.split(':').flatMap((g) => (g.includes('.') ? v4Groups(g) : [parseInt(g, 16)])));
  const h = parse(head);
  const t = parse(tail);
  return [...h, ...new Array(8 - h.length - t.length).fill(0), ...t];
}

function v4Groups(s: string): number[] {
  const p = s.split('.').map(Number);
  return [p[0] * 256 + p[1], p[2] * 256 + p[3]];
}

/** inet_ntop's form: lowercase hex, the first longest run of two or more zero groups as "::". */
function compressV6(g: number[]): string {
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (g[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && g[j] === 0) j++;
    if (j - i > bestLen) {
      best = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = g.map((x) => x.toString(16));
  if (best < 0) return hex.join(':');
  return `${hex.slice(0, best).join(':')}::${hex.slice(best + bestLen).join(':')}`;
}
