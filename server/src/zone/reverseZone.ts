// A new reverse zone for a forward zone's IPv4 addresses: one in-addr.arpa zone per /24, with the
// forward zone's SOA contact and timers, its name servers, and a PTR per address. The lesson
// needs one (reject_unknown_client_hostname refuses clients whose address has no name) and the
// lab has none. Addresses of the zone's MX hosts get their PTR first, so that the mail server's
// address is named after the mail host rather than, say, ns.
import { t, type Locale } from '../l10n';
import { dateStamp } from './soa';
import { AddressRecord, generatePtrRecords, ipv4ReverseName } from './ptr';

export interface ForwardZoneFacts {
  /** Absolute zone name, e.g. mail1.org. */
  origin: string;
  soa?: { mname: string; rname: string; refresh: number; retry: number; expire: number; minimum: number };
  /** Absolute names of the apex NS records. */
  nameServers: string[];
  /** Absolute names of the MX targets. */
  mailHosts: string[];
  addresses: AddressRecord[];
}

export interface ReverseZonePlan {
  /** e.g. 255.168.192.in-addr.arpa. */
  origin: string;
  /** e.g. 192.168.255.0/24 */
  network: string;
  text: string;
  ptrCount: number;
}

const pad = (s: string, width: number) => (s.length >= width ? `${s} ` : s.padEnd(width));

export function reverseZonesFor(forward: ForwardZoneFacts, today: Date, source: string, locale: Locale = 'en'): ReverseZonePlan[] {
  const mail = new Set(forward.mailHosts.map((n) => n.toLowerCase()));
  const ordered = [...forward.addresses].sort((a, b) => Number(mail.has(b.owner.toLowerCase())) - Number(mail.has(a.owner.toLowerCase())));
  const networks = new Map<string, string>();
  for (const a of ordered) {
    if (a.type !== 'A' || !ipv4ReverseName(a.address)) continue;
    const [x, y, z] = a.address.split('.').map(Number);
    networks.set(`${z}.${y}.${x}.in-addr.arpa.`, `${x}.${y}.${z}.0/24`);
  }
  const soa = forward.soa ?? { mname: forward.nameServers[0] ?? `ns.${forward.origin}`, rname: `hostmaster.${forward.origin}`, refresh: 10800, retry: 3600, expire: 604800, minimum: 3600 };
  const servers = forward.nameServers.length > 0 ? forward.nameServers : [soa.mname];
  return [...networks].map(([origin, network]) => {
    const ptrs = generatePtrRecords(ordered, origin).map((line) => {
      const [owner, , , target] = line.split('\t');
      return `${pad(owner, 8)}IN  PTR  ${target}`;
    });
    const text = [
      `; ${t(locale, 'zone.reverse.comment', network, source)}`,
      `; ${t(locale, 'zone.reverse.why')}`,
      `$ORIGIN ${origin}`,
      '$TTL 1d',
      `@       IN  SOA  ${soa.mname} ${soa.rname} (`,
      `                 ${dateStamp(today) * 100 + 1} ; serial, YYYYMMDDnn`,
      `                 ${soa.refresh} ; refresh`,
      `                 ${soa.retry} ; retry`,
      `                 ${soa.expire} ; expire`,
      `                 ${soa.minimum} ) ; negative-answer TTL`,
      ...servers.map((ns) => `@       IN  NS   ${ns}`),
      ...ptrs,
      '',
    ].join('\n');
    return { origin, network, text, ptrCount: ptrs.length };
  });
}
