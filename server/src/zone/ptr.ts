// Reverse DNS: names under in-addr.arpa (RFC 1035 §3.5, with RFC 2317 classless labels) and
// ip6.arpa (RFC 3596 §2.5), and PTR records generated from a forward zone's A/AAAA records.
import { Localized, msg } from '../l10n';

export function reverseOwnerProblem(owner: string): Localized | undefined {
  const key = owner.toLowerCase();
  if (key.endsWith('.in-addr.arpa.')) {
    const labels = key.slice(0, -'.in-addr.arpa.'.length).split('.');
    // An RFC 2317 classless delegation adds one label of its own ("0/25", "1-126") between the
    // host's byte and the network's: it is no address byte, so it does not count towards four.
    let classless = 0;
    for (const l of labels) {
      if (l === '*') continue;
      if (/^\d{1,3}$/.test(l) && Number(l) <= 255 && !(l.length > 1 && l[0] === '0')) continue;
      if (/^\d{1,3}[-/]\d{1,3}$/.test(l)) {
        classless++;
        continue;
      }
      return msg('zone.check.ptr-bad-byte', l, owner);
    }
    if (labels.length - Math.min(classless, 1) > 4) return msg('zone.check.ptr-too-many-labels', owner);
    return undefined;
  }
  if (key.endsWith('.ip6.arpa.')) {
    const labels = key.slice(0, -'.ip6.arpa.'.length).split('.');
    if (labels.length > 32) return msg('zone.check.ptr-too-many-nibbles', owner);
    for (const l of labels) if (l !== '*' && !/^[0-9a-f]$/.test(l)) return msg('zone.check.ptr-bad-nibble', l, owner);
    return undefined;
  }
  return undefined;
}

export function ipv4ReverseName(address: string): string | undefined {
  const parts = address.split('.');
  if (parts.length !== 4 || parts.some((p) => !/^\d{1,3}$/.test(p) || Number(p) > 255)) return undefined;
  return parts.map(Number).reverse().join('.') + '.in-addr.arpa.';
}

export function expandIPv6(address: string): string | undefined {
  let head = address;
  let v4 = '';
  const m = /^(.*:)(\d+\.\d+\.\d+\.\d+)$/.exec(address);
  if (m) {
    const b = m[2].split('.').map(Number);
    if (b.some((x) => x > 255)) return undefined;
    head = m[1] + ((b[0] << 8) | b[1]).toString(16) + ':' + ((b[2] << 8) | b[3]).toString(16);
    v4 = '';
  }
  const halves = head.split('::');
  if (halves.length > 2) return undefined;
  const left = halves[0] ? halves[0].split(':') : [];
  const right = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const missing = 8 - left.length - right.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return undefined;
  const groups = [...left, ...Array(halves.length === 2 ? missing : 0).fill('0'), ...right];
  if (groups.some((g) => !/^[0-9a-fA-F]{1,4}$/.test(g))) return undefined;
  return groups.map((g) => g.toLowerCase().padStart(4, '0')).join('') + v4;
}

export function ipv6ReverseName(address: string): string | undefined {
  const hex = expandIPv6(address);
  return hex === undefined ? undefined : hex.split('').reverse().join('.') + '.ip6.arpa.';
}

export interface AddressRecord {
  owner: string; // absolute
  type: 'A' | 'AAAA';
  address: string;
}

/**
 * PTR lines for the addresses that fall inside `reverseZone`, owner names relative to it.
 * One PTR per address: the first forward name wins, like most tools and the lesson do.
 */
export function generatePtrRecords(addresses: AddressRecord[], reverseZone: string): string[] {
  const zone = (reverseZone.endsWith('.') ? reverseZone : reverseZone + '.').toLowerCase();
  const seen = new Set<string>();
  const lines: string[] = [];
  for (const a of addresses) {
    const name = a.type === 'A' ? ipv4ReverseName(a.address) : ipv6ReverseName(a.address);
    if (!name || seen.has(name)) continue;
    if (name !== zone && !name.endsWith('.' + zone)) continue;
    seen.add(name);
    const relative = name === zone ? '@' : name.slice(0, name.length - zone.length - 1);
    lines.push(`${relative}\tIN\tPTR\t${a.owner}`);
  }
  return lines;
}
